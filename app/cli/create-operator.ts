// `npm run user:create-operator -- <email> [--first-name X --last-name Y] [--password P]`:
// programme operators are created here, never by sign-up. Without --password, a strong one is
// generated and printed once.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { hashPassword, normalizeEmail } from "#app/accounts/auth.server";
import { openDatabase } from "#app/platform/db.server";
import { passwordProblem } from "#app/domain/password-policy";
import { migrate } from "#prisma/migrate";

const { values, positionals } = parseArgs({
  options: {
    "first-name": { type: "string", default: "Opérateur" },
    "last-name": { type: "string", default: "VTE" },
    password: { type: "string" },
  },
  allowPositionals: true,
});
const email = normalizeEmail(positionals[0] ?? "");
if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
  console.error("Usage: npm run user:create-operator -- <email> [--password P]");
  process.exit(2);
}
const password = values.password ?? randomBytes(15).toString("base64url");
const problem = passwordProblem(password, email);
if (problem) {
  console.error(problem);
  process.exit(2);
}

const database = await openDatabase();
try {
  await migrate(database.sql);
  const passwordHash = await hashPassword(password);
  const existing = await database.prisma.user.findUnique({ where: { email } });
  if (existing && existing.role !== "OPERATOR") {
    console.error(`${email} already has an account with another role (${existing.role}); operators need their own address.`);
    process.exitCode = 1;
  } else {
    await database.prisma.user.upsert({
      where: { email },
      create: {
        email,
        passwordHash,
        role: "OPERATOR",
        firstName: values["first-name"],
        lastName: values["last-name"],
        emailVerifiedAt: new Date(),
      },
      update: { passwordHash },
    });
    console.log(`Operator ${email} ${existing ? "updated" : "created"}.`);
    if (!values.password) console.log(`Password (shown once): ${password}`);
  }
} finally {
  await database.close();
}

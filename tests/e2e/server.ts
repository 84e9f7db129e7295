// The platform as `npm start` runs it, on a throw-away data folder (and a throw-away PostgreSQL
// database when DATABASE_URL is set), with a small demo world so pages have content.
import { spawn } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { Prisma } from "#app/generated/prisma/client";
import { isPostgresUrl, openDatabase, setDatabase } from "#app/platform/db.server";
import { seedDemoWorld } from "#prisma/demo/seed";
import { importReferenceDataIfEmpty } from "#prisma/import-reference";
import { migrate } from "#prisma/migrate";
import { hashPassword } from "#app/accounts/auth.server";
import { isProcessAlive } from "#app/platform/process.server";
import { SMTPServer } from "smtp-server";
import { createCompany, verifyCompany } from "#app/companies/companies.server";
import { withLuhnKey } from "#app/domain/siren";
import { approveOffer, saveOffer } from "#app/offers/offers.server";
import { e2eEndingOffer, e2eMatchOffer, e2eOperator, e2eRecruiter, e2eSchoolStaff, e2eSchoolStudents, e2eStudent } from "./accounts";
import { termsVersion } from "#app/domain/personal-data";
import { offerInput } from "#tests/fixtures/offer-input";

const root = path.resolve(import.meta.dirname, "../..");
// The tests read the mail folder, so the data folder can be given (playwright.config.ts does).
const dataDir = process.env.E2E_DATA_DIR ?? (await mkdtemp(path.join(os.tmpdir(), "vte-e2e-")));
await rm(dataDir, { recursive: true, force: true });
const serverUrl = process.env.DATABASE_URL;
const databaseName = `vte_e2e_${process.pid}`;

function databaseUrl(name: string): string {
  const url = new URL(serverUrl as string);
  url.pathname = `/${name}`;
  return url.toString();
}

const env: NodeJS.ProcessEnv = { ...process.env, VTE_DATA_DIR: dataDir };
delete env.MEILI_URL;
delete env.SMTP_URL;
if (isPostgresUrl(serverUrl)) {
  const admin = new pg.Client({ connectionString: databaseUrl("postgres") });
  await admin.connect();
  // Databases of earlier runs whose server was killed before it could drop them.
  const earlier = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'vte_e2e_%'");
  for (const { datname } of earlier.rows) {
    const pid = Number(datname.slice("vte_e2e_".length));
    if (!isProcessAlive(pid)) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  }
  await admin.query(`CREATE DATABASE "${databaseName}"`);
  await admin.end();
  env.DATABASE_URL = databaseUrl(databaseName);
}

process.env.VTE_DATA_DIR = dataDir;
const database = await openDatabase({ url: env.DATABASE_URL });
await migrate(database.sql);
await importReferenceDataIfEmpty(database.sql, () => {});
await seedDemoWorld(database.sql, { offers: 1500, seed: 42 });
/** An account as after sign-up: its address verified and the terms accepted. */
async function createAccount(
  account: { email: string; password: string },
  fields: Omit<Prisma.UserUncheckedCreateInput, "email" | "passwordHash" | "emailVerifiedAt" | "termsVersion" | "termsAcceptedAt">,
) {
  const passwordHash = await hashPassword(account.password);
  const agreed = { emailVerifiedAt: new Date(), termsVersion, termsAcceptedAt: new Date() };
  return database.prisma.user.create({ data: { email: account.email, passwordHash, ...agreed, ...fields } });
}
await createAccount(e2eOperator, { role: "OPERATOR", firstName: "Opératrice", lastName: "E2E" });
// A school and its approved staff member, so that every role's pages can be visited.
const schoolEstablishment = await database.prisma.establishment.findFirstOrThrow({ where: { kind: "École" }, orderBy: { id: "asc" } });
const school = await database.prisma.school.create({
  data: {
    name: "École E2E",
    kind: "ENGINEERING",
    establishmentId: schoolEstablishment.id,
    emailDomains: ["etu.ecole-e2e.test"],
    staffEmailDomains: ["ecole-e2e.test"],
  },
});
await createAccount(e2eSchoolStaff, {
  role: "SCHOOL_STAFF",
  firstName: "Claire",
  lastName: "Relations",
  schoolId: school.id,
  staffApprovedAt: new Date(),
  staffApprovedBy: "operatrice-e2e",
});
for (const [which, student] of Object.entries(e2eSchoolStudents)) {
  await createAccount(
    { email: student.email, password: "Etudiante-de-l-ecole-2026" },
    {
      role: "STUDENT",
      firstName: student.firstName,
      lastName: student.lastName,
      studentProfile: {
        create: {
          ...(which === "elsewhere" ? { otherEstablishmentName: "Une autre école" } : { establishmentId: schoolEstablishment.id }),
          schoolKind: "ENGINEERING",
          degreeLevel: which === "incomplete" ? null : "BAC5",
          field: "Génie industriel",
          status: "STUDENT",
        },
      },
    },
  );
}
// A company in Roanne with a published offer, and a student account per project (issue 5's flow).
setDatabase(database);
const recruiter = await createAccount(e2eRecruiter, { role: "COMPANY_MEMBER", firstName: "Paul", lastName: "Recruteur" });
const company = await createCompany(recruiter.id, {
  siren: withLuhnKey("98765432"),
  name: "Forges du Forez",
  nafCode: "25.62B",
  sizeBand: "PME",
  communeCode: "42187",
});
if (company === "siren-taken") throw new Error("The e2e company's SIREN is taken by the demo world.");
await verifyCompany(company.id, "operatrice-e2e");
const offer = await saveOffer(
  company.id,
  null,
  offerInput({
    title: e2eMatchOffer.title,
    description:
      "Au sein du bureau des méthodes, vous industrialisez le brasage laser de nos échangeurs : gammes, outillages, qualification.",
    startDate: new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10),
  }),
  "submit",
);
await approveOffer(offer.id, "http://127.0.0.1");
for (const project of ["avec-js", "sans-js"]) {
  const ending = await saveOffer(
    company.id,
    null,
    offerInput({
      title: e2eEndingOffer(project).title,
      description: "Au bureau des méthodes, vous préparez les gammes d'usinage et les outillages des nouvelles pièces.",
      startDate: new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10),
    }),
    "submit",
  );
  await approveOffer(ending.id, "http://127.0.0.1");
  const student = e2eStudent(project);
  await createAccount(student, { role: "STUDENT", firstName: student.firstName, lastName: student.lastName });
}
setDatabase(undefined);
await database.close();

// Mail goes to a real SMTP server, which writes what it receives for the tests to read.
const sinkDir = path.join(dataDir, "smtp-sink");
await mkdir(sinkDir, { recursive: true });
let received = 0;
const sink = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  onData(stream, _session, callback) {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => {
      writeFile(path.join(sinkDir, `${Date.now()}-${String(++received).padStart(5, "0")}.eml`), Buffer.concat(chunks)).then(
        () => callback(),
        callback,
      );
    });
  },
});
await new Promise<void>((resolve) => sink.listen(0, "127.0.0.1", resolve));
env.SMTP_URL = `smtp://127.0.0.1:${(sink.server.address() as { port: number }).port}`;

const child = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "app/server/start.ts"], {
  cwd: root,
  env,
  stdio: "inherit",
});

let cleaning = false;
async function cleanUp(code: number) {
  if (cleaning) return;
  cleaning = true;
  if (child.exitCode === null) {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  }
  if (isPostgresUrl(serverUrl)) {
    const admin = new pg.Client({ connectionString: databaseUrl("postgres") });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
    await admin.end();
  }
  sink.close();
  await rm(dataDir, { recursive: true, force: true });
  process.exit(code);
}
child.once("exit", (code) => void cleanUp(code ?? 1));
process.on("SIGTERM", () => void cleanUp(0));
process.on("SIGINT", () => void cleanUp(0));

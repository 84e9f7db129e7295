// Accounts: sign-up, e-mail verification, log-in with attempt limits, password reset.
import { randomInt } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import { db } from "~/db.server";
import { schoolOfEmail } from "~/schools.server";
import type { Role } from "~/generated/prisma/enums";
import { createSession, generateSessionToken, hashToken, invalidateUserSessions } from "~/session.server";
import { enqueueMail } from "../emails/outbox.server";

const hourMs = 3_600_000;
const verificationLifetimeMs = hourMs;
const resetLifetimeMs = hourMs;
const maxCodeAttempts = 5;

export const loginLimits = {
  windowMinutes: 15,
  perAccount: 5,
  perIp: 30,
};

export type SignUpRole = Extract<Role, "STUDENT" | "COMPANY_MEMBER" | "SCHOOL_STAFF">;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function hashPassword(password: string): Promise<string> {
  return hash(password); // argon2id with the library's recommended parameters
}

function sixDigitCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}

/** Creates the account and enqueues the verification mail; "email-taken" when it exists. */
export async function signUp(
  input: { email: string; password: string; firstName: string; lastName: string; role: SignUpRole },
  baseUrl: string,
): Promise<{ userId: string } | "email-taken" | "school-domain-unknown"> {
  const email = normalizeEmail(input.email);
  if (await db().user.findUnique({ where: { email }, select: { id: true } })) return "email-taken";
  // School staff belong to the school whose domains include their address (set by operators).
  const school = input.role === "SCHOOL_STAFF" ? await schoolOfEmail(email) : null;
  if (input.role === "SCHOOL_STAFF" && !school) return "school-domain-unknown";
  const passwordHash = await hashPassword(input.password);
  try {
    return await db().$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email, passwordHash, role: input.role, firstName: input.firstName, lastName: input.lastName, schoolId: school?.id ?? null },
      });
      await issueVerification(tx, user, baseUrl);
      return { userId: user.id };
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") return "email-taken";
    throw error;
  }
}

type Tx = Parameters<Parameters<ReturnType<typeof db>["$transaction"]>[0]>[0];

async function issueVerification(tx: Tx, user: { id: string; email: string; firstName: string }, baseUrl: string) {
  const token = generateSessionToken();
  const code = sixDigitCode();
  await tx.userToken.deleteMany({ where: { userId: user.id, purpose: "EMAIL_VERIFICATION" } });
  await tx.userToken.create({
    data: {
      userId: user.id,
      purpose: "EMAIL_VERIFICATION",
      tokenHash: hashToken(token),
      codeHash: hashToken(`${user.id}:${code}`),
      expiresAt: new Date(Date.now() + verificationLifetimeMs),
    },
  });
  await enqueueMail(tx, user.email, "verification", { firstName: user.firstName, code, link: `${baseUrl}/verification/${token}` });
}

export async function resendVerification(userId: string, baseUrl: string): Promise<void> {
  const user = await db().user.findUniqueOrThrow({ where: { id: userId } });
  if (user.emailVerifiedAt) return;
  await db().$transaction((tx) => issueVerification(tx, user, baseUrl));
}

export type VerificationResult = "verified" | "invalid" | "expired" | "too-many-attempts";

/** Verifies by the 6-digit code typed by the signed-in user. */
export async function verifyEmailCode(userId: string, code: string): Promise<VerificationResult> {
  const token = await db().userToken.findFirst({ where: { userId, purpose: "EMAIL_VERIFICATION", usedAt: null }, orderBy: { createdAt: "desc" } });
  if (!token) return "invalid";
  if (token.expiresAt < new Date()) return "expired";
  if (token.attempts >= maxCodeAttempts) return "too-many-attempts";
  if (token.codeHash !== hashToken(`${userId}:${code.trim()}`)) {
    await db().userToken.update({ where: { id: token.id }, data: { attempts: { increment: 1 } } });
    return token.attempts + 1 >= maxCodeAttempts ? "too-many-attempts" : "invalid";
  }
  await markVerified(token.id, userId);
  return "verified";
}

/** Verifies by the link of the mail; works without being signed in. */
export async function verifyEmailLink(linkToken: string): Promise<VerificationResult> {
  const token = await db().userToken.findUnique({ where: { tokenHash: hashToken(linkToken) } });
  if (!token || token.purpose !== "EMAIL_VERIFICATION" || token.usedAt) return "invalid";
  if (token.expiresAt < new Date()) return "expired";
  await markVerified(token.id, token.userId);
  return "verified";
}

async function markVerified(tokenId: string, userId: string) {
  await db().$transaction([
    db().userToken.update({ where: { id: tokenId }, data: { usedAt: new Date() } }),
    db().user.update({ where: { id: userId }, data: { emailVerifiedAt: new Date() } }),
  ]);
}

/** The per-account counter of password guesses, shared by log-in and password change. */
function passwordGuessKey(email: string): string {
  return `login:account:${email}`;
}

/** Counts one attempt against a key; returns the minutes to wait when the limit is passed, else 0. */
async function countAttempt(key: string, limit: number): Promise<number> {
  const [row] = await db().$queryRaw<{ count: number; window_start: Date }[]>`
    INSERT INTO rate_limit (key, count, window_start) VALUES (${key}, 1, now())
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN rate_limit.window_start < now() - make_interval(mins => ${loginLimits.windowMinutes}) THEN 1 ELSE rate_limit.count + 1 END,
      window_start = CASE WHEN rate_limit.window_start < now() - make_interval(mins => ${loginLimits.windowMinutes}) THEN now() ELSE rate_limit.window_start END
    RETURNING count, window_start`;
  if (row.count <= limit) return 0;
  const reopensAt = row.window_start.getTime() + loginLimits.windowMinutes * 60_000;
  return Math.max(1, Math.ceil((reopensAt - Date.now()) / 60_000));
}

export type LoginResult =
  | { ok: true; token: string; expiresAt: Date; role: Role; emailVerified: boolean }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rate-limited"; minutes: number };

export async function logIn(emailInput: string, password: string, ip: string): Promise<LoginResult> {
  const email = normalizeEmail(emailInput);
  const ipWait = await countAttempt(`login:ip:${ip}`, loginLimits.perIp);
  const accountWait = await countAttempt(passwordGuessKey(email), loginLimits.perAccount);
  const wait = Math.max(ipWait, accountWait);
  if (wait > 0) return { ok: false, reason: "rate-limited", minutes: wait };
  const user = await db().user.findUnique({ where: { email } });
  // Verify against a dummy hash for unknown accounts, so timing does not reveal which exist.
  const valid = await verify(user?.passwordHash ?? dummyHash, password).catch(() => false);
  if (!user || !valid) return { ok: false, reason: "invalid" };
  await db().rateLimit.deleteMany({ where: { key: passwordGuessKey(email) } });
  const session = await createSession(user.id);
  return { ok: true, ...session, role: user.role, emailVerified: user.emailVerifiedAt !== null };
}

const dummyHash = "$argon2id$v=19$m=19456,t=2,p=1$ERf4PFkROIINtmKqkWVhHw$ekEy3Dz/yOBEa9Rt+2MYysZgOFd2azRpDJE1J2pGbFg";

/** Enqueues a reset mail when the account exists; says nothing either way (no account probing). */
export async function requestPasswordReset(emailInput: string, baseUrl: string): Promise<void> {
  const user = await db().user.findUnique({ where: { email: normalizeEmail(emailInput) } });
  if (!user) return;
  const token = generateSessionToken();
  await db().$transaction(async (tx) => {
    await tx.userToken.deleteMany({ where: { userId: user.id, purpose: "PASSWORD_RESET" } });
    await tx.userToken.create({
      data: { userId: user.id, purpose: "PASSWORD_RESET", tokenHash: hashToken(token), expiresAt: new Date(Date.now() + resetLifetimeMs) },
    });
    await enqueueMail(tx, user.email, "passwordReset", { firstName: user.firstName, link: `${baseUrl}/mot-de-passe-oublie/${token}` });
  });
}

export async function findValidResetToken(linkToken: string) {
  const token = await db().userToken.findUnique({ where: { tokenHash: hashToken(linkToken) }, include: { user: { select: { email: true } } } });
  if (!token || token.purpose !== "PASSWORD_RESET" || token.usedAt || token.expiresAt < new Date()) return null;
  return token;
}

/** Sets the new password, revokes every session of the account, and opens a new one. */
export async function resetPassword(linkToken: string, password: string): Promise<{ token: string; expiresAt: Date; role: Role } | null> {
  const token = await findValidResetToken(linkToken);
  if (!token) return null;
  const passwordHash = await hashPassword(password);
  const [, user] = await db().$transaction([
    db().userToken.update({ where: { id: token.id }, data: { usedAt: new Date() } }),
    // Following the reset link proves the address too.
    db().user.update({ where: { id: token.userId }, data: { passwordHash, emailVerifiedAt: new Date() } }),
  ]);
  await invalidateUserSessions(token.userId);
  return { ...(await createSession(token.userId)), role: user.role };
}

export type PasswordChangeResult =
  | { ok: true; token: string; expiresAt: Date }
  | { ok: false; reason: "wrong-password" }
  | { ok: false; reason: "rate-limited"; minutes: number };

/**
 * Changes the password of a signed-in user who gives the current one (a session left open is not
 * enough). Every other session is revoked, and the owner of the address is told by mail.
 */
export async function changePassword(userId: string, currentPassword: string, newPassword: string, baseUrl: string): Promise<PasswordChangeResult> {
  const user = await db().user.findUniqueOrThrow({ where: { id: userId } });
  const limitKey = passwordGuessKey(user.email);
  const wait = await countAttempt(limitKey, loginLimits.perAccount);
  if (wait > 0) return { ok: false, reason: "rate-limited", minutes: wait };
  if (!(await verify(user.passwordHash, currentPassword).catch(() => false))) return { ok: false, reason: "wrong-password" };
  await db().rateLimit.deleteMany({ where: { key: limitKey } });
  const passwordHash = await hashPassword(newPassword);
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    await enqueueMail(tx, user.email, "passwordChanged", { firstName: user.firstName, resetLink: `${baseUrl}/mot-de-passe-oublie` });
  });
  await invalidateUserSessions(userId);
  return { ok: true, ...(await createSession(userId)) };
}

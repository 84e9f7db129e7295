// Accounts: sign-up, e-mail verification, log-in with attempt limits, password reset.
import { randomInt } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import { db } from "#app/platform/db.server";
import {
  clearAttempts,
  countAttempt,
  countAttempts,
  counterKeys,
  mailRequestChecks,
  minutesToWait,
  rateLimits,
  type RateRule,
} from "./rate-limit.server";
import { schoolOfStaffEmail } from "#app/schools/schools.server";
import type { Role } from "#app/generated/prisma/enums";
import { createSession, generateSessionToken, hashToken, invalidateUserSessions } from "./session.server";
import { enqueueMail } from "#emails/outbox.server";
import { termsVersion } from "#app/domain/personal-data";

const hourMs = 3_600_000;
const verificationLifetimeMs = hourMs;
const resetLifetimeMs = hourMs;
const maxCodeAttempts = 5;

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

export type SignUpResult = { outcome: "code-sent" } | { outcome: "school-domain-unknown" } | { outcome: "rate-limited"; minutes: number };

/**
 * Creates the account and mails its verification code. The answer never says whether the address
 * already had an account: a verified owner is mailed that someone tried (with the log-in and reset
 * links), and an account never verified is taken over by this sign-up (whoever reads the mail owns
 * the address), its sessions closed.
 */
export async function signUp(
  input: { email: string; password: string; firstName: string; lastName: string; role: SignUpRole },
  baseUrl: string,
  client: string,
): Promise<SignUpResult> {
  const email = normalizeEmail(input.email);
  // School staff belong to the school whose staff domains include their address (set by operators).
  const school = input.role === "SCHOOL_STAFF" ? await schoolOfStaffEmail(email) : null;
  if (input.role === "SCHOOL_STAFF" && !school) return { outcome: "school-domain-unknown" };
  const wait = await countAttempts(mailRequestChecks("sign-up", email, client));
  if (wait > 0) return { outcome: "rate-limited", minutes: wait };
  const existing = await db().user.findUnique({ where: { email } });
  if (existing?.emailVerifiedAt) {
    await db().$transaction((tx) =>
      enqueueMail(tx, existing.email, "signUpAttempt", {
        firstName: existing.firstName,
        logInLink: `${baseUrl}/connexion`,
        resetLink: `${baseUrl}/mot-de-passe-oublie`,
      }),
    );
    return { outcome: "code-sent" };
  }
  const passwordHash = await hashPassword(input.password);
  // The sign-up form cannot be sent without accepting the terms and the data policy in force.
  const account = {
    passwordHash,
    role: input.role,
    firstName: input.firstName,
    lastName: input.lastName,
    schoolId: school?.id ?? null,
    termsVersion,
    termsAcceptedAt: new Date(),
  };
  try {
    await db().$transaction(async (tx) => {
      const user = existing
        ? await tx.user.update({ where: { id: existing.id }, data: account })
        : await tx.user.create({ data: { email, ...account } });
      if (existing) await tx.session.deleteMany({ where: { userId: existing.id } });
      await issueVerification(tx, user, baseUrl);
    });
  } catch (error) {
    // Two sign-ups for one new address at the same instant: the other one created it.
    if ((error as { code?: string }).code !== "P2002") throw error;
  }
  return { outcome: "code-sent" };
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

/** A new code for an address not verified yet; says the same whether or not it has an account. */
export async function resendVerification(
  emailInput: string,
  baseUrl: string,
  client: string,
): Promise<{ ok: true } | { ok: false; minutes: number }> {
  const email = normalizeEmail(emailInput);
  const wait = await countAttempts(mailRequestChecks("verification", email, client));
  if (wait > 0) return { ok: false, minutes: wait };
  const user = await db().user.findUnique({ where: { email } });
  if (user && !user.emailVerifiedAt) await db().$transaction((tx) => issueVerification(tx, user, baseUrl));
  return { ok: true };
}

export type VerificationResult = "verified" | "invalid" | "expired" | "too-many-attempts";

/**
 * Verifies an address by the 6-digit code mailed to it. Guesses are limited per address and hour
 * across every code (a new code does not give new tries), and per code.
 */
export async function verifyEmailCode(
  emailInput: string,
  code: string,
): Promise<{ result: VerificationResult; user?: { id: string; role: Role } }> {
  const email = normalizeEmail(emailInput);
  if ((await countAttempt(counterKeys.codeGuesses(email), rateLimits.codeGuessesPerAddress)) > 0) return { result: "too-many-attempts" };
  const user = await db().user.findUnique({ where: { email }, select: { id: true, role: true } });
  if (!user) return { result: "invalid" };
  return { result: await verifyCodeOf(user.id, code), user };
}

async function verifyCodeOf(userId: string, code: string): Promise<VerificationResult> {
  const token = await db().userToken.findFirst({
    where: { userId, purpose: "EMAIL_VERIFICATION", usedAt: null },
    orderBy: { createdAt: "desc" },
  });
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

/**
 * Wrong password guesses are counted per account and client (log-in and password change share it), so
 * that a stranger's wrong guesses never lock the owner out; a looser per-account count stops a
 * guess spread over many clients.
 */
function passwordGuessChecks(email: string, client: string): [string, RateRule][] {
  return [
    [counterKeys.logInsFrom(client), rateLimits.logInsPerClient],
    [counterKeys.passwordGuessesFrom(email, client), rateLimits.passwordGuessesPerAccountAndClient],
    [counterKeys.passwordGuesses(email), rateLimits.passwordGuessesPerAccount],
  ];
}

export type LoginResult =
  | { ok: true; token: string; expiresAt: Date; role: Role; emailVerified: boolean; termsAccepted: boolean }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rate-limited"; minutes: number };

export async function logIn(emailInput: string, password: string, ip: string): Promise<LoginResult> {
  const email = normalizeEmail(emailInput);
  const checks = passwordGuessChecks(email, ip);
  const wait = await minutesToWait(checks);
  if (wait > 0) return { ok: false, reason: "rate-limited", minutes: wait };
  const user = await db().user.findUnique({ where: { email } });
  // Verify against a dummy hash for unknown accounts, so timing does not reveal which exist.
  const valid = await verify(user?.passwordHash ?? dummyHash, password).catch(() => false);
  if (!user || !valid) {
    await countAttempts(checks);
    return { ok: false, reason: "invalid" };
  }
  await clearAttempts(counterKeys.passwordGuessesFrom(email, ip));
  // A log-in during the grace period of a deletion cancels it (app/personal-data/deletion.server.ts).
  if (user.deletionRequestedAt) await db().user.update({ where: { id: user.id }, data: { deletionRequestedAt: null } });
  const session = await createSession(user.id);
  return {
    ok: true,
    ...session,
    role: user.role,
    emailVerified: user.emailVerifiedAt !== null,
    termsAccepted: user.termsVersion === termsVersion,
  };
}

export type OwnPasswordRefusal = { ok: false; reason: "wrong-password" } | { ok: false; reason: "rate-limited"; minutes: number };

/**
 * A signed-in person's password, asked again before an act a session left open must not do alone
 * (changing the password, deleting the account). Wrong guesses count as at log-in, so an open
 * session cannot be used to guess it either.
 */
export async function confirmOwnPassword(userId: string, password: string, client: string): Promise<{ ok: true } | OwnPasswordRefusal> {
  const user = await db().user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, passwordHash: true } });
  const checks = passwordGuessChecks(user.email, client);
  const wait = await minutesToWait(checks);
  if (wait > 0) return { ok: false, reason: "rate-limited", minutes: wait };
  if (!(await verify(user.passwordHash, password).catch(() => false))) {
    await countAttempts(checks);
    return { ok: false, reason: "wrong-password" };
  }
  await clearAttempts(counterKeys.passwordGuessesFrom(user.email, client));
  return { ok: true };
}

const dummyHash = "$argon2id$v=19$m=19456,t=2,p=1$ERf4PFkROIINtmKqkWVhHw$ekEy3Dz/yOBEa9Rt+2MYysZgOFd2azRpDJE1J2pGbFg";

/** Enqueues a reset mail when the account exists; says nothing either way (no account probing). */
export async function requestPasswordReset(
  emailInput: string,
  baseUrl: string,
  client: string,
): Promise<{ ok: true } | { ok: false; minutes: number }> {
  const email = normalizeEmail(emailInput);
  const wait = await countAttempts(mailRequestChecks("reset", email, client));
  if (wait > 0) return { ok: false, minutes: wait };
  const user = await db().user.findUnique({ where: { email } });
  if (!user) return { ok: true };
  const token = generateSessionToken();
  await db().$transaction(async (tx) => {
    await tx.userToken.deleteMany({ where: { userId: user.id, purpose: "PASSWORD_RESET" } });
    await tx.userToken.create({
      data: { userId: user.id, purpose: "PASSWORD_RESET", tokenHash: hashToken(token), expiresAt: new Date(Date.now() + resetLifetimeMs) },
    });
    await enqueueMail(tx, user.email, "passwordReset", { firstName: user.firstName, link: `${baseUrl}/mot-de-passe-oublie/${token}` });
  });
  return { ok: true };
}

export async function findValidResetToken(linkToken: string) {
  const token = await db().userToken.findUnique({
    where: { tokenHash: hashToken(linkToken) },
    include: { user: { select: { email: true } } },
  });
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

export type PasswordChangeResult = { ok: true; token: string; expiresAt: Date } | OwnPasswordRefusal;

/**
 * Changes the password of a signed-in user who gives the current one (a session left open is not
 * enough). Every other session is revoked, and the owner of the address is told by mail.
 */
export async function changePassword(
  userId: string,
  currentPassword: string,
  newPassword: string,
  baseUrl: string,
  client: string,
): Promise<PasswordChangeResult> {
  const confirmed = await confirmOwnPassword(userId, currentPassword, client);
  if (!confirmed.ok) return confirmed;
  const user = await db().user.findUniqueOrThrow({ where: { id: userId } });
  const passwordHash = await hashPassword(newPassword);
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    await enqueueMail(tx, user.email, "passwordChanged", { firstName: user.firstName, resetLink: `${baseUrl}/mot-de-passe-oublie` });
  });
  await invalidateUserSessions(userId);
  return { ok: true, ...(await createSession(userId)) };
}

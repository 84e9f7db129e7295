// Sessions the Lucia way: a random token lives in the cookie, only its SHA-256 is stored; a session
// lasts 30 days and is renewed when half spent; all of a user's sessions can be revoked at once.
import { servedOverTls } from "#app/platform/config.server";
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import { db } from "#app/platform/db.server";
import type { Role } from "#app/generated/prisma/enums";
import { retention } from "#app/domain/personal-data";

const sessionCookieName = "vte_session";
const dayMs = 86_400_000;
export const sessionLifetimeMs = retention.sessionDays * dayMs;

export interface SessionUser {
  id: string;
  email: string;
  role: Role;
  firstName: string;
  lastName: string;
  emailVerified: boolean;
}

export interface ValidSession {
  id: string;
  expiresAt: Date;
  /** The expiry moved forward on this request: the cookie must be sent again. */
  renewed: boolean;
  user: SessionUser;
}

export function generateSessionToken(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

export function hashToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export async function createSession(userId: string): Promise<{ token: string; expiresAt: Date }> {
  const token = generateSessionToken();
  const expiresAt = new Date(Date.now() + sessionLifetimeMs);
  await db().session.create({ data: { id: hashToken(token), userId, expiresAt } });
  await markSeen(userId);
  return { token, expiresAt };
}

export async function validateSessionToken(token: string): Promise<ValidSession | null> {
  const id = hashToken(token);
  const session = await db().session.findUnique({
    where: { id },
    include: { user: { select: { id: true, email: true, role: true, firstName: true, lastName: true, emailVerifiedAt: true } } },
  });
  if (!session) return null;
  const now = Date.now();
  if (session.expiresAt.getTime() <= now) {
    await db()
      .session.delete({ where: { id } })
      .catch(() => {});
    return null;
  }
  let expiresAt = session.expiresAt;
  const renewed = expiresAt.getTime() - now < sessionLifetimeMs / 2;
  if (renewed) {
    expiresAt = new Date(now + sessionLifetimeMs);
    await db().session.update({ where: { id }, data: { expiresAt } });
    await markSeen(session.userId);
  }
  const { emailVerifiedAt, ...user } = session.user;
  return { id, expiresAt, renewed, user: { ...user, emailVerified: emailVerifiedAt !== null } };
}

/** The person used their account: inactivity counts from now, and a warning of it no longer holds. */
async function markSeen(userId: string): Promise<void> {
  await db().user.update({ where: { id: userId }, data: { lastSeenAt: new Date(), inactivityWarnedAt: null } });
}

export async function invalidateSession(sessionId: string): Promise<void> {
  await db().session.deleteMany({ where: { id: sessionId } });
}

export async function invalidateUserSessions(userId: string): Promise<void> {
  await db().session.deleteMany({ where: { userId } });
}

/** `Secure` whenever the configured public address is https (decided by configuration, not by the request). */
const secureAttribute = () => (servedOverTls() ? "; Secure" : "");

export function sessionCookie(token: string, expiresAt: Date): string {
  const secure = secureAttribute();
  return `${sessionCookieName}=${token}; Path=/; HttpOnly; SameSite=Lax; Expires=${expiresAt.toUTCString()}${secure}`;
}

export function clearedSessionCookie(): string {
  const secure = secureAttribute();
  return `${sessionCookieName}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${secure}`;
}

export function readSessionToken(cookieHeader: string | null | undefined): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === sessionCookieName) return value.join("=") || null;
  }
  return null;
}

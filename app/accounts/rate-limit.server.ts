// Fixed-window counters in PostgreSQL (shared by every web process) for everything a stranger
// could repeat: password guesses, verification codes, and every action that sends a mail.
import type { Prisma } from "#app/generated/prisma/client";
import { db } from "#app/platform/db.server";

export interface RateRule {
  limit: number;
  windowMinutes: number;
}

/** Every limit of the platform, in one place (README, "Security"). */
export const rateLimits = {
  /** Wrong password guesses for one account from one client: the owner elsewhere is never locked out by them. */
  passwordGuessesPerAccountAndClient: { limit: 5, windowMinutes: 15 },
  /** Wrong password guesses for one account from anywhere: stops a guess spread over many addresses. */
  passwordGuessesPerAccount: { limit: 50, windowMinutes: 60 },
  /** Wrong log-ins from one client, whatever the accounts. */
  logInsPerClient: { limit: 30, windowMinutes: 15 },
  /** Verification codes typed for one address, across every code it was sent. */
  codeGuessesPerAddress: { limit: 10, windowMinutes: 60 },
  /** Mails one address may be sent on request (sign-up, reset, new code, invitation). */
  mailsPerAddress: { limit: 3, windowMinutes: 60 },
  /** Mail-sending requests from one client (sign-ups, resets, new codes, invitations). */
  mailRequestsPerClient: { limit: 20, windowMinutes: 60 },
} satisfies Record<string, RateRule>;

/** Whole minutes until a window that started at `windowStart` closes (at least 1). */
function minutesLeft(windowStart: Date, rule: RateRule): number {
  return Math.max(1, Math.ceil((windowStart.getTime() + rule.windowMinutes * 60_000 - Date.now()) / 60_000));
}

/** Counts one attempt against a key; returns the minutes to wait when the limit is passed, else 0. */
export async function countAttempt(key: string, rule: RateRule): Promise<number> {
  const [row] = await db().$queryRaw<{ count: number; window_start: Date }[]>`
    INSERT INTO rate_limit (key, count, window_start) VALUES (${key}, 1, now())
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN rate_limit.window_start < now() - make_interval(mins => ${rule.windowMinutes}) THEN 1 ELSE rate_limit.count + 1 END,
      window_start = CASE WHEN rate_limit.window_start < now() - make_interval(mins => ${rule.windowMinutes}) THEN now() ELSE rate_limit.window_start END
    RETURNING count, window_start`;
  return row.count <= rule.limit ? 0 : minutesLeft(row.window_start, rule);
}

/**
 * The minutes to wait when a key has reached its limit, without counting anything: password
 * guesses are counted only when wrong, so a person who logs in often is never limited by it.
 */
export async function minutesToWait(checks: [key: string, rule: RateRule][]): Promise<number> {
  const rows = await db().rateLimit.findMany({ where: { key: { in: checks.map(([key]) => key) } } });
  let wait = 0;
  for (const [key, rule] of checks) {
    const row = rows.find((r) => r.key === key);
    const open = row && row.windowStart.getTime() + rule.windowMinutes * 60_000 > Date.now();
    if (row && open && row.count >= rule.limit) wait = Math.max(wait, minutesLeft(row.windowStart, rule));
  }
  return wait;
}

/** Counts one attempt against each key; the longest wait, or 0. */
export async function countAttempts(checks: [key: string, rule: RateRule][]): Promise<number> {
  let wait = 0;
  for (const [key, rule] of checks) wait = Math.max(wait, await countAttempt(key, rule));
  return wait;
}

export async function clearAttempts(...keys: string[]): Promise<void> {
  await db().rateLimit.deleteMany({ where: { key: { in: keys } } });
}

/** What a mail sent on request is for: each has its own count per address. */
const mailRequests = ["sign-up", "verification", "reset", "invitation"] as const;
type MailRequest = (typeof mailRequests)[number];

/** The counters' keys, written here only: forgetting an address (below) must know every one that names it. */
export const counterKeys = {
  codeGuesses: (address: string) => `verify:address:${address}`,
  passwordGuesses: (address: string) => `login:account:${address}`,
  passwordGuessesFrom: (address: string, client: string) => `login:account:${address}:client:${client}`,
  logInsFrom: (client: string) => `login:client:${client}`,
  mailsTo: (action: MailRequest, address: string) => `mail:${action}:address:${address}`,
  mailRequestsFrom: (client: string) => `mail:client:${client}`,
};

/** The checks for one mail sent on request to `address` from `client`. */
export function mailRequestChecks(action: MailRequest, address: string, client: string): [string, RateRule][] {
  return [
    [counterKeys.mailsTo(action, address), rateLimits.mailsPerAddress],
    [counterKeys.mailRequestsFrom(client), rateLimits.mailRequestsPerClient],
  ];
}

/**
 * The counters whose key names an address (code guesses, password guesses, mail on request):
 * forgotten with the account, as nothing else may name a deleted person.
 */
export function countersNamingAddress(address: string): Prisma.RateLimitWhereInput {
  return {
    OR: [
      {
        key: {
          in: [
            counterKeys.codeGuesses(address),
            counterKeys.passwordGuesses(address),
            ...mailRequests.map((action) => counterKeys.mailsTo(action, address)),
          ],
        },
      },
      { key: { startsWith: counterKeys.passwordGuessesFrom(address, "") } },
    ],
  };
}

// Whether the database holds the demo world, read at most once a minute per process: every page
// says so, and the log-in page lists the demo accounts that exist.
import { db } from "#app/platform/db.server";
import { processWide } from "#app/platform/process.server";
import { demoAccounts, demoIdPrefix } from "#app/domain/demo";

const checkedFor = 60_000;
const cache = processWide<{ at: number; holds: Promise<boolean> }>("demoData");

export function holdsDemoData(now = Date.now()): Promise<boolean> {
  const cached = cache.get();
  if (cached && now - cached.at < checkedFor) return cached.holds;
  const holds = db()
    .company.count({ where: { id: { startsWith: demoIdPrefix } }, take: 1 })
    .then((count) => count > 0);
  holds.catch(() => cache.set(undefined));
  cache.set({ at: now, holds });
  return holds;
}

/** The demo accounts to try the platform with, when they exist. */
export async function demoAccountsToTry(): Promise<{ label: string; email: string }[]> {
  if (!(await holdsDemoData())) return [];
  const existing = await db().user.findMany({
    where: { email: { in: demoAccounts.map((a) => a.email) }, anonymisedAt: null },
    select: { email: true },
  });
  const emails = new Set(existing.map((u) => u.email));
  return demoAccounts.filter((a) => emails.has(a.email)).map(({ label, email }) => ({ label, email }));
}

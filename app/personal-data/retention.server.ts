// Keeping data no longer than it serves (issue 15), run by the worker and by
// `npm run data:retention [-- --dry-run]`: inactive accounts are warned a month before and then
// anonymised; CVs of inactive students are erased; sessions, codes, links, rate-limit windows and
// sent jobs are purged once they have served. Each step reports how many rows it touched.
import { formatLongDate } from "#app/components/labels";
import { retention } from "#app/domain/personal-data";
import { rateLimits } from "#app/accounts/rate-limit.server";
import { publicUrl } from "#app/platform/config.server";
import { db } from "#app/platform/db.server";
import { enqueueMail } from "#emails/outbox.server";
import { anonymiseAccount } from "./deletion.server";

const dayMs = 86_400_000;

/** `months` calendar months before `date`. */
function monthsBefore(date: Date, months: number): Date {
  const earlier = new Date(date);
  earlier.setUTCMonth(earlier.getUTCMonth() - months);
  return earlier;
}

export interface RetentionReport {
  warned: number;
  anonymised: number;
  cvsErased: number;
  sessionsPurged: number;
  tokensPurged: number;
  rateLimitsPurged: number;
  jobsPurged: number;
  accessesPurged: number;
}

/** Done jobs are kept a week (for /healthz and debugging), then deleted. */
const doneJobDays = 7;
const longestRateWindowMinutes = Math.max(...Object.values(rateLimits).map((rule) => rule.windowMinutes));

export async function runRetention(options: { now?: Date; dryRun?: boolean } = {}): Promise<RetentionReport> {
  const now = options.now ?? new Date();
  const inactiveSince = monthsBefore(now, retention.inactiveAccountMonths);
  const warnSince = new Date(inactiveSince.getTime() + retention.warnBeforeAnonymisingDays * dayMs);
  const active = { anonymisedAt: null, deletionRequestedAt: null, role: { not: "OPERATOR" as const } };

  // Warned at least a month ago and still not back: anonymised.
  const due = await db().user.findMany({
    where: {
      ...active,
      lastSeenAt: { lte: inactiveSince },
      inactivityWarnedAt: { lte: new Date(now.getTime() - retention.warnBeforeAnonymisingDays * dayMs) },
    },
    select: { id: true },
    take: 1000,
  });
  // A month before that: warned, once.
  const toWarn = await db().user.findMany({
    where: { ...active, lastSeenAt: { lte: warnSince }, inactivityWarnedAt: null },
    select: { id: true, email: true, firstName: true, lastSeenAt: true },
    take: 1000,
  });
  const cvWhere = { cv: { not: null }, user: { lastSeenAt: { lte: monthsBefore(now, retention.cvInactiveMonths) } } };
  const sessionWhere = { expiresAt: { lte: now } };
  const tokenWhere = { OR: [{ usedAt: { not: null } }, { expiresAt: { lte: now } }] };
  const rateWhere = { windowStart: { lte: new Date(now.getTime() - longestRateWindowMinutes * 60_000) } };
  const jobWhere = { status: "DONE" as const, updatedAt: { lte: new Date(now.getTime() - doneJobDays * dayMs) } };
  // Who opened a profile is kept as long as an application is.
  const accessWhere = { at: { lte: inactiveSince } };

  if (options.dryRun) {
    return {
      warned: toWarn.length,
      anonymised: due.length,
      cvsErased: await db().studentProfile.count({ where: cvWhere }),
      sessionsPurged: await db().session.count({ where: sessionWhere }),
      tokensPurged: await db().userToken.count({ where: tokenWhere }),
      rateLimitsPurged: await db().rateLimit.count({ where: rateWhere }),
      jobsPurged: await db().outboxJob.count({ where: jobWhere }),
      accessesPurged: await db().profileAccess.count({ where: accessWhere }),
    };
  }

  for (const { id } of due) await db().$transaction((tx) => anonymiseAccount(tx, id, now));
  for (const user of toWarn) {
    const anonymisedOn = new Date(Math.max(now.getTime(), user.lastSeenAt.getTime()) + retention.warnBeforeAnonymisingDays * dayMs);
    await db().$transaction(async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: { inactivityWarnedAt: now } });
      await enqueueMail(tx, user.email, "inactivityWarning", {
        firstName: user.firstName,
        anonymisedOn: formatLongDate(anonymisedOn),
        logInLink: `${publicUrl()}/connexion`,
      });
    });
  }
  const cvs = await db().studentProfile.updateMany({ where: cvWhere, data: { cv: null, cvFileName: null } });
  return {
    warned: toWarn.length,
    anonymised: due.length,
    cvsErased: cvs.count,
    sessionsPurged: (await db().session.deleteMany({ where: sessionWhere })).count,
    tokensPurged: (await db().userToken.deleteMany({ where: tokenWhere })).count,
    rateLimitsPurged: (await db().rateLimit.deleteMany({ where: rateWhere })).count,
    jobsPurged: (await db().outboxJob.deleteMany({ where: jobWhere })).count,
    accessesPurged: (await db().profileAccess.deleteMany({ where: accessWhere })).count,
  };
}

/** What /pilotage shows: counts only, no names. */
export async function personalDataCounts() {
  const [anonymised, deletionsPending, warned] = await Promise.all([
    db().user.count({ where: { anonymisedAt: { not: null } } }),
    db().user.count({ where: { deletionRequestedAt: { not: null }, anonymisedAt: null } }),
    db().user.count({ where: { inactivityWarnedAt: { not: null }, anonymisedAt: null } }),
  ]);
  return { anonymised, deletionsPending, warned };
}

// The transactional outbox (flows 1 and 5): a request writes its change and a job in one
// transaction; workers claim due jobs with FOR UPDATE SKIP LOCKED (so several can run), lease them,
// and retry failures with a capped exponential backoff until the job is older than a configured
// age, keeping its last error. Mail and the rest run in separate lanes, so that indexing never
// waits behind a slow relay. A mail's payload (links, codes) is scrubbed once it is sent.
import type { SqlConnection } from "./db.server";
import type { Prisma } from "#app/generated/prisma/client";
import type { JobHandlers, JobKind, JobPayloads } from "./job-payloads";

interface OutboxJobRow {
  id: string;
  kind: JobKind;
  payload: unknown;
  attempts: number;
}

/**
 * How failures are retried: 2^n seconds, at most `maxDelaySeconds` apart, until the job is older
 * than `giveUpAfterHours` (OUTBOX_GIVE_UP_HOURS, 72 by default: a long weekend's relay outage).
 */
export const outboxRetry = {
  maxDelaySeconds: 600,
  giveUpAfterHours: Number(process.env.OUTBOX_GIVE_UP_HOURS) > 0 ? Number(process.env.OUTBOX_GIVE_UP_HOURS) : 72,
};
const leaseSeconds = 120;

/** The lanes a worker runs side by side: mail, and everything else (indexing, notifications). */
export type OutboxLane = "mail" | "other";
const laneFilter: Record<OutboxLane | "all", string> = { mail: "AND kind = 'mail'", other: "AND kind <> 'mail'", all: "" };

/**
 * Enqueues a job inside the caller's transaction, so it exists only if the change commits;
 * `runAt` delays it (a grouped notification).
 */
export async function enqueue<K extends JobKind>(
  tx: Prisma.TransactionClient,
  kind: K,
  payload: JobPayloads[K],
  options: { runAt?: Date } = {},
) {
  await tx.outboxJob.create({ data: { kind, payload: payload as unknown as Prisma.InputJsonValue, runAt: options.runAt } });
}

/** Enqueues many jobs of one kind in one statement, for writers working in SQL (re-resolution, the demo seed). */
export async function enqueueMany<K extends JobKind>(sql: SqlConnection, kind: K, payloads: JobPayloads[K][]): Promise<void> {
  if (payloads.length === 0) return;
  await sql.query(
    `INSERT INTO outbox_job (kind, payload, updated_at) SELECT $1, payload, now() FROM jsonb_array_elements($2::jsonb) AS payload`,
    [kind, JSON.stringify(payloads)],
  );
}

/** Delay before try n+1: 2^n seconds, capped. */
function retryDelaySeconds(attempts: number): number {
  return Math.min(2 ** attempts, outboxRetry.maxDelaySeconds);
}

async function claim(sql: SqlConnection, limit: number, lane: OutboxLane | "all"): Promise<OutboxJobRow[]> {
  // The lease (run_at pushed forward) lets a job be retried if its worker dies mid-way.
  const jobs = await sql.query<OutboxJobRow>(
    `UPDATE outbox_job SET attempts = attempts + 1, run_at = now() + make_interval(secs => $2), updated_at = now()
     WHERE id IN (
       SELECT id FROM outbox_job WHERE status = 'PENDING' AND run_at <= now() ${laneFilter[lane]}
       ORDER BY run_at, id LIMIT $1 FOR UPDATE SKIP LOCKED)
     RETURNING id::text, kind, payload, attempts`,
    [limit, leaseSeconds],
  );
  // RETURNING gives no order: run them in the order they were written (publish, then close).
  return jobs.sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : BigInt(a.id) > BigInt(b.id) ? 1 : 0));
}

/** Claims and runs one batch of due jobs; returns how many succeeded and failed. */
export async function runOutboxBatch(
  sql: SqlConnection,
  handlers: JobHandlers,
  limit = 50,
  lane: OutboxLane | "all" = "all",
): Promise<{ done: number; failed: number }> {
  const jobs = await claim(sql, limit, lane);
  let done = 0;
  let failed = 0;
  for (const job of jobs) {
    try {
      // The payload was written by \`enqueue\` with this kind's type.
      const handler = handlers[job.kind] as ((payload: unknown) => Promise<void>) | undefined;
      if (!handler) throw new Error(`no handler for outbox jobs of kind ${job.kind}`);
      await handler(job.payload);
      // A sent mail keeps only its template name: its links and codes are secrets.
      await sql.query(
        `UPDATE outbox_job SET status = 'DONE', last_error = NULL, updated_at = now(),
           payload = CASE WHEN kind = 'mail' THEN jsonb_build_object('template', payload->'template') ELSE payload END
         WHERE id = $1::bigint`,
        [job.id],
      );
      done++;
    } catch (error) {
      failed++;
      const message = (error as Error).message ?? String(error);
      await sql.query(
        `UPDATE outbox_job SET status = CASE WHEN created_at < now() - make_interval(hours => $2) THEN 'FAILED'::"OutboxStatus" ELSE 'PENDING'::"OutboxStatus" END,
           run_at = now() + make_interval(secs => $3), last_error = $4, updated_at = now()
         WHERE id = $1::bigint`,
        [job.id, outboxRetry.giveUpAfterHours, retryDelaySeconds(job.attempts), message.slice(0, 2000)],
      );
    }
  }
  return { done, failed };
}

export interface OutboxWorker {
  stop(): Promise<void>;
}

/** Jobs that gave up, by kind (for operators: /pilotage and /healthz). */
export async function failedOutboxJobs(sql: SqlConnection): Promise<{ kind: string; count: number }[]> {
  const rows = await sql.query<{ kind: string; count: string }>(
    `SELECT kind, count(*)::text AS count FROM outbox_job WHERE status = 'FAILED' GROUP BY kind ORDER BY kind`,
  );
  return rows.map((row) => ({ kind: row.kind, count: Number(row.count) }));
}

/** Puts every failed job back in the queue, due now, with a fresh count of tries (`npm run outbox:retry`). */
export async function retryFailedOutboxJobs(sql: SqlConnection): Promise<number> {
  const rows = await sql.query<{ id: string }>(
    `UPDATE outbox_job SET status = 'PENDING', attempts = 0, run_at = now(), created_at = now(), updated_at = now() WHERE status = 'FAILED' RETURNING id::text`,
  );
  return rows.length;
}

/** A worker: one loop per lane, so a mail relay that hangs never holds indexing back. */
export function startOutboxWorker(
  sql: SqlConnection,
  handlers: JobHandlers,
  options: { intervalMs?: number; log?: (message: string) => void } = {},
): OutboxWorker {
  const lanes = (["other", "mail"] as const).map((lane) => startLane(sql, handlers, lane, options));
  return {
    async stop() {
      await Promise.all(lanes.map((lane) => lane.stop()));
    },
  };
}

function startLane(
  sql: SqlConnection,
  handlers: JobHandlers,
  lane: OutboxLane,
  options: { intervalMs?: number; log?: (message: string) => void },
): OutboxWorker {
  // A short idle poll (one indexed UPDATE) keeps "approved → searchable" well within seconds.
  const intervalMs = options.intervalMs ?? 250;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;

  const tick = () => {
    if (stopped) return;
    clearTimeout(timer);
    running = running
      .then(async () => {
        // Drain while there is work, then wait for the next tick.
        for (;;) {
          const { done, failed } = await runOutboxBatch(sql, handlers, lane === "mail" ? 10 : 50, lane);
          if (failed) options.log?.(`outbox (${lane}): ${failed} job(s) failed, will retry`);
          if (done + failed === 0 || stopped) break;
        }
      })
      .catch((error) => options.log?.(`outbox: ${(error as Error).message}`))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, intervalMs);
      });
  };
  tick();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

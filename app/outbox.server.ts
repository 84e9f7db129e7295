// The transactional outbox (flows 1 and 5): a request writes its change and a job in one
// transaction; workers claim due jobs with FOR UPDATE SKIP LOCKED (so several can run), lease them,
// and retry failures with exponential backoff, keeping the last error after the last try.
import type { SqlConnection } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";

export type OutboxKind = "search.offer" | "search.student" | "search.reindex" | "applications.notify" | "mail";

export interface OutboxJobRow {
  id: string;
  kind: OutboxKind;
  payload: unknown;
  attempts: number;
}

export type OutboxHandler = (payload: unknown) => Promise<void>;

export const maxAttempts = 10;
const leaseSeconds = 120;

/** Enqueues a job inside the caller's transaction, so it exists only if the change commits. */
export async function enqueue(tx: Prisma.TransactionClient, kind: OutboxKind, payload: Prisma.InputJsonValue) {
  await tx.outboxJob.create({ data: { kind, payload } });
}

/** Delay before try n+1: 2^n seconds, capped at one hour. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(2 ** attempts, 3600);
}

async function claim(sql: SqlConnection, limit: number): Promise<OutboxJobRow[]> {
  // The lease (run_at pushed forward) lets a job be retried if its worker dies mid-way.
  const jobs = await sql.query<OutboxJobRow>(
    `UPDATE outbox_job SET attempts = attempts + 1, run_at = now() + make_interval(secs => $2), updated_at = now()
     WHERE id IN (
       SELECT id FROM outbox_job WHERE status = 'PENDING' AND run_at <= now()
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
  handlers: Partial<Record<OutboxKind, OutboxHandler>>,
  limit = 50,
): Promise<{ done: number; failed: number }> {
  const jobs = await claim(sql, limit);
  let done = 0;
  let failed = 0;
  for (const job of jobs) {
    try {
      const handler = handlers[job.kind];
      if (!handler) throw new Error(`no handler for outbox jobs of kind ${job.kind}`);
      await handler(job.payload);
      await sql.query(`UPDATE outbox_job SET status = 'DONE', last_error = NULL, updated_at = now() WHERE id = $1::bigint`, [job.id]);
      done++;
    } catch (error) {
      failed++;
      const message = (error as Error).message ?? String(error);
      await sql.query(
        `UPDATE outbox_job SET status = CASE WHEN attempts >= $2 THEN 'FAILED'::"OutboxStatus" ELSE 'PENDING'::"OutboxStatus" END,
           run_at = now() + make_interval(secs => $3), last_error = $4, updated_at = now()
         WHERE id = $1::bigint`,
        [job.id, maxAttempts, retryDelaySeconds(job.attempts), message.slice(0, 2000)],
      );
    }
  }
  return { done, failed };
}

export interface OutboxWorker {
  stop(): Promise<void>;
}

export function startOutboxWorker(
  sql: SqlConnection,
  handlers: Partial<Record<OutboxKind, OutboxHandler>>,
  options: { intervalMs?: number; log?: (message: string) => void } = {},
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
          const { done, failed } = await runOutboxBatch(sql, handlers);
          if (failed) options.log?.(`outbox: ${failed} job(s) failed, will retry`);
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

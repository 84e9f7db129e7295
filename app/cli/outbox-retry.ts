// `npm run outbox:retry`: puts the outbox jobs that gave up (FAILED: still failing after
// OUTBOX_GIVE_UP_HOURS) back in the queue, for the worker to try again now. With the embedded
// database, stop `npm start` first (PGlite belongs to one process).
import { openDatabase } from "#app/platform/db.server";
import { failedOutboxJobs, retryFailedOutboxJobs } from "#app/platform/outbox.server";

const database = await openDatabase();
try {
  const failed = await failedOutboxJobs(database.sql);
  for (const { kind, count } of failed) console.log(`${count} failed job(s) of kind ${kind}`);
  const retried = await retryFailedOutboxJobs(database.sql);
  console.log(retried === 0 ? "No failed job: nothing to retry." : `${retried} job(s) queued again; the worker retries them now.`);
} catch (error) {
  console.error(`Retry failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await database.close();
}

// What each kind of outbox job carries: written by \`enqueue\`, read by its handler in jobs.server.ts.
// One type per kind, so a writer cannot enqueue a payload its handler does not expect.
import type { MailJob } from "#emails/outbox.server";

export interface JobPayloads {
  /** Put an offer in the search index as the database has it now (or take it out). */
  "search.offer": { offerId: string };
  /** The same for a student's profile in the \`students\` index. */
  "search.student": { userId: string };
  /** Rebuild both indexes from the database (an empty or wiped Meilisearch). */
  "search.reindex": { reason: string };
  /** Mail a company the applications it has not been told of, grouped. */
  "applications.notify": { companyId: string };
  /** Render and send one mail. */
  mail: MailJob;
}

export type JobKind = keyof JobPayloads;

type JobHandler<K extends JobKind> = (payload: JobPayloads[K]) => Promise<unknown>;

/** A handler per kind; a worker given no handler for a kind fails those jobs (and retries them). */
export type JobHandlers = { [K in JobKind]?: JobHandler<K> };

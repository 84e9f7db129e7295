// The platform's background work in one place: what each outbox job kind does (flows 1 and 5), and
// what runs on a schedule (offer expiry every minute; reminders, alerts and school digests every
// ten minutes). The launcher starts it in the worker process.
import type { Meilisearch } from "meilisearch";
import { notifyNewApplications, remindUnviewedApplications } from "#app/applications/applications.server";
import { sendDueAlerts } from "#app/offers/alerts.server";
import { expireDueOffers } from "#app/offers/offers.server";
import { sendPromotionDigests } from "#app/schools/schools.server";
import { finalizeDueDeletions } from "#app/personal-data/deletion.server";
import { runRetention } from "#app/personal-data/retention.server";
import { sendMailJob } from "#emails/outbox.server";
import type { MailTransport } from "#emails/transport.server";
import { syncOfferDocument } from "#search/offer-document";
import { reindexOffers } from "#search/reindex";
import { reindexStudents, syncStudentDocument } from "#search/student-index";
import type { Database } from "./db.server";
import type { JobHandlers } from "./job-payloads";
import { startOutboxWorker, type OutboxWorker } from "./outbox.server";

interface JobServices {
  database: Database;
  search?: Meilisearch;
  mail: MailTransport;
  log: (message: string) => void;
}

/** What each job kind does. Indexing jobs fail (and are retried) while the engine is away. */
function jobHandlers({ database, search, mail, log }: JobServices): JobHandlers {
  const engine = () => {
    if (!search) throw new Error("search engine unavailable");
    return search;
  };
  return {
    "search.offer": (payload) => syncOfferDocument(database.prisma, engine(), payload.offerId),
    "search.student": (payload) => syncStudentDocument(database.prisma, engine(), payload.userId),
    "search.reindex": async () => {
      const { indexed, seconds } = await reindexOffers(database.prisma, engine());
      const students = await reindexStudents(database.prisma, engine());
      log(`Search index rebuilt: ${indexed} offers in ${seconds.toFixed(1)} s, ${students} visible profiles.`);
    },
    "applications.notify": async (payload) => {
      await notifyNewApplications(payload.companyId);
    },
    mail: (payload) => sendMailJob(mail, payload),
  };
}

/** Work done on a schedule, each with how often and what it reports. */
const schedules: { everyMs: number; runNow: boolean; name: string; run: () => Promise<number>; says: string }[] = [
  { name: "expiry", everyMs: 60_000, runNow: true, run: () => expireDueOffers(), says: "offer(s) expired" },
  {
    name: "reminders",
    everyMs: 10 * 60_000,
    runNow: false,
    run: () => remindUnviewedApplications(),
    says: "application(s) reminded to their company",
  },
  { name: "alerts", everyMs: 10 * 60_000, runNow: false, run: () => sendDueAlerts(), says: "saved-search alert(s) sent" },
  { name: "school digests", everyMs: 10 * 60_000, runNow: false, run: () => sendPromotionDigests(), says: "school digest mail(s) queued" },
  { name: "deletions", everyMs: 10 * 60_000, runNow: true, run: () => finalizeDueDeletions(), says: "account deletion(s) made final" },
  {
    name: "retention",
    everyMs: 60 * 60_000,
    runNow: false,
    run: async () => Object.values(await runRetention()).reduce((sum, count) => sum + count, 0),
    says: "row(s) warned, anonymised, erased or purged by the retention rules",
  },
];

/** Starts the outbox worker and the schedules; `stop` ends both and waits for the running batch. */
export function startJobs(services: JobServices): { worker: OutboxWorker; stop(): Promise<void> } {
  const { log } = services;
  const worker = startOutboxWorker(services.database.sql, jobHandlers(services), { log });
  const timers = schedules.map((schedule) => {
    const run = () =>
      schedule
        .run()
        .then((count) => count && log(`${count} ${schedule.says}.`))
        .catch((error) => log(`${schedule.name}: ${(error as Error).message}`));
    if (schedule.runNow) void run();
    return setInterval(() => void run(), schedule.everyMs);
  });
  return {
    worker,
    async stop() {
      timers.forEach(clearInterval);
      await worker.stop();
    },
  };
}

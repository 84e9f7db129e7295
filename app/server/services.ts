// Opens what the platform runs on: the database (migrated, reference data on first run), the
// search engine (a local Meilisearch unless MEILI_URL is set), the mail transport and the outbox
// worker. Used by `npm start`, `npm run worker` and the test setups.
import type { Meilisearch } from "meilisearch";
import { openDatabase, setDatabase, type Database } from "#app/platform/db.server";
import { startJobs } from "#app/platform/jobs.server";
import { offersWithoutStoredDecision } from "#app/offers/reassess.server";
import { enqueue, type OutboxWorker } from "#app/platform/outbox.server";
import { createMailTransport, setMailTransport, type MailTransport } from "#emails/transport.server";
import { importReferenceDataIfEmpty } from "#prisma/import-reference";
import { seedDemoWorld } from "#prisma/demo/seed";
import { demoAccounts, demoPassword } from "#app/domain/demo";
import { migrate } from "#prisma/migrate";
import { createSearchClient, setSearchClient } from "#search/client";
import { runningLocalMeilisearch, startLocalMeilisearch, type LocalMeilisearch } from "#search/local-server";
import { applyOfferIndexSettings } from "#search/offer-index";
import { indexedOfferCount } from "#search/reindex";
import { applyStudentIndexSettings } from "#search/student-index";

export interface Services {
  database: Database;
  search?: Meilisearch;
  searchUrl?: string;
  /** The key the search client uses (for web processes forked with the same engine). */
  searchKey?: string;
  localMeilisearch?: LocalMeilisearch;
  mail: MailTransport;
  worker?: OutboxWorker;
  stop(): Promise<void>;
}

export interface ServiceOptions {
  databaseUrl?: string;
  pgliteDir?: string;
  meiliUrl?: string;
  meiliKey?: string;
  dataRoot?: string;
  smtpUrl?: string;
  mailDir?: string;
  worker?: boolean;
  /**
   * Migrate, import the reference data, start a local Meilisearch when no URL is given and apply
   * the index settings (default). Web processes forked by `npm start` skip it: their primary did.
   */
  prepare?: boolean;
  /** A tool run beside a server: use the local Meilisearch that server started, if one runs. */
  attach?: boolean;
  /** Rebuild the offers index in the background when it is empty but the database is not. */
  reindexWhenEmpty?: boolean;
  /** On a database without any company yet, build the demo world with one account per role. */
  demo?: boolean;
  log?: (message: string) => void;
}

export async function startServices(options: ServiceOptions = {}): Promise<Services> {
  const log = options.log ?? ((message: string) => console.log(message));
  const database = await openDatabase({ url: options.databaseUrl, pgliteDir: options.pgliteDir });
  setDatabase(database);
  const stops: (() => Promise<void>)[] = [
    async () => {
      setDatabase(undefined);
      await database.close();
    },
  ];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch((error) => log(`stop: ${(error as Error).message}`));
  };

  const prepare = options.prepare !== false;
  try {
    if (prepare) {
      const applied = await migrate(database.sql);
      if (applied.length) log(`Database migrations applied: ${applied.join(", ")}`);
      await importReferenceDataIfEmpty(database.sql, log);
      if (options.demo) await seedDemoWorldIfEmpty(database, log);
      const undecided = await offersWithoutStoredDecision(database.sql);
      if (undecided)
        log(
          `${undecided} offer(s) carry a decision saved before reasons were stored whole: run npm run offers:reassess (their pages compute it meanwhile).`,
        );
    }

    let search: Meilisearch | undefined;
    let searchUrl: string | undefined;
    let localMeilisearch: LocalMeilisearch | undefined;
    let running: Awaited<ReturnType<typeof runningLocalMeilisearch>> = null;
    try {
      if (options.meiliUrl) {
        searchUrl = options.meiliUrl;
        search = createSearchClient(options.meiliUrl, options.meiliKey ?? "");
      } else if (options.attach && (running = await runningLocalMeilisearch(options.dataRoot))) {
        // A server runs on this data folder: use its Meilisearch rather than start a second one.
        searchUrl = running.url;
        search = createSearchClient(running.url, running.masterKey);
      } else if (prepare) {
        localMeilisearch = await startLocalMeilisearch({ dataRoot: options.dataRoot, log: (line) => log(`meilisearch: ${line}`) });
        stops.push(() => localMeilisearch!.stop());
        searchUrl = localMeilisearch.url;
        search = createSearchClient(localMeilisearch.url, localMeilisearch.masterKey);
      }
      if (search) {
        setSearchClient(search);
        stops.push(async () => setSearchClient(undefined));
      }
      if (search && prepare) {
        const changed = [...(await applyOfferIndexSettings(search)), ...(await applyStudentIndexSettings(search))];
        if (changed.length) log(`Search index settings updated: ${changed.join(", ")}`);
        if (options.reindexWhenEmpty !== false) await reindexIfEmpty(database, search, log);
      }
    } catch (error) {
      // Search is a derived store: the platform still serves pages and accepts writes without it.
      log(`Search engine unavailable (${(error as Error).message}); searches fall back to the database.`);
    }

    const mail = createMailTransport({ smtpUrl: options.smtpUrl, mailDir: options.mailDir });
    setMailTransport(mail);
    stops.push(async () => {
      setMailTransport(undefined);
      mail.close();
    });

    let worker: OutboxWorker | undefined;
    if (options.worker !== false) {
      const jobs = startJobs({ database, search, mail, log });
      worker = jobs.worker;
      stops.push(() => jobs.stop());
    }

    const searchKey = localMeilisearch?.masterKey ?? options.meiliKey;
    return { database, search, searchUrl, searchKey, localMeilisearch, mail, worker, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** Offers in the demo world of a first start: enough to search and match, built in seconds. */
const firstStartOffers = 3000;

async function seedDemoWorldIfEmpty(database: Database, log: (message: string) => void) {
  const [{ companies }] = await database.sql.query<{ companies: number }>("SELECT count(*)::int AS companies FROM company");
  if (companies > 0) return;
  log(`Empty database: building a demo world (${firstStartOffers} offers; VTE_DEMO=0 to start empty)…`);
  const summary = await seedDemoWorld(database.sql, { offers: firstStartOffers, seed: 2026 });
  log(
    [
      `Demo world: ${summary.companies} companies, ${summary.publishedOffers} published offers, ${summary.students} students.`,
      `Demo accounts (password "${demoPassword}"), also listed on the log-in page:`,
      ...demoAccounts.map((account) => `  ${account.label.padEnd(24)} ${account.email}`),
    ].join("\n"),
  );
}

/** The options `npm start` reads from the environment. */
export function serviceOptionsFromEnv(): ServiceOptions {
  return {
    databaseUrl: process.env.DATABASE_URL,
    meiliUrl: process.env.MEILI_URL,
    meiliKey: process.env.MEILI_MASTER_KEY,
    smtpUrl: process.env.SMTP_URL,
  };
}

/** An empty index over a database with offers (new or wiped Meilisearch): ask the worker for a rebuild. */
async function reindexIfEmpty(database: Database, search: Meilisearch, log: (m: string) => void) {
  if ((await indexedOfferCount(search)) > 0) return;
  const published = await database.prisma.offer.count({ where: { status: "PUBLISHED" } });
  if (published === 0) return;
  const pending = await database.prisma.outboxJob.count({ where: { kind: "search.reindex", status: "PENDING" } });
  if (pending === 0) await enqueue(database.prisma, "search.reindex", { reason: "empty index" });
  log(`The search index is empty: the worker is indexing ${published} published offers.`);
}

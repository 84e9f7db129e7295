// `npm start` (and `npm run dev` with --dev): builds if needed, opens the database, search engine,
// mail transport and outbox worker, and serves the site. Ctrl-C stops everything it started.
//
// On PostgreSQL the site is served by several web processes (WEB_CONCURRENCY, default one per
// core) forked with node:cluster: a Node process renders one page at a time, and a search page
// keeps one core busy for over 10 ms. This primary process keeps what must run once: migrations,
// the local Meilisearch, the outbox worker. The embedded PGlite database belongs to one process,
// so on PGlite (and under --dev) the primary serves the site itself.
import cluster, { type Worker } from "node:cluster";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import net from "node:net";
import os from "node:os";
import { buildIfNeeded } from "./build-if-needed";
import { startHttpServer, type HttpServer } from "./http";
import { serviceOptionsFromEnv, startServices, type Services } from "./services";
import { publicUrl, publicUrlProblem } from "#app/platform/config.server";
import { isPostgresUrl } from "#app/platform/db.server";
import { serverUrlFile } from "#app/platform/data-dir.server";

const dev = process.argv.includes("--dev");
// A demo world on the embedded default (unless VTE_DEMO=0) or when asked; never otherwise on PostgreSQL.
const demo = process.argv.includes("--demo") || (!isPostgresUrl(process.env.DATABASE_URL) && process.env.VTE_DEMO !== "0");
const host = process.env.HOST ?? "127.0.0.1";
let port = Number(process.env.PORT ?? 3000);
const log = (message: string) => console.log(message);

process.env.NODE_ENV ??= dev ? "development" : "production";

/** Messages from a web process to the primary. */
type WebProcessMessage = { type: "listening"; url: string } | { type: "failed"; message: string };

function webProcessCount(): number {
  if (dev || !isPostgresUrl(process.env.DATABASE_URL)) return 1;
  const wanted = Number.parseInt(process.env.WEB_CONCURRENCY ?? "", 10);
  return Number.isFinite(wanted) && wanted > 0 ? Math.min(wanted, 32) : os.availableParallelism();
}

if (cluster.isPrimary) await runPrimary();
else await runWebProcess();

async function runPrimary() {
  let services: Services | undefined;
  let http: HttpServer | undefined;
  const workers = new Set<Worker>();
  let stopping = false;

  /** Web processes first (they use the services), then this process's server and services. */
  const closeAll = async () => {
    await Promise.all(
      [...workers].map(
        (worker) =>
          new Promise<void>((resolve) => {
            worker.once("exit", () => resolve());
            worker.kill("SIGTERM");
          }),
      ),
    );
    await http?.close().catch(() => {});
    await services?.stop();
    await rm(serverUrlFile, { force: true });
  };

  async function stop(signal: string) {
    if (stopping) return;
    stopping = true;
    log(`\n${signal}: stopping…`);
    const forced = setTimeout(() => {
      console.error("Stopping took too long; exiting.");
      process.exit(1);
    }, 15_000);
    await closeAll();
    clearTimeout(forced);
    log("Stopped.");
    process.exit(0);
  }
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));

  try {
    // Links in mails and feeds come from the configured address only, never from a request.
    const problem = publicUrlProblem();
    if (problem) throw new Error(problem);
    const serverBuildPath = dev ? undefined : await buildIfNeeded(log);
    services = await startServices({ ...serviceOptionsFromEnv(), demo, log });
    const processes = webProcessCount();
    let url: string;
    if (processes === 1) {
      http = await startHttpServer({ host, port, dev, serverBuildPath });
      url = http.url;
    } else {
      // Every web process builds links from the same address: settle the port before forking.
      if (port === 0) port = await freePort(host);
      process.env.PORT = String(port);
      process.env.PUBLIC_URL ??= publicUrl();
      // Web processes use this process's search engine (a local Meilisearch is started only here).
      const env = {
        VTE_SERVER_BUILD: serverBuildPath as string,
        MEILI_URL: services.searchUrl ?? "",
        MEILI_MASTER_KEY: services.searchKey ?? "",
      };
      const fork = () =>
        new Promise<string>((resolve, reject) => {
          const worker = cluster.fork(env);
          let serving = false;
          workers.add(worker);
          worker.on("message", (message: WebProcessMessage) => {
            if (message.type === "listening") {
              serving = true;
              resolve(message.url);
            } else reject(new Error(message.message));
          });
          worker.once("exit", (code, signal) => {
            workers.delete(worker);
            if (!serving) return reject(new Error(`a web process stopped at start-up (${signal ?? code})`));
            if (stopping) return;
            // A web process that served and then died is replaced; one that cannot start is not.
            log(`Web process ${worker.process.pid} stopped (${signal ?? code}); starting another.`);
            fork().catch((error) => log(`Could not restart a web process: ${(error as Error).message}`));
          });
        });
      const urls = await Promise.all(Array.from({ length: processes }, fork));
      url = urls[0];
    }
    // On the embedded default the public address is where this server listens.
    process.env.PUBLIC_URL ??= url;
    // Where it listens, for tools run beside it (`npm run search:check`).
    await mkdir(path.dirname(serverUrlFile), { recursive: true });
    await writeFile(serverUrlFile, url);
    const { database, searchUrl, localMeilisearch, mail } = services;
    log(
      [
        "",
        `Plateforme VTE ${dev ? "(développement)" : ""} : ${url}`,
        `  database     ${database.kind === "pglite" ? `PGlite (embedded) in ${database.location}` : `PostgreSQL ${database.location}`}`,
        `  search       ${searchUrl ? `Meilisearch ${searchUrl}${localMeilisearch ? ` (local, PID ${localMeilisearch.pid}, data in ${localMeilisearch.dataDir})` : ""}` : "unavailable: searches use the database"}`,
        `  mail         ${mail.kind === "smtp" ? `SMTP ${mail.location}` : `written to ${mail.location}`}`,
        `  worker       ${services.worker ? "outbox worker running in this process" : "off"}`,
        `  web          ${processes === 1 ? "served by this process" : `${processes} web processes (WEB_CONCURRENCY)`}`,
        `  health       ${url}/healthz`,
        "Ctrl-C stops everything.",
      ].join("\n"),
    );
  } catch (error) {
    stopping = true;
    console.error(`Start-up failed: ${(error as Error).message}`);
    await closeAll();
    process.exit(1);
  }
}

/** A port nobody listens on now (PORT=0 with several web processes, which must share one). */
function freePort(onHost: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, onHost, () => {
      const { port: free } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(free));
    });
  });
}

/** One of the web processes: its own database pool and search client, no worker, no migrations. */
async function runWebProcess() {
  let services: Services | undefined;
  let http: HttpServer | undefined;
  const stop = async (code = 0) => {
    await http?.close().catch(() => {});
    await services?.stop();
    process.exit(code);
  };
  // Ctrl-C reaches every process of the terminal: the primary stops the web processes itself.
  process.on("SIGINT", () => {});
  process.on("SIGTERM", () => void stop());
  // The primary is gone (killed): nothing would stop this process otherwise.
  process.on("disconnect", () => void stop());
  try {
    services = await startServices({
      ...serviceOptionsFromEnv(),
      meiliUrl: process.env.MEILI_URL || undefined,
      worker: false,
      prepare: false,
      log,
    });
    http = await startHttpServer({ host, port, dev: false, serverBuildPath: process.env.VTE_SERVER_BUILD });
    process.send?.({ type: "listening", url: http.url } satisfies WebProcessMessage);
  } catch (error) {
    process.send?.({ type: "failed", message: (error as Error).message } satisfies WebProcessMessage);
    await stop(1);
  }
}

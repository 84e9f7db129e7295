// `npm start` (and `npm run dev` with --dev): builds if needed, opens the database, search engine,
// mail transport and outbox worker, and serves the site. Ctrl-C stops everything it started.
import { buildIfNeeded } from "./build-if-needed";
import { startHttpServer, type HttpServer } from "./http";
import { serviceOptionsFromEnv, startServices, type Services } from "./services";

const dev = process.argv.includes("--dev");
const host = process.env.HOST ?? "127.0.0.1";
const port = Number(process.env.PORT ?? 3000);
const log = (message: string) => console.log(message);

process.env.NODE_ENV ??= dev ? "development" : "production";

let services: Services | undefined;
let http: HttpServer | undefined;
let stopping = false;

async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  log(`\n${signal}: stopping…`);
  const forced = setTimeout(() => {
    console.error("Stopping took too long; exiting.");
    process.exit(1);
  }, 15_000);
  await http?.close().catch(() => {});
  await services?.stop();
  clearTimeout(forced);
  log("Stopped.");
  process.exit(0);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));

try {
  const serverBuildPath = dev ? undefined : await buildIfNeeded(log);
  services = await startServices({ ...serviceOptionsFromEnv(), log });
  http = await startHttpServer({ host, port, dev, serverBuildPath });
  // Links in mails the worker sends on its own point here unless APP_URL names the public address.
  process.env.APP_URL ??= http.url;
  const { database, searchUrl, localMeilisearch, mail } = services;
  log(
    [
      "",
      `Plateforme VTE ${dev ? "(développement)" : ""} : ${http.url}`,
      `  database     ${database.kind === "pglite" ? `PGlite (embedded) in ${database.location}` : `PostgreSQL ${database.location}`}`,
      `  search       ${searchUrl ? `Meilisearch ${searchUrl}${localMeilisearch ? ` (local, PID ${localMeilisearch.pid}, data in ${localMeilisearch.dataDir})` : ""}` : "unavailable: searches use the database"}`,
      `  mail         ${mail.kind === "smtp" ? `SMTP ${mail.location}` : `written to ${mail.location}`}`,
      `  worker       ${services.worker ? "outbox worker running in this process" : "off"}`,
      `  health       ${http.url}/healthz`,
      "Ctrl-C stops everything.",
    ].join("\n"),
  );
} catch (error) {
  console.error(`Start-up failed: ${(error as Error).message}`);
  await http?.close().catch(() => {});
  await services?.stop();
  process.exit(1);
}

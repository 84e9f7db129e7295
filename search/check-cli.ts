// `npm run search:check`: lists the differences between the database and the offers index.
// Exits 1 when there are any (then `npm run search:reindex` repairs them). Beside a running
// \`npm start\` (whose embedded database and local Meilisearch belong to it) it asks that server.
import { readFile } from "node:fs/promises";
import { serverUrlFile } from "#app/platform/data-dir.server";
import { serviceOptionsFromEnv, startServices } from "#app/server/services";
import { compareIndex, type IndexDifferences } from "./check";

/** The running server's answer, or null when no server runs on this data folder. */
async function askRunningServer(): Promise<IndexDifferences | null> {
  const url = (await readFile(serverUrlFile, "utf8").catch(() => "")).trim();
  if (!url) return null;
  const response = await fetch(`${url}/healthz/index`, { signal: AbortSignal.timeout(120_000) }).catch(() => null);
  if (!response) return null;
  const body = (await response.json()) as IndexDifferences | { error: string };
  if ("error" in body) throw new Error(body.error);
  console.log(`Asked the running server at ${url}.`);
  return body;
}

async function checkHere(): Promise<IndexDifferences> {
  const services = await startServices({ ...serviceOptionsFromEnv(), worker: false, reindexWhenEmpty: false, attach: true, log: () => {} });
  try {
    if (!services.search) throw new Error("No search engine: set MEILI_URL, or let the app start its local Meilisearch.");
    return await compareIndex(services.database.prisma, services.search);
  } finally {
    await services.stop();
  }
}

try {
  const { missing, unexpected, stale, checked } = (await askRunningServer()) ?? (await checkHere());
  console.log(`${checked} searchable offers in the database.`);
  const show = (label: string, ids: string[]) => {
    console.log(`${label}: ${ids.length}`);
    for (const id of ids.slice(0, 20)) console.log(`  ${id}`);
    if (ids.length > 20) console.log(`  … and ${ids.length - 20} more`);
  };
  show("Missing from the index", missing);
  show("In the index but not searchable", unexpected);
  show("Indexed with old values", stale);
  if (missing.length + unexpected.length + stale.length > 0) {
    console.log("Run `npm run search:reindex` to rebuild the index, or let the worker catch up if jobs are pending.");
    process.exitCode = 1;
  } else {
    console.log("The index matches the database.");
  }
} catch (error) {
  console.error(`Check failed: ${(error as Error).message}`);
  process.exitCode = 2;
}

// `npm run search:check`: lists the differences between the database and the offers index.
// Exits 1 when there are any (then `npm run search:reindex` repairs them).
import { serviceOptionsFromEnv, startServices } from "#app/server/services";
import { compareIndex } from "./check";

const services = await startServices({ ...serviceOptionsFromEnv(), worker: false, reindexWhenEmpty: false, log: () => {} });
try {
  if (!services.search) throw new Error("No search engine: set MEILI_URL, or let the app start its local Meilisearch.");
  const { missing, unexpected, stale, checked } = await compareIndex(services.database.prisma, services.search);
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
} finally {
  await services.stop();
}

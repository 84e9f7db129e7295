// `npm run search:reindex`: rebuilds the offers index (with a progress bar) and the students index
// from the database.
// With the embedded database, stop `npm start` first (PGlite belongs to one process).
import { SingleBar, Presets } from "cli-progress";
import { startServices, serviceOptionsFromEnv } from "#app/server/services";
import { reindexOffers } from "./reindex";
import { reindexStudents } from "./student-index";

// Beside a running server on PostgreSQL, its local Meilisearch is used rather than a second one.
const services = await startServices({ ...serviceOptionsFromEnv(), worker: false, reindexWhenEmpty: false, attach: true, log: () => {} });
try {
  if (!services.search) throw new Error("No search engine: set MEILI_URL, or let the app start its local Meilisearch.");
  const bar = new SingleBar({ format: "Indexing offers [{bar}] {percentage}% | {value}/{total}" }, Presets.shades_classic);
  let started = false;
  const result = await reindexOffers(services.database.prisma, services.search, {
    onProgress: ({ indexed, total }) => {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.update(indexed);
    },
  });
  bar.stop();
  console.log(`${result.indexed} published offers indexed in ${result.seconds.toFixed(1)} s.`);
  const students = await reindexStudents(services.database.prisma, services.search);
  console.log(`${students} profiles visible to companies indexed.`);
} catch (error) {
  console.error(`Reindex failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await services.stop();
}

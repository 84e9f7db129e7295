// `npm run offers:reassess`: after a change to the eligibility rules, computes every offer's VTE
// decision again from its stored facts, rewrites the labels and reasons that differ, queues the
// published offers whose labels changed for reindexing, and prints what changed. Idempotent. With
// the embedded database, stop `npm start` first (PGlite belongs to one process).
import { Presets, SingleBar } from "cli-progress";
import { reassessOffers } from "#app/offers/reassess.server";
import { openDatabase, setDatabase } from "#app/platform/db.server";
import { migrate } from "#prisma/migrate";

const database = await openDatabase();
setDatabase(database);
const bar = new SingleBar({ format: "Réévaluation [{bar}] {value}/{total} offres modifiées" }, Presets.shades_classic);
try {
  await migrate(database.sql);
  let started = false;
  const report = await database.sql.transaction((tx) =>
    reassessOffers(tx, {
      progress: (done, total) => {
        if (!started) bar.start(total, 0);
        started = true;
        bar.update(done);
      },
    }),
  );
  if (started) bar.stop();
  console.log(
    [
      `Offers assessed: ${report.offers}.`,
      `  decisions changed         ${report.changed} (${report.becameEligible} now eligible, ${report.becameIneligible} no longer eligible)`,
      `  published, reindexed      ${report.reindexed}`,
      `  published but now refused ${report.publishedRefused} (listed on /pilotage/moderation)`,
      report.changed === 0 ? "Every stored decision is the engine's: nothing changed." : "",
    ]
      .filter(Boolean)
      .join("\n"),
  );
} catch (error) {
  bar.stop();
  console.error(`Reassessment failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  setDatabase(undefined);
  await database.close();
}

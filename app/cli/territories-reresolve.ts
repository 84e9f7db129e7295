// `npm run territories:reresolve`: moves companies, offers, wished territories and saved searches
// to the territories of the phase in force, queues the moved published offers for reindexing, and
// recounts the territory figures; prints what moved. Idempotent. With the embedded database, stop
// `npm start` first (PGlite belongs to one process).
import { Presets, SingleBar } from "cli-progress";
import { openDatabase, setDatabase } from "#app/platform/db.server";
import { reresolveTerritories } from "#app/territories/reresolve.server";
import { phaseAt } from "#app/territories/phases.server";
import { migrate } from "#prisma/migrate";

const database = await openDatabase();
setDatabase(database);
const steps = ["entreprises", "offres", "souhaits des étudiants", "alertes", "statistiques"];
const bar = new SingleBar({ format: "Re-résolution [{bar}] {value}/{total} {step}" }, Presets.shades_classic);
try {
  await migrate(database.sql);
  const phase = await phaseAt();
  bar.start(steps.length, 0, { step: "" });
  const report = await reresolveTerritories(database.sql, phase, (step) => bar.update(steps.indexOf(step) + 1, { step }));
  bar.stop();
  console.log(
    [
      `Phase in force: ${report.phase}.`,
      `  companies moved        ${report.companies}`,
      `  offers moved           ${report.offers} (${report.reindexed} published, queued for reindexing)`,
      `  students' wishes moved ${report.wishes}`,
      `  saved searches moved   ${report.savedSearches}`,
      `  territories recounted  ${report.territoriesRecounted}`,
      report.companies + report.offers + report.wishes + report.savedSearches === 0
        ? "Everything already carries the territories in force: nothing moved."
        : "",
    ]
      .filter(Boolean)
      .join("\n"),
  );
} catch (error) {
  bar.stop();
  console.error(`Re-resolution failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  setDatabase(undefined);
  await database.close();
}

// `npm run stats:rebuild`: recomputes every territory statistic from the raw tables (placements,
// offers, applications) and reports each difference it corrected. With the embedded database, stop
// `npm start` first (PGlite belongs to one process).
import { openDatabase } from "#app/platform/db.server";
import { rebuildTerritoryStatistics, statisticsDifferences } from "#app/statistics/statistics.server";
import { migrate } from "#prisma/migrate";

const database = await openDatabase();
try {
  await migrate(database.sql);
  const differences = await statisticsDifferences(database.sql);
  for (const d of differences) console.log(`corrected ${d.what}: stored ${d.stored}, recounted ${d.recounted}`);
  const { territoriesChanged, monthlyRows } = await rebuildTerritoryStatistics(database.sql);
  console.log(
    differences.length === 0
      ? `Statistics were already right: nothing corrected (${monthlyRows} monthly rows).`
      : `${differences.length} difference(s) corrected (${territoriesChanged} territories, ${monthlyRows} monthly rows).`,
  );
  const left = await statisticsDifferences(database.sql);
  if (left.length) throw new Error(`${left.length} difference(s) remain after the rebuild.`);
} catch (error) {
  console.error(`Rebuild failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await database.close();
}

// `npm run db:import-reference`: imports all reference data.
// `npm run db:import-territories -- <file.csv> --phase 2028-2032 --from 2028-01-01
//   [--geometry <file.geojson> --geometry-id <property>]`: loads the list of a phase (a new phase
// needs the date it comes into force; the geometry, one feature per member whose <property> names
// its territory, draws the map), then `npm run territories:reresolve`.
import { parseArgs } from "node:util";
import { openDatabase } from "#app/platform/db.server";
import { importReferenceData } from "./import-reference";
import { importTerritories } from "./import-territories";
import { migrate } from "./migrate";
import { describeChanges } from "./reference-files";

const { values, positionals } = parseArgs({
  options: {
    territories: { type: "boolean", default: false },
    phase: { type: "string" },
    from: { type: "string" },
    geometry: { type: "string" },
    "geometry-id": { type: "string", default: "id_territoire" },
  },
  allowPositionals: true,
});

const database = await openDatabase();
try {
  await migrate(database.sql);
  const started = performance.now();
  const geometry = values.geometry ? { file: values.geometry, idProperty: values["geometry-id"] as string } : undefined;
  const changes = values.territories
    ? await importTerritories(database.sql, positionals[0] ?? usage(), values.phase ?? usage(), { startsOn: values.from, geometry })
    : await importReferenceData(database.sql);
  console.log(describeChanges(changes));
  console.log(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s (${database.kind}: ${database.location}).`);
} finally {
  await database.close();
}

function usage(): never {
  console.error(
    "Usage: npm run db:import-territories -- <file.csv> --phase 2028-2032 [--from YYYY-MM-DD] [--geometry <file.geojson> --geometry-id <property>]",
  );
  process.exit(2);
}

// `npm run seed:demo -- --offers N [--seed S]`: replaces the demo world with a new one.
import { parseArgs } from "node:util";
import { openDatabase } from "#app/platform/db.server";
import { seedDemoWorld } from "#prisma/demo/seed";
import { demoAccounts, demoPassword } from "#app/domain/demo";
import { importReferenceDataIfEmpty } from "./import-reference";
import { migrate } from "./migrate";

const { values } = parseArgs({
  options: { offers: { type: "string", default: "2000" }, seed: { type: "string", default: "2026" } },
});
const offers = Number.parseInt(values.offers, 10);
const seed = Number.parseInt(values.seed, 10);
if (!Number.isInteger(offers) || offers < 1 || !Number.isInteger(seed)) {
  console.error("Usage: npm run seed:demo -- --offers 100000 [--seed 2026]");
  process.exit(2);
}

const started = performance.now();
const database = await openDatabase();
try {
  await migrate(database.sql);
  await importReferenceDataIfEmpty(database.sql, (message) => console.log(message));
  const summary = await seedDemoWorld(database.sql, { offers, seed, log: (message) => console.log(message) });
  console.log(
    [
      `Demo world ready in ${((performance.now() - started) / 1000).toFixed(1)} s (${database.kind}: ${database.location}):`,
      `  ${summary.companies} companies, ${summary.offers} offers (${summary.publishedOffers} published),`,
      `  ${summary.students} students, ${summary.applications} applications, ${summary.placements} placements,`,
      `  ${summary.territoriesUpdated} territories' statistics updated.`,
      `Demo accounts (password "${demoPassword}"): ${demoAccounts.map((a) => `${a.label} ${a.email}`).join(", ")}.`,
      "The search index is rebuilt by the outbox worker (at the next `npm start`), or now with `npm run search:reindex`.",
    ].join("\n"),
  );
} finally {
  await database.close();
}

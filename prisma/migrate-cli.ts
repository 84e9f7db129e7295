// `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to ./data/pglite.
import { openDatabase } from "#app/platform/db.server";
import { migrate } from "./migrate";

const database = await openDatabase();
try {
  const applied = await migrate(database.sql);
  console.log(applied.length ? `Applied: ${applied.join(", ")}` : "The database is up to date.");
} finally {
  await database.close();
}

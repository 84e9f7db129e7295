import { expect, test } from "vitest";
import { diffSchemaAgainstMigrations } from "./schema-engine";

test("schema.prisma and prisma/migrations describe the same database (run `npm run db:new-migration -- <name>` when this fails)", async () => {
  const missing = await diffSchemaAgainstMigrations();
  expect(missing, `SQL the migrations lack:\n${missing}`).toBe("");
});

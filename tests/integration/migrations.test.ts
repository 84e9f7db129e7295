import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "#app/platform/db.server";
import { migrate, readMigrationFiles } from "#prisma/migrate";
import { openTestDatabase } from "./support";

describe("the migration runner", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase({ empty: true });
  });
  afterAll(() => database.close());

  test("applies every migration to an empty database, then nothing on the next start", async () => {
    const files = await readMigrationFiles();
    expect(await migrate(database.sql)).toEqual(files.map((f) => f.name));
    expect(await migrate(database.sql)).toEqual([]);
    const tables = await database.sql.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name IN ('offer', 'territory', 'outbox_job')",
    );
    expect(tables.map((t) => t.table_name).sort()).toEqual(["offer", "outbox_job", "territory"]);
  });

  test("records each migration the way Prisma does: a SHA-256 of the file, finished", async () => {
    const rows = await database.sql.query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      applied_steps_count: number;
    }>(`SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`);
    const files = await readMigrationFiles();
    expect(rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
    for (const [i, row] of rows.entries()) {
      expect(row.checksum).toBe(createHash("sha256").update(files[i].sql).digest("hex"));
      expect(row.finished_at).not.toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  test("refuses to start when an applied migration was edited afterwards", async () => {
    const files = await readMigrationFiles();
    const edited = files.map((f, i) => (i === 0 ? { ...f, checksum: "0".repeat(64) } : f));
    await expect(migrate(database.sql, edited)).rejects.toThrow(/edited after it was applied/);
  });

  test("a failing migration leaves nothing behind, not even its bookkeeping row", async () => {
    const files = await readMigrationFiles();
    const broken = [
      ...files,
      { name: "99999999999999_broken", sql: "CREATE TABLE half_done (id int); SELECT * FROM no_such_table;", checksum: "f".repeat(64) },
    ];
    await expect(migrate(database.sql, broken)).rejects.toThrow();
    const rows = await database.sql.query(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '99999999999999_broken'`);
    expect(rows).toHaveLength(0);
    const tables = await database.sql.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'");
    expect(tables).toHaveLength(0);
  });
});

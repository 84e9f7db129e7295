// What an integration test file needs: its own copy of the template database, and the run's
// real Meilisearch with an index name of its own.
import { cp, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { isPostgresUrl, openDatabase, type Database } from "../../app/db.server";
import { createSearchClient } from "../../search/client";
import { adminUrl } from "./global-setup";

let copies = 0;

/** A fresh database with the migrations and reference data, dropped by `close()`. */
export async function openTestDatabase(options: { empty?: boolean } = {}): Promise<Database> {
  const template = inject("databaseTemplate");
  const suffix = `${process.pid}_${++copies}`;
  if (isPostgresUrl(template)) {
    const name = `vte_test_${inject("runId")}_${suffix}`;
    const admin = new pg.Client({ connectionString: adminUrl(template) });
    await admin.connect();
    const source = new URL(template).pathname.slice(1);
    await admin.query(options.empty ? `CREATE DATABASE "${name}"` : `CREATE DATABASE "${name}" TEMPLATE "${source}"`);
    await admin.end();
    const database = await openDatabase({ url: adminUrl(template, name) });
    const close = database.close;
    return {
      ...database,
      async close() {
        await close();
        const dropper = new pg.Client({ connectionString: adminUrl(template) });
        await dropper.connect();
        await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await dropper.end();
      },
    };
  }
  const folder = await mkdtemp(path.join(os.tmpdir(), "vte-pglite-"));
  const pgliteDir = path.join(folder, "pglite");
  if (!options.empty) await cp(template, pgliteDir, { recursive: true });
  const database = await openDatabase({ pgliteDir });
  const close = database.close;
  return {
    ...database,
    async close() {
      await close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

export function testSearchClient() {
  return createSearchClient(inject("meiliUrl"), inject("meiliKey"));
}

/** An index name no other test file uses. */
export function uniqueIndexName(prefix: string): string {
  return `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
}

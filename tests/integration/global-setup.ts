// Starts one real Meilisearch for the run and prepares a template database (migrated, reference
// data imported) that each test file copies: a PostgreSQL database created from DATABASE_URL's
// server, or a PGlite folder when DATABASE_URL is unset.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { isPostgresUrl, openDatabase } from "#app/platform/db.server";
import { importReferenceData } from "#prisma/import-reference";
import { migrate } from "#prisma/migrate";
import { startLocalMeilisearch } from "#search/local-server";

declare module "vitest" {
  export interface ProvidedContext {
    meiliUrl: string;
    meiliKey: string;
    /** postgres: the template database URL; pglite: the template folder. */
    databaseTemplate: string;
    runId: string;
  }
}

export function adminUrl(url: string, database = "postgres"): string {
  const admin = new URL(url);
  admin.pathname = `/${database}`;
  return admin.toString();
}

export default async function setup(project: TestProject) {
  const runId = `${process.pid}_${Date.now().toString(36)}`;
  const scratch = await mkdtemp(path.join(os.tmpdir(), "vte-integration-"));
  const meili = await startLocalMeilisearch({ dataRoot: path.join(scratch, "meili-root") });
  project.provide("meiliUrl", meili.url);
  project.provide("meiliKey", meili.masterKey);
  project.provide("runId", runId);

  const serverUrl = process.env.DATABASE_URL;
  let template: string;
  if (isPostgresUrl(serverUrl)) {
    const name = `vte_test_${runId}_template`;
    const admin = new pg.Client({ connectionString: adminUrl(serverUrl) });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    template = adminUrl(serverUrl, name);
  } else {
    template = path.join(scratch, "pglite-template");
  }
  const database = await openDatabase({ url: isPostgresUrl(serverUrl) ? template : undefined, pgliteDir: template });
  await migrate(database.sql);
  await importReferenceData(database.sql);
  await database.close();
  project.provide("databaseTemplate", template);

  return async () => {
    await meili.stop();
    if (isPostgresUrl(serverUrl)) {
      const admin = new pg.Client({ connectionString: adminUrl(serverUrl) });
      await admin.connect();
      const { rows } = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [
        `vte_test_${runId}_%`,
      ]);
      for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      await admin.end();
    }
    await rm(scratch, { recursive: true, force: true });
  };
}

// What the benchmarks share: a scratch PostgreSQL database with the demo world, a Meilisearch of
// their own with the offers indexed, and the statistics they print.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { openDatabase, setDatabase, type Database } from "#app/platform/db.server";
import { seedDemoWorld } from "#prisma/demo/seed";
import { importReferenceDataIfEmpty } from "#prisma/import-reference";
import { migrate } from "#prisma/migrate";
import { createSearchClient } from "#search/client";
import { startLocalMeilisearch, type LocalMeilisearch } from "#search/local-server";
import { reindexOffers } from "#search/reindex";
import type { Meilisearch } from "meilisearch";

export const round1 = (n: number) => Math.round(n * 10) / 10;

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function summary(samples: number[]) {
  return {
    p50: round1(percentile(samples, 50)),
    p95: round1(percentile(samples, 95)),
    p99: round1(percentile(samples, 99)),
    mean: round1(samples.reduce((a, b) => a + b, 0) / samples.length),
  };
}

export async function time<T>(work: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const result = await work();
  return [performance.now() - started, result];
}

export interface BenchWorld {
  database: Database;
  databaseUrl: string;
  meili: LocalMeilisearch;
  client: Meilisearch;
  scratch: string;
  seedSeconds: number;
  reindexSeconds: number;
  publishedOffers: number;
  close(): Promise<void>;
}

/** Creates database `name` on the local PostgreSQL (DATABASE_URL's server), seeds N offers, indexes them. */
export async function openBenchWorld(name: string, offers: number, log: (line: string) => void): Promise<BenchWorld> {
  const serverUrl = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    await client.query(sql);
    await client.end();
  };
  const scratch = await mkdtemp(path.join(os.tmpdir(), `${name}-`));
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${name}`);
  const database = await openDatabase({ url: databaseUrl });
  setDatabase(database);
  await migrate(database.sql);
  await importReferenceDataIfEmpty(database.sql, () => {});
  const [seedMs] = await time(() => seedDemoWorld(database.sql, { offers, seed: 2026 }));
  log(`Seeded in ${round1(seedMs / 1000)} s.`);
  await database.sql.query("UPDATE outbox_job SET status = 'DONE' WHERE kind = 'search.reindex'");
  const meili = await startLocalMeilisearch({ dataRoot: path.join(scratch, "meili-root") });
  const client = createSearchClient(meili.url, meili.masterKey);
  const [reindexMs, reindexed] = await time(() => reindexOffers(database.prisma, client));
  log(`Reindexed ${reindexed.indexed} published offers in ${round1(reindexMs / 1000)} s.`);
  return {
    database,
    databaseUrl,
    meili,
    client,
    scratch,
    seedSeconds: round1(seedMs / 1000),
    reindexSeconds: round1(reindexMs / 1000),
    publishedOffers: reindexed.indexed,
    async close() {
      await meili.stop();
      setDatabase(undefined);
      await database.close();
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await rm(scratch, { recursive: true, force: true });
    },
  };
}

export function machine() {
  return { cpus: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version };
}

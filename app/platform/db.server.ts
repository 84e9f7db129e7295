// The database: PostgreSQL through @prisma/adapter-pg when DATABASE_URL is a postgres:// URL,
// otherwise embedded PGlite in ./data/pglite. One instance per process, kept on globalThis so the
// launcher, the Remix build and the worker share it (PGlite cannot be opened twice).
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { dataRoot } from "./data-dir.server";
import { isProcessAlive, processWide } from "./process.server";
import { PrismaClient } from "#app/generated/prisma/client";

/** Plain SQL access, for the migration runner and bulk imports. */
export interface SqlConnection {
  /** Runs a script of several statements, without parameters. */
  exec(script: string): Promise<void>;
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
  transaction<T>(work: (tx: SqlConnection) => Promise<T>): Promise<T>;
}

export interface Database {
  kind: "postgres" | "pglite";
  /** Where the data lives, for the start-up banner (no password). */
  location: string;
  prisma: PrismaClient;
  sql: SqlConnection;
  close(): Promise<void>;
}

export function isPostgresUrl(url: string | undefined): url is string {
  return !!url && /^postgres(ql)?:\/\//.test(url);
}

export async function openDatabase(options: { url?: string; pgliteDir?: string } = { url: process.env.DATABASE_URL }): Promise<Database> {
  if (isPostgresUrl(options.url)) return openPostgres(options.url);
  return openPglite(options.pgliteDir ?? path.join(dataRoot(), "pglite"));
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on("error", (error) => console.error("PostgreSQL pool error:", error.message));
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  const sql: SqlConnection = {
    async exec(script) {
      await pool.query(script);
    },
    async query(text, params) {
      return (await pool.query(text, params as unknown[])).rows;
    },
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await work(clientConnection(client));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
  };
  const location = new URL(url);
  location.password = "";
  return {
    kind: "postgres",
    location: location.toString(),
    prisma,
    sql,
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

function clientConnection(client: pg.PoolClient): SqlConnection {
  return {
    async exec(script) {
      await client.query(script);
    },
    async query(text, params) {
      return (await client.query(text, params as unknown[])).rows;
    },
    async transaction(work) {
      return work(this);
    },
  };
}

// PGlite is a database inside this process: two processes on one folder would corrupt it.
async function lockPgliteDir(dataDir: string): Promise<() => Promise<void>> {
  const lockFile = `${dataDir}.lock`;
  const holder = Number.parseInt(await readFile(lockFile, "utf8").catch(() => ""), 10);
  if (holder && holder !== process.pid) {
    if (isProcessAlive(holder)) {
      throw new Error(
        `The embedded database ${dataDir} is in use by process ${holder} (is \`npm start\` running?). ` +
          "Stop it first, or set DATABASE_URL to use PostgreSQL.",
      );
    }
  }
  await writeFile(lockFile, String(process.pid));
  return () => rm(lockFile, { force: true });
}

async function openPglite(dataDir: string): Promise<Database> {
  await mkdir(dataDir, { recursive: true });
  const unlock = await lockPgliteDir(dataDir);
  // unaccent backs the French full-text search of the degraded search mode.
  const pglite = new PGlite(dataDir, { extensions: { unaccent } });
  await pglite.waitReady;
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  const wrap = (client: Pick<PGlite, "exec" | "query">): SqlConnection => ({
    async exec(script) {
      await client.exec(script);
    },
    async query<Row>(text: string, params?: unknown[]) {
      return (await client.query<Row>(text, params)).rows;
    },
    async transaction(work) {
      return client === pglite ? pglite.transaction((tx) => work(wrap(tx))) : work(this);
    },
  });
  return {
    kind: "pglite",
    location: dataDir,
    prisma,
    sql: wrap(pglite),
    async close() {
      await prisma.$disconnect();
      // $disconnect does not close PGlite; an open PGlite keeps the process alive.
      if (!pglite.closed) await pglite.close();
      await unlock();
    },
  };
}

const current = processWide<Database>("database");

/** Registers the process-wide database (done once by the launcher, a script or a test setup). */
export function setDatabase(database: Database | undefined) {
  current.set(database);
}

export function getDatabase(): Database {
  const database = current.get();
  if (!database) throw new Error("The database is not open: start the app with `npm start`.");
  return database;
}

/** The Prisma client of the process-wide database. */
export function db(): PrismaClient {
  return getDatabase().prisma;
}

// What an integration test file needs: its own copy of the template database, and the run's
// real Meilisearch with an index name of its own.
import { cp, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { AppLoadContext } from "@remix-run/node";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { isPostgresUrl, openDatabase, setDatabase, type Database } from "#app/platform/db.server";
import { isProcessAlive } from "#app/platform/process.server";
import type { Role } from "#app/generated/prisma/enums";
import "#app/platform/load-context";
import { createSearchClient } from "#search/client";
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

/** A client for the test itself: generous deadlines and no pause, so a slow moment under load fails nothing. */
export function testSearchClient() {
  return createSearchClient(inject("meiliUrl"), inject("meiliKey"), { searchMs: 30_000, writeMs: 120_000, pauseAfterFailureMs: 0 });
}

/** An index name no other test file uses. */
export function uniqueIndexName(prefix: string): string {
  return `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
}

/** A route handler (loader or action) called as the HTTP server calls it. */
export type RouteHandler = (args: { request: Request; context: AppLoadContext; params: Record<string, string> }) => Promise<unknown>;

/** The context the HTTP server builds for a signed-in, verified person (or nobody). */
export function contextOf(user: { id: string; email: string; role: Role; name?: string } | null): AppLoadContext {
  if (!user) return { session: null, clientIp: "127.0.0.1" };
  return {
    session: {
      id: "test",
      expiresAt: new Date(Date.now() + 86_400_000),
      renewed: false,
      user: { id: user.id, email: user.email, role: user.role, firstName: "Test", lastName: user.name ?? "Test", emailVerified: true },
    },
    clientIp: "127.0.0.1",
  };
}

/** Calls a route; the status a person would get (thrown responses and data() included) and the body. */
export async function callRoute(
  handler: RouteHandler,
  context: AppLoadContext,
  path: string,
  options: { params?: Record<string, string>; form?: Record<string, string> } = {},
): Promise<{ status: number; body: unknown }> {
  const body = options.form ? Object.entries(options.form).reduce((data, [k, v]) => (data.append(k, v), data), new FormData()) : undefined;
  const request = new Request(`http://127.0.0.1${path}`, options.form ? { method: "POST", body } : {});
  try {
    const result = await handler({ request, context, params: options.params ?? {} });
    return result instanceof Response ? { status: result.status, body: result } : { status: 200, body: result };
  } catch (error) {
    if (error instanceof Response) return { status: error.status, body: error };
    if (error && typeof error === "object" && "init" in error)
      return { status: (error as { init: { status: number } }).init.status, body: error };
    throw error;
  }
}

/**
 * SIGKILLs whichever of these processes still run: what a test that starts the app may leave
 * behind when it fails. List them before killing any: a killed parent's children are re-parented
 * and no longer found under it.
 */
export function killLeftovers(pids: Iterable<number>): void {
  for (const pid of new Set(pids)) {
    if (!pid || !isProcessAlive(pid)) continue;
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // ended meanwhile
    }
  }
}

/**
 * This test file's own copy of the template database, made the app's database while its tests run
 * and closed after them; `prepare` fills it first. Returns a getter, as the copy exists only then.
 */
export function withTestDatabase(prepare?: (database: Database) => Promise<unknown>): () => Database {
  let database: Database | undefined;
  beforeAll(async () => {
    database = await openTestDatabase();
    setDatabase(database);
    await prepare?.(database);
  }, 180_000);
  afterAll(async () => {
    setDatabase(undefined);
    await database?.close();
  });
  return () => database as Database;
}

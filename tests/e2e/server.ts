// The platform as `npm start` runs it, on a throw-away data folder (and a throw-away PostgreSQL
// database when DATABASE_URL is set), with a small demo world so pages have content.
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { isPostgresUrl, openDatabase } from "../../app/db.server";
import { seedDemoWorld } from "../../prisma/demo/seed";
import { importReferenceDataIfEmpty } from "../../prisma/import-reference";
import { migrate } from "../../prisma/migrate";
import { hashPassword } from "../../app/auth.server";
import { e2eOperator } from "./accounts";

const root = path.resolve(import.meta.dirname, "../..");
// The tests read the mail folder, so the data folder can be given (playwright.config.ts does).
const dataDir = process.env.E2E_DATA_DIR ?? (await mkdtemp(path.join(os.tmpdir(), "vte-e2e-")));
await rm(dataDir, { recursive: true, force: true });
const serverUrl = process.env.DATABASE_URL;
const databaseName = `vte_e2e_${process.pid}`;

function databaseUrl(name: string): string {
  const url = new URL(serverUrl as string);
  url.pathname = `/${name}`;
  return url.toString();
}

const env: NodeJS.ProcessEnv = { ...process.env, VTE_DATA_DIR: dataDir };
delete env.MEILI_URL;
delete env.SMTP_URL;
if (isPostgresUrl(serverUrl)) {
  const admin = new pg.Client({ connectionString: databaseUrl("postgres") });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${databaseName}"`);
  await admin.end();
  env.DATABASE_URL = databaseUrl(databaseName);
}

process.env.VTE_DATA_DIR = dataDir;
const database = await openDatabase({ url: env.DATABASE_URL });
await migrate(database.sql);
await importReferenceDataIfEmpty(database.sql, () => {});
await seedDemoWorld(database.sql, { offers: 1500, seed: 42 });
await database.prisma.user.create({
  data: {
    email: e2eOperator.email,
    passwordHash: await hashPassword(e2eOperator.password),
    role: "OPERATOR",
    firstName: "Opératrice",
    lastName: "E2E",
    emailVerifiedAt: new Date(),
  },
});
await database.close();

const child = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "app/server/start.ts"], {
  cwd: root,
  env,
  stdio: "inherit",
});

let cleaning = false;
async function cleanUp(code: number) {
  if (cleaning) return;
  cleaning = true;
  if (child.exitCode === null) {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  }
  if (isPostgresUrl(serverUrl)) {
    const admin = new pg.Client({ connectionString: databaseUrl("postgres") });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
    await admin.end();
  }
  await rm(dataDir, { recursive: true, force: true });
  process.exit(code);
}
child.once("exit", (code) => void cleanUp(code ?? 1));
process.on("SIGTERM", () => void cleanUp(0));
process.on("SIGINT", () => void cleanUp(0));

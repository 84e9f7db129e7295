// `npm start` on PostgreSQL serves the site from several web processes (WEB_CONCURRENCY): a web
// process that dies is replaced, and stopping the server stops every one of them. On PGlite the
// server is one process (tests/integration/embedded-smoke.test.ts).
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { isPostgresUrl, type Database } from "#app/platform/db.server";
import { isProcessAlive } from "#app/platform/process.server";
import { childPids, processTree } from "#tests/processes";
import { killLeftovers, openTestDatabase, uniqueIndexName } from "./support";

const root = path.resolve(import.meta.dirname, "../..");

/** The server's web processes: forked by its primary, which tsx runs as the launcher's child. */
function webProcesses(launcher: number): number[] {
  const runsLauncher = (pid: number) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("app/server/start.ts");
    } catch {
      return false;
    }
  };
  return childPids(launcher)
    .filter(runsLauncher)
    .flatMap((primary) => childPids(primary).filter(runsLauncher));
}

async function waitFor<T>(what: string, check: () => T | undefined | false, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.skipIf(!isPostgresUrl(inject("databaseTemplate")))("npm start on PostgreSQL, with two web processes", () => {
  let database: Database;
  let child: ChildProcess;
  let dataDir: string;
  let output = "";
  let baseUrl = "";
  let started: number[] = [];

  beforeAll(async () => {
    database = await openTestDatabase();
    dataDir = await mkdtemp(path.join(os.tmpdir(), "vte-web-"));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: database.location,
      MEILI_URL: inject("meiliUrl"),
      MEILI_MASTER_KEY: inject("meiliKey"),
      MEILI_OFFER_INDEX: uniqueIndexName("offers_web"),
      MEILI_STUDENT_INDEX: uniqueIndexName("students_web"),
      WEB_CONCURRENCY: "2",
      VTE_DATA_DIR: dataDir,
      PORT: "0",
      HOST: "127.0.0.1",
    };
    delete env.SMTP_URL;
    child = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "app/server/start.ts"], { cwd: root, env });
    child.stdout?.on("data", (chunk) => (output += chunk));
    child.stderr?.on("data", (chunk) => (output += chunk));
    await waitFor(
      "the start-up banner",
      () => {
        if (child.exitCode !== null) throw new Error(`npm start exited early:\n${output}`);
        return output.includes("Ctrl-C stops everything.");
      },
      170_000,
    );
    baseUrl = /Plateforme VTE .*: (http:\/\/\S+)/.exec(output)?.[1] ?? "";
    started = processTree(child.pid as number);
  }, 180_000);

  afterAll(async () => {
    killLeftovers([...started, ...processTree(child.pid as number)]);
    await database.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  test("says how many web processes serve the site, and they answer", async () => {
    expect(output).toContain("web          2 web processes (WEB_CONCURRENCY)");
    expect(webProcesses(child.pid as number)).toHaveLength(2);
    for (let i = 0; i < 6; i++) {
      const response = await fetch(`${baseUrl}/offres?q=ingenieur`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain("Offres VTE");
    }
  });

  test("a web process that dies is replaced, and the site keeps answering", async () => {
    const [victim] = webProcesses(child.pid as number);
    process.kill(victim, "SIGKILL");
    await waitFor("the replacement", () => output.includes(`Web process ${victim} stopped (SIGKILL); starting another.`));
    const replaced = await waitFor("two web processes again", () => {
      const pids = webProcesses(child.pid as number);
      return pids.length === 2 && !pids.includes(victim) && pids;
    });
    expect(replaced).not.toContain(victim);
    for (let i = 0; i < 6; i++) expect((await fetch(`${baseUrl}/healthz`)).status).toBe(200);
  });

  test("stopping the server stops every web process", async () => {
    const pids = webProcesses(child.pid as number);
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    child.kill("SIGINT");
    expect(await exited).toBe(0);
    await waitFor("the web processes to end", () => pids.every((pid) => !isProcessAlive(pid)), 10_000);
  });
});

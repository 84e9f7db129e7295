// The README's quick start, for real: `npm start` with no DATABASE_URL, MEILI_URL or SMTP_URL runs
// on embedded PGlite, a local Meilisearch and mail to files, and stopping it leaves nothing behind.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { isProcessAlive } from "#app/platform/process.server";
import { processTree } from "#tests/processes";
import { killLeftovers } from "./support";
import { demoAccounts, demoPassword } from "#app/domain/demo";

const root = path.resolve(import.meta.dirname, "../..");

describe("npm start on the embedded defaults", () => {
  let child: ChildProcess;
  let dataDir: string;
  let output = "";
  let baseUrl = "";
  let meiliPid = 0;
  let started: number[] = [];

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), "vte-smoke-"));
    const env: NodeJS.ProcessEnv = { ...process.env, VTE_DATA_DIR: dataDir, PORT: "0", HOST: "127.0.0.1" };
    delete env.DATABASE_URL;
    delete env.MEILI_URL;
    delete env.MEILI_MASTER_KEY;
    delete env.SMTP_URL;
    child = spawn("npm", ["start"], { cwd: root, env });
    child.stdout?.on("data", (chunk) => (output += chunk));
    child.stderr?.on("data", (chunk) => (output += chunk));
    const deadline = Date.now() + 170_000;
    while (!output.includes("Ctrl-C stops everything.")) {
      if (child.exitCode !== null) throw new Error(`npm start exited early:\n${output}`);
      if (Date.now() > deadline) throw new Error(`npm start did not come up:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    baseUrl = /Plateforme VTE .*: (http:\/\/\S+)/.exec(output)?.[1] ?? "";
    meiliPid = Number(/\(local, PID (\d+)/.exec(output)?.[1]);
    started = processTree(child.pid as number);
  }, 180_000);

  afterAll(async () => {
    // npm, tsx, the server and its Meilisearch: whatever a failed test left running.
    killLeftovers([...started, ...processTree(child.pid as number), meiliPid]);
    await rm(dataDir, { recursive: true, force: true });
  });

  test("says what it started and where its data lives", () => {
    expect(output).toContain(`PGlite (embedded) in ${path.join(dataDir, "pglite")}`);
    expect(output).toMatch(/Meilisearch http:\/\/127\.0\.0\.1:\d+ \(local, PID \d+/);
    expect(output).toContain(`written to ${path.join(dataDir, "mail")}`);
    expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  test("/healthz reports the database, the search engine and the mail transport up", async () => {
    const response = await fetch(`${baseUrl}/healthz`);
    expect(response.status).toBe(200);
    const health = await response.json();
    expect(health).toMatchObject({
      status: "ok",
      database: { ok: true, detail: "pglite" },
      search: { ok: true },
      mail: { ok: true, detail: "files" },
    });
  });

  test("the first start built a demo world: offers to find, one account per role on the log-in page, and every page says so", async () => {
    expect(output).toMatch(/Demo world: \d+ companies, \d+ published offers/);
    const logInPage = await (await fetch(`${baseUrl}/connexion`)).text();
    for (const account of demoAccounts) expect(logInPage).toContain(account.email);
    expect(logInPage).toContain(demoPassword);
    expect(await (await fetch(`${baseUrl}/`)).text()).toContain("Données de démonstration");
    // The worker indexes the new offers in the background.
    await expect
      .poll(async () => (await (await fetch(`${baseUrl}/offres`)).text()).includes("offer-card"), { timeout: 60_000, interval: 500 })
      .toBe(true);
    // Each account opens its own space.
    const homes = { STUDENT: "/etudiant", COMPANY_MEMBER: "/entreprise", SCHOOL_STAFF: "/ecole", OPERATOR: "/pilotage" } as const;
    for (const account of demoAccounts) {
      const response = await fetch(`${baseUrl}/connexion`, {
        method: "POST",
        redirect: "manual",
        headers: { Origin: baseUrl, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ email: account.email, password: demoPassword, redirectTo: "" }),
      });
      expect(response.status, account.email).toBe(302);
      expect(response.headers.get("location"), account.email).toBe(homes[account.role]);
      const cookie = response.headers.get("set-cookie")?.split(";")[0] ?? "";
      const space = await fetch(`${baseUrl}${homes[account.role]}`, { headers: { Cookie: cookie }, redirect: "manual" });
      expect(space.status, `${account.email} on ${homes[account.role]}`).toBe(200);
    }
  }, 90_000);

  test("serves the home page and the 183 territories in force from the embedded database", async () => {
    const home = await (await fetch(`${baseUrl}/`)).text();
    expect(home).toContain("Le Volontariat Territorial en Entreprise");
    // React separates adjacent text nodes with <!-- --> in server-rendered HTML.
    const territories = (await (await fetch(`${baseUrl}/territoires`)).text()).replaceAll("<!-- -->", "");
    expect(territories).toContain("183 territoires de la liste 2023–2027");
    const roanne = await fetch(`${baseUrl}/territoires/ti-8411`);
    expect(roanne.status).toBe(200);
    // A link made before phases still names the territory it named then, and its successor.
    const page = (await roanne.text()).replaceAll("<!-- -->", "");
    expect(page).toContain("Roanne - Tarare");
    expect(page).toContain("Roannais Forez (2023–2027)");
  });

  test("a form posted from another site is refused before any action runs", async () => {
    const response = await fetch(`${baseUrl}/connexion`, {
      method: "POST",
      headers: { Origin: "https://site-malveillant.example", "Content-Type": "application/x-www-form-urlencoded" },
      body: "email=a%40b.fr&password=xxxxxxxxxxxx",
    });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain("Requête refusée");
  });

  test("with its Meilisearch killed, search answers from the database with a notice, and /healthz says so", async () => {
    const search = await fetch(`${baseUrl}/offres?q=ingenieur`);
    expect(search.status).toBe(200);
    expect(await search.text()).not.toContain("mode dégradé");
    process.kill(meiliPid, "SIGKILL");
    for (let i = 0; i < 50 && isProcessAlive(meiliPid); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    const degraded = await fetch(`${baseUrl}/offres?q=ingenieur`);
    expect(degraded.status).toBe(200);
    expect(await degraded.text()).toContain("La recherche fonctionne en mode dégradé");
    const health = await fetch(`${baseUrl}/healthz`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: "degraded", search: { ok: false }, database: { ok: true } });
  });

  test("SIGTERM to `npm start` alone, as a service manager sends it, stops the server and its Meilisearch, and releases the database", async () => {
    const tree = processTree(child.pid as number);
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(output).toContain("SIGTERM: stopping…");
    await expect.poll(() => tree.filter(isProcessAlive), { timeout: 10_000 }).toEqual([]);
    expect(isProcessAlive(meiliPid)).toBe(false);
    await expect(stat(path.join(dataDir, "pglite.lock"))).rejects.toThrow();
    await expect(stat(path.join(dataDir, "meili.pid"))).rejects.toThrow();
  });
});

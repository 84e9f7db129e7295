// Search survives its engine (issue 11): with Meilisearch frozen (SIGSTOP) or killed, every search
// URL answers 200 from PostgreSQL with the notice, quickly; impossible dates and oversized URLs get
// a French message. Tried over HTTP against the platform as `npm start` runs it, with its own
// Meilisearch, so that the test may freeze and kill it.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { isProcessAlive } from "#app/platform/process.server";
import { seedDemoWorld } from "#prisma/demo/seed";
import { demoPassword } from "#app/domain/demo";
import { benchQueries } from "#tests/bench/search-queries";
import { formBody, rawRequest, startPlatform, type RunningPlatform } from "./platform";

const notice = "La recherche fonctionne en mode dégradé";
let platform: RunningPlatform;
let offerId = "";
let studentEmail = "";

// The 50 benchmark searches, plus no text, filters only, and a later page.
const searchUrls = [
  ...benchQueries.map((b) => `/offres?${b.query}`),
  "/offres",
  "/offres?region=84",
  "/offres?page=3",
  "/offres?region=84&contrat=cdi&page=2",
];

beforeAll(async () => {
  platform = await startPlatform({
    prepare: async (database) => {
      await seedDemoWorld(database.sql, { offers: 800, seed: 7 });
      offerId = (await database.prisma.offer.findFirstOrThrow({ where: { status: "PUBLISHED" }, select: { id: true } })).id;
      studentEmail = (
        await database.prisma.user.findFirstOrThrow({
          where: { role: "STUDENT", studentProfile: { isNot: null } },
          select: { email: true },
        })
      ).email;
    },
  });
  // The index starts empty: the worker rebuilds it from the database.
  const deadline = Date.now() + 120_000;
  for (;;) {
    const page = await rawRequest(platform.url, { path: "/offres" });
    if (page.status === 200 && !page.body.includes(notice) && !page.body.includes("Aucune offre")) break;
    if (Date.now() > deadline) throw new Error(`the index was not rebuilt:\n${platform.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}, 240_000);
afterAll(async () => {
  if (platform?.meiliPid && isProcessAlive(platform.meiliPid)) process.kill(platform.meiliPid, "SIGCONT");
  await platform?.stop();
});

async function studentCookie(): Promise<string> {
  const form = formBody({ email: studentEmail, password: demoPassword });
  const response = await rawRequest(platform.url, {
    method: "POST",
    path: "/connexion",
    headers: { Origin: platform.url, ...form.headers },
    body: form.body,
  });
  expect(response.status).toBe(302);
  return String(response.headers["set-cookie"]?.[0]).split(";")[0];
}

/** Requests every URL once; each must answer 200 with the degraded notice. Returns the times in ms. */
async function visitDegraded(urls: string[], cookie?: string): Promise<number[]> {
  const times: number[] = [];
  for (const url of urls) {
    const started = performance.now();
    const response = await rawRequest(platform.url, { path: url, headers: cookie ? { Cookie: cookie } : {} });
    times.push(performance.now() - started);
    expect.soft(response.status, url).toBe(200);
    expect.soft(response.body, url).toContain("mode dégradé");
  }
  return times;
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.ceil((p / 100) * values.length) - 1];

describe("the search page's own input", () => {
  test.each([
    ["an impossible date", "debut=2026-02-30", "La date « 2026-02-30 » n'existe pas"],
    ["the year 0", "debut=0000-01-01", "La date « 0000-01-01 » n'existe pas"],
    [
      "1 150 values of one filter",
      `q=zzz&${Array.from({ length: 1150 }, (_, i) => `metier=H${String(1000 + i).padStart(4, "0")}`).join("&")}`,
      "Au plus 20 valeurs par filtre",
    ],
    ["400 characters of text", `q=${encodeURIComponent("ingenieur ".repeat(40))}`, "Votre recherche a été raccourcie à 200 caractères"],
  ])("%s answers 200 with a French message", async (_label, query, message) => {
    const response = await rawRequest(platform.url, { path: `/offres?${query}` });
    expect(response.status).toBe(200);
    expect(response.body.replaceAll("&#x27;", "'")).toContain(message);
  });
});

describe("with Meilisearch frozen (SIGSTOP)", () => {
  test("every search URL, an offer page and « Pour vous » answer 200 from the database with the notice, p95 under 2 s", async () => {
    const cookie = await studentCookie();
    process.kill(platform.meiliPid, "SIGSTOP");
    try {
      const times = await visitDegraded(searchUrls);
      const offerStarted = performance.now();
      const offer = await rawRequest(platform.url, { path: `/offres/${offerId}` });
      times.push(performance.now() - offerStarted);
      expect(offer.status).toBe(200);
      times.push(...(await visitDegraded(["/etudiant/pour-vous"], cookie)));
      console.log(
        `Frozen Meilisearch: ${times.length} requests, p50 ${percentile(times, 50).toFixed(0)} ms, p95 ${percentile(times, 95).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms`,
      );
      expect(percentile(times, 95)).toBeLessThan(2_000);
    } finally {
      process.kill(platform.meiliPid, "SIGCONT");
    }
  }, 120_000);
});

describe("with Meilisearch killed", () => {
  test("every search URL answers 200 from the database with the notice", async () => {
    process.kill(platform.meiliPid, "SIGKILL");
    for (let i = 0; i < 50 && isProcessAlive(platform.meiliPid); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    const times = await visitDegraded([...searchUrls, "/offres?debut=2026-02-30", "/offres?tri=recent&page=4"]);
    console.log(`Killed Meilisearch: ${times.length} requests, p95 ${percentile(times, 95).toFixed(0)} ms`);
    const offer = await rawRequest(platform.url, { path: `/offres/${offerId}` });
    expect(offer.status).toBe(200);
  }, 120_000);
});

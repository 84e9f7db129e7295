// `npm run bench:search [-- --offers 100000 --rounds 4 --seconds 10]`: one run, one machine, the same
// 50 queries against (a) Meilisearch directly, (b) the /offres loader through the app over HTTP
// (data request and full HTML page), (c) the PostgreSQL fallback. Needs PostgreSQL (DATABASE_URL,
// default the local server): it creates and drops the database `vte_bench`.
import { spawn } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { parseOfferSearch } from "../../app/domain/offer-search-params";
import { searchOffersInDatabase } from "../../app/offer-search-fallback.server";
import { resolvePlace } from "../../app/offer-search.server";
import { offerIndexName, type OfferDocument } from "../../search/offer-index";
import { facetAttributes, offerFilter, type Place } from "../../search/offer-search";
import { benchQueries } from "./search-queries";
import { machine, openBenchWorld, round1, summary, time } from "./support";

const { values } = parseArgs({
  options: { offers: { type: "string", default: "100000" }, rounds: { type: "string", default: "4" }, seconds: { type: "string", default: "10" } },
});
const offers = Number(values.offers);
const rounds = Number(values.rounds);
const seconds = Number(values.seconds);
const root = path.resolve(import.meta.dirname, "../..");

async function throughput(request: () => Promise<void>, clients: number, durationS: number) {
  const deadline = performance.now() + durationS * 1000;
  let done = 0;
  let errors = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline) {
        try {
          await request();
          done++;
        } catch {
          errors++;
        }
      }
    }),
  );
  return { perSecond: round1(done / durationS), requests: done, errors };
}

console.log(`Benchmark: ${offers} offers, ${rounds} rounds of ${benchQueries.length} queries, ${seconds} s per throughput test.`);
const world = await openBenchWorld("vte_bench", offers, console.log);
const { client, meili } = world;

const app = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "app/server/start.ts"], {
  cwd: root,
  env: { ...process.env, DATABASE_URL: world.databaseUrl, MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.masterKey, VTE_DATA_DIR: path.join(world.scratch, "app"), PORT: "0", NODE_ENV: "production" },
  stdio: ["ignore", "pipe", "inherit"],
});
let banner = "";
app.stdout?.on("data", (chunk) => (banner += chunk));
while (!banner.includes("Ctrl-C stops everything.")) {
  if (app.exitCode !== null) throw new Error(`The app did not start:\n${banner}`);
  await new Promise((resolve) => setTimeout(resolve, 200));
}
const appUrl = /Plateforme VTE .*: (http:\/\/\S+)/.exec(banner)?.[1] as string;

// The places of the geographic queries, resolved once like the loader does.
const places = new Map<string, Place | null>();
for (const { query } of benchQueries) {
  const params = parseOfferSearch(new URLSearchParams(query));
  if (params.autour && !places.has(params.autour)) places.set(params.autour, await resolvePlace(params.autour));
}
const now = new Date();
const meiliSearch = async (query: string) => {
  const params = parseOfferSearch(new URLSearchParams(query));
  const place = places.get(params.autour) ?? null;
  return client.index<OfferDocument>(offerIndexName).search(params.q, {
    filter: offerFilter(params, place, now),
    facets: Object.values(facetAttributes),
    hitsPerPage: 20,
    page: 1,
    attributesToRetrieve: ["title", "romeLabel", "companyName", "contractLabel", "degreeLabel"],
  });
};
const fetchOk = async (url: string) => {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${response.status} ${url}`);
  await response.arrayBuffer();
};
const engines = {
  meilisearch: (query: string) => meiliSearch(query).then(() => {}),
  "app-data": (query: string) => fetchOk(`${appUrl}/offres.data?${query}`),
  "app-html": (query: string) => fetchOk(`${appUrl}/offres?${query}`),
  postgresql: (query: string) => {
    const params = parseOfferSearch(new URLSearchParams(query));
    return searchOffersInDatabase(params, places.get(params.autour) ?? null, now).then(() => {});
  },
};

const latency: Record<string, { p50: number; p95: number; p99: number; mean: number }> = {};
for (const [name, run] of Object.entries(engines)) {
  for (const { query } of benchQueries) await run(query); // warm-up
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) for (const { query } of benchQueries) samples.push((await time(() => run(query)))[0]);
  latency[name] = summary(samples);
  console.log(`${name.padEnd(12)} p50 ${latency[name].p50} ms  p95 ${latency[name].p95} ms  p99 ${latency[name].p99} ms`);
}

// Relevance: does the first page hold at least one offer a person would call relevant?
const misses: Record<"meilisearch" | "postgresql", string[]> = { meilisearch: [], postgresql: [] };
for (const { query, relevant } of benchQueries) {
  const meiliHits = (await meiliSearch(query)).hits;
  if (!meiliHits.some((h) => relevant.test([h.title, h.romeLabel, h.companyName, h.contractLabel, h.degreeLabel].join(" ")))) misses.meilisearch.push(query);
  const params = parseOfferSearch(new URLSearchParams(query));
  const pgHits = (await searchOffersInDatabase(params, places.get(params.autour) ?? null, now)).hits;
  if (!pgHits.some((h) => relevant.test([h.title.map((r) => r.text).join(""), h.companyName].join(" ")))) misses.postgresql.push(query);
}

const clients = 8;
let next = 0;
const nextQuery = () => benchQueries[next++ % benchQueries.length].query;
const concurrent = {
  meilisearch: await throughput(() => engines.meilisearch(nextQuery()), clients, seconds),
  "app-html": await throughput(() => engines["app-html"](nextQuery()), clients, seconds),
};

const results = {
  date: new Date().toISOString(),
  machine: machine(),
  offers,
  publishedOffers: world.publishedOffers,
  queries: benchQueries.length,
  rounds,
  seedSeconds: world.seedSeconds,
  reindexSeconds: world.reindexSeconds,
  latencyMs: latency,
  appDataOverMeilisearchP95: round1(latency["app-data"].p95 / latency.meilisearch.p95),
  throughputAt8Clients: concurrent,
  queriesWithoutRelevantResult: { meilisearch: misses.meilisearch.length, postgresql: misses.postgresql.length },
  missedQueries: misses,
};

console.log("\n| engine | p50 ms | p95 ms | p99 ms | req/s at 8 clients | queries without a relevant result |");
console.log("|---|---|---|---|---|---|");
for (const name of Object.keys(engines)) {
  const l = latency[name];
  const t = concurrent[name as keyof typeof concurrent];
  const miss = name === "meilisearch" || name.startsWith("app") ? misses.meilisearch.length : misses.postgresql.length;
  console.log(`| ${name} | ${l.p50} | ${l.p95} | ${l.p99} | ${t ? `${t.perSecond} (${t.errors} errors)` : "—"} | ${miss} / ${benchQueries.length} |`);
}
console.log(`\napp data p95 / Meilisearch p95 = ${results.appDataOverMeilisearchP95}; reindex ${results.reindexSeconds} s for ${results.publishedOffers} offers.`);

await mkdir(path.join(root, "tests/bench/results"), { recursive: true });
const file = path.join(root, "tests/bench/results", `search-${results.date.slice(0, 10)}.json`);
await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
console.log(`Written to ${path.relative(root, file)}`);

const exited = new Promise((resolve) => app.once("exit", resolve));
app.kill("SIGINT");
await exited;
await world.close();

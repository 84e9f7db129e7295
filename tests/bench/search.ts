// `npm run bench:search [-- --offers 100000 --rounds 4 --seconds 10]`: one run, one machine, the same
// 50 queries against (a) Meilisearch directly (the search page's own multi-search, without the app),
// (b) the /offres loader through the app over HTTP (data request and full HTML page), (c) the
// PostgreSQL fallback. Needs PostgreSQL (DATABASE_URL, default the local server): it creates and
// drops the database `vte_bench`. The app runs as `npm start` does (web processes per core).
import { spawn } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import { parseOfferSearch } from "#app/domain/offer-search-params";
import { searchOffersInDatabase } from "#app/offers/search-fallback.server";
import { toOfferQuery } from "#app/offers/search-contract";
import type { Place } from "#app/domain/geo";
import { resolvePlace } from "#app/reference/geography.server";
import { processTree, procStat } from "#tests/processes";
import { offerIndexName, type OfferDocument } from "#search/offer-index";
import { offerFilter, searchOffers } from "#search/offer-search";
import { benchQueries } from "./search-queries";
import { machine, openBenchWorld, round1, summary, time } from "./support";

const { values } = parseArgs({
  options: {
    offers: { type: "string", default: "100000" },
    rounds: { type: "string", default: "4" },
    seconds: { type: "string", default: "10" },
  },
});
const offers = Number(values.offers);
const rounds = Number(values.rounds);
const seconds = Number(values.seconds);
const root = path.resolve(import.meta.dirname, "../..");

/** CPU time (ms) used so far by a process and its descendants (the app's web processes). */
function cpuMs(pid: number): number {
  return processTree(pid).reduce((sum, p) => {
    try {
      const fields = procStat(p);
      return sum + (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, in ticks of 10 ms
    } catch {
      return sum; // ended meanwhile
    }
  }, 0);
}
const benchCpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

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

/** The app as `npm start` runs it, on the bench's database and Meilisearch. */
async function startApp(env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "app/server/start.ts"], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: world.databaseUrl,
      MEILI_URL: meili.url,
      MEILI_MASTER_KEY: meili.masterKey,
      VTE_DATA_DIR: path.join(world.scratch, `app-${Date.now()}`),
      PORT: "0",
      NODE_ENV: "production",
      ...env,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let banner = "";
  child.stdout?.on("data", (chunk) => (banner += chunk));
  while (!banner.includes("Ctrl-C stops everything.")) {
    if (child.exitCode !== null) throw new Error(`The app did not start:\n${banner}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    pid: child.pid as number,
    url: /Plateforme VTE .*: (http:\/\/\S+)/.exec(banner)?.[1] as string,
    webProcesses: Number(/(\d+) web processes/.exec(banner)?.[1] ?? 1),
    async stop() {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGINT");
      await exited;
    },
  };
}
const app = await startApp();
const appUrl = app.url;
const webProcesses = app.webProcesses;

// The places of the geographic queries, resolved once like the loader does.
const places = new Map<string, Place | null>();
for (const { query } of benchQueries) {
  const params = parseOfferSearch(new URLSearchParams(query));
  if (params.autour && !places.has(params.autour)) places.set(params.autour, await resolvePlace(params.autour));
}
const now = new Date();
// The first page of results as the page ranks them, with the fields the relevance check reads.
const meiliFirstPage = async (query: string) => {
  const params = parseOfferSearch(new URLSearchParams(query));
  const place = places.get(params.autour) ?? null;
  return client.index<OfferDocument>(offerIndexName).search(params.q, {
    filter: offerFilter(toOfferQuery(params), place, now),
    hitsPerPage: 20,
    page: 1,
    attributesToRetrieve: ["title", "romeLabel", "companyName", "contractLabel", "degreeLabel"],
  });
};
// A light HTTP client with kept-alive connections: the bench's own CPU is shared with the app and
// Meilisearch, and the global fetch costs about 2.5 ms per page against 0.8 ms for node:http.
const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
const getOk = (url: string) =>
  new Promise<void>((resolve, reject) => {
    http
      .get(url, { agent }, (response) => {
        response.on("data", () => {});
        response.on("end", () => (response.statusCode === 200 ? resolve() : reject(new Error(`${response.statusCode} ${url}`))));
      })
      .on("error", reject);
  });
const engines = {
  // Exactly the Meilisearch requests the page makes (main query, disjunctive facet counts).
  meilisearch: (query: string) => {
    const params = parseOfferSearch(new URLSearchParams(query));
    return searchOffers(client, toOfferQuery(params), { place: places.get(params.autour) ?? null, now }).then(() => {});
  },
  "app-data": (query: string) => getOk(`${appUrl}/offres.data?${query}`),
  "app-html": (query: string) => getOk(`${appUrl}/offres?${query}`),
  postgresql: (query: string) => {
    const params = parseOfferSearch(new URLSearchParams(query));
    return searchOffersInDatabase(toOfferQuery(params), places.get(params.autour) ?? null, now).then(() => {});
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
  const meiliHits = (await meiliFirstPage(query)).hits;
  if (!meiliHits.some((h) => relevant.test([h.title, h.romeLabel, h.companyName, h.contractLabel, h.degreeLabel].join(" "))))
    misses.meilisearch.push(query);
  const params = parseOfferSearch(new URLSearchParams(query));
  const pgHits = (await searchOffersInDatabase(toOfferQuery(params), places.get(params.autour) ?? null, now)).hits;
  if (!pgHits.some((h) => relevant.test([h.title.map((r) => r.text).join(""), h.companyName].join(" ")))) misses.postgresql.push(query);
}

const clients = 8;
let next = 0;
const nextQuery = () => benchQueries[next++ % benchQueries.length].query;
/**
 * Full pages per second at 8 clients, after 5 s of the same load (the web processes compile their
 * hot code under load: the figures are those of a server that has been running), and where the
 * CPU of a page goes meanwhile: the app's processes, Meilisearch and this bench, on the same cores.
 */
async function fullPages(target: { url: string; pid: number }, page = () => getOk(`${target.url}/offres?${nextQuery()}`)) {
  await throughput(page, clients, 5);
  const before = { app: cpuMs(target.pid), meilisearch: cpuMs(meili.pid), bench: benchCpuMs() };
  const pages = await throughput(page, clients, seconds);
  const cpu = {
    app: round1((cpuMs(target.pid) - before.app) / pages.requests),
    meilisearch: round1((cpuMs(meili.pid) - before.meilisearch) / pages.requests),
    bench: round1((benchCpuMs() - before.bench) / pages.requests),
  };
  return { pages, cpu };
}
const { pages: htmlThroughput, cpu: cpuPerPageMs } = await fullPages(app);
// For scale, the log-in page: the same layout and framework, a form, no search at all.
const logIn = await fullPages(app, () => getOk(`${app.url}/connexion`));
const concurrent = {
  meilisearch: await throughput(() => engines.meilisearch(nextQuery()), clients, seconds),
  "app-data": await throughput(() => engines["app-data"](nextQuery()), clients, seconds),
  "app-html": htmlThroughput,
};
// The same full pages from a single web process (WEB_CONCURRENCY=1), in the same run.
await app.stop();
const singleApp = await startApp({ WEB_CONCURRENCY: "1" });
const single = await fullPages(singleApp);
await singleApp.stop();

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
  webProcesses,
  throughputAt8Clients: concurrent,
  cpuPerFullPageMs: cpuPerPageMs,
  logInPage: { fullPagesPerSecond: logIn.pages.perSecond, errors: logIn.pages.errors, cpuPerPageMs: logIn.cpu },
  singleWebProcess: { fullPagesPerSecond: single.pages.perSecond, errors: single.pages.errors, cpuPerFullPageMs: single.cpu },
  webProcessesOverSingle: round1(htmlThroughput.perSecond / single.pages.perSecond),
  queriesWithoutRelevantResult: { meilisearch: misses.meilisearch.length, postgresql: misses.postgresql.length },
  missedQueries: misses,
};

console.log("\n| engine | p50 ms | p95 ms | p99 ms | req/s at 8 clients | queries without a relevant result |");
console.log("|---|---|---|---|---|---|");
for (const name of Object.keys(engines)) {
  const l = latency[name];
  const t = concurrent[name as keyof typeof concurrent];
  const miss = name === "meilisearch" || name.startsWith("app") ? misses.meilisearch.length : misses.postgresql.length;
  console.log(
    `| ${name} | ${l.p50} | ${l.p95} | ${l.p99} | ${t ? `${t.perSecond} (${t.errors} errors)` : "—"} | ${miss} / ${benchQueries.length} |`,
  );
}
console.log(
  `\napp data p95 / Meilisearch p95 = ${results.appDataOverMeilisearchP95}; reindex ${results.reindexSeconds} s for ${results.publishedOffers} offers.`,
);
console.log(
  `CPU per full page at ${clients} clients (${webProcesses} web process${webProcesses > 1 ? "es" : ""}): app ${cpuPerPageMs.app} ms, ` +
    `Meilisearch ${cpuPerPageMs.meilisearch} ms, bench client ${cpuPerPageMs.bench} ms, for ${results.machine.cpus} cores.`,
);
console.log(`The log-in page (no search), same run: ${logIn.pages.perSecond} pages/s, app ${logIn.cpu.app} ms per page.`);
console.log(
  `One web process (WEB_CONCURRENCY=1), same run: ${single.pages.perSecond} full pages/s (${single.pages.errors} errors), ` +
    `app ${single.cpu.app} ms per page; ${webProcesses} web processes / one = ${results.webProcessesOverSingle}.`,
);

await mkdir(path.join(root, "tests/bench/results"), { recursive: true });
const file = path.join(root, "tests/bench/results", `search-${results.date.slice(0, 10)}.json`);
await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
console.log(`Written to ${path.relative(root, file)}`);

await world.close();

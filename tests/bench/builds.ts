// `npm run bench:builds -- --a <checkout> --b <checkout> [--path /offres] [--rounds 6] [--offers 100000]`:
// the CPU that two server builds spend per request, side by side in one process. Each of the 50
// search queries goes to A then B (B then A on odd rounds), so both meet the same machine, the same
// Meilisearch and the same database; no HTTP, so what differs is the build. A checkout is a folder
// with `build/server/index.js` (for another revision: `git worktree add ../vte-a <rev>`, link this
// node_modules into it, `npx remix vite:build` there). Needs PostgreSQL: creates and drops
// `vte_bench_builds`.
import { execFileSync } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { setSearchClient } from "#search/client";
import { benchQueries } from "./search-queries";
import { machine, openBenchWorld } from "./support";

const { values } = parseArgs({
  options: {
    a: { type: "string" },
    b: { type: "string", default: "." },
    path: { type: "string", default: "/offres" },
    rounds: { type: "string", default: "6" },
    offers: { type: "string", default: "100000" },
  },
});
if (!values.a)
  throw new Error("Usage: npm run bench:builds -- --a <checkout> [--b <checkout>] [--path /offres] [--rounds 6] [--offers 100000]");
const root = path.resolve(import.meta.dirname, "../..");
const checkouts = [path.resolve(values.a), path.resolve(values.b)];
const rounds = Number(values.rounds);
process.env.NODE_ENV = "production";

const world = await openBenchWorld("vte_bench_builds", Number(values.offers), console.log);
setSearchClient(world.client);
const handlers = await Promise.all(
  checkouts.map(async (checkout) => {
    const build = (await import(pathToFileURL(path.join(checkout, "build/server/index.js")).href)) as ServerBuild;
    return createRequestHandler(build, "production");
  }),
);
const context = { session: null, clientIp: "127.0.0.1" };
const cpuMicroseconds = () => {
  const usage = process.cpuUsage();
  return usage.user + usage.system;
};

const cpu = [0, 0];
const bytes = [0, 0];
let measured = 0;
// Two rounds of warm-up (the builds' code is compiled by V8 as it runs), then the measured ones.
for (let round = 0; round < rounds + 2; round++) {
  for (const { query } of benchQueries) {
    for (const side of round % 2 ? [1, 0] : [0, 1]) {
      const started = cpuMicroseconds();
      const response = await handlers[side](new Request(`http://127.0.0.1${values.path}?${query}`), context as never);
      const body = await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${checkouts[side]} answered ${response.status} to ${values.path}?${query}`);
      if (round >= 2) {
        cpu[side] += cpuMicroseconds() - started;
        bytes[side] += body.byteLength;
      }
    }
    if (round >= 2) measured++;
  }
}

/** The checkout's commit, marked when its files differ from it. */
const revision = (checkout: string) => {
  const git = (...args: string[]) => execFileSync("git", ["-C", checkout, ...args], { encoding: "utf8" }).trim();
  return `${git("rev-parse", "--short", "HEAD")}${git("status", "--porcelain", "--untracked-files=no") ? " with uncommitted changes" : ""}`;
};
const perRequest = (side: number) => Math.round(cpu[side] / measured / 10) / 100;
const results = {
  date: new Date().toISOString(),
  machine: machine(),
  path: values.path,
  requestsPerBuild: measured,
  a: {
    checkout: checkouts[0],
    revision: revision(checkouts[0]),
    cpuMsPerRequest: perRequest(0),
    bytesPerResponse: Math.round(bytes[0] / measured),
  },
  b: {
    checkout: checkouts[1],
    revision: revision(checkouts[1]),
    cpuMsPerRequest: perRequest(1),
    bytesPerResponse: Math.round(bytes[1] / measured),
  },
  bOverA: Math.round((cpu[1] / cpu[0]) * 1000) / 1000,
};
console.log(`\n${values.path}, ${measured} requests each, alternated:`);
console.log(
  `A ${results.a.checkout} (${results.a.revision}): ${results.a.cpuMsPerRequest} ms of CPU per request, ${results.a.bytesPerResponse} bytes`,
);
console.log(
  `B ${results.b.checkout} (${results.b.revision}): ${results.b.cpuMsPerRequest} ms of CPU per request, ${results.b.bytesPerResponse} bytes`,
);
console.log(`B / A = ${results.bOverA}`);

await mkdir(path.join(root, "tests/bench/results"), { recursive: true });
const file = path.join(root, "tests/bench/results", `builds-${results.date.slice(0, 10)}${values.path.replace(/[^\w]+/g, "-")}.json`);
await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
console.log(`Written to ${path.relative(root, file)}`);
setSearchClient(undefined);
await world.close();
process.exit(0);

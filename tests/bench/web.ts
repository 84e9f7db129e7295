// `npm run bench:web [-- --runs 3 --label name]`: Lighthouse (mobile profile: simulated slow 4G, 4x CPU slowdown)
// on the pages people open most, with Debian's Chromium, several runs per page, the median kept.
// The platform runs as the quick start does (embedded PGlite, its first-start demo world) in a
// scratch folder; `/etudiant/pour-vous` is measured logged in as the demo student.
// Lighthouse comes from the npm registry at a version that runs on Node 20 (npx lighthouse@12.2.3).
import { spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { demoAccounts, demoPassword } from "#app/domain/demo";
import { machine, percentile } from "./support";

// --label names a run among several of one day: web-<date>-<label>.json.
const { values } = parseArgs({ options: { runs: { type: "string", default: "3" }, label: { type: "string" } } });
const runs = Number(values.runs);
const root = path.resolve(import.meta.dirname, "../..");
const lighthouseVersion = "12.2.3";
const chromium = process.env.CHROME_PATH ?? "/usr/bin/chromium";

const scratch = await mkdtemp(path.join(os.tmpdir(), "vte-bench-web-"));
const env: NodeJS.ProcessEnv = { ...process.env, VTE_DATA_DIR: scratch, PORT: "0", HOST: "127.0.0.1" };
for (const name of ["DATABASE_URL", "MEILI_URL", "MEILI_MASTER_KEY", "SMTP_URL", "VTE_DEMO"]) delete env[name];
const app = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "app/server/start.ts"], { cwd: root, env });
let output = "";
app.stdout.on("data", (chunk) => (output += chunk));
app.stderr.on("data", (chunk) => (output += chunk));
const deadline = Date.now() + 240_000;
while (!output.includes("Ctrl-C stops everything.")) {
  if (app.exitCode !== null || Date.now() > deadline) throw new Error(`The platform did not start:\n${output}`);
  await new Promise((resolve) => setTimeout(resolve, 200));
}
const base = /Plateforme VTE .*: (http:\/\/\S+)/.exec(output)?.[1] as string;
console.log(`Platform at ${base}; waiting for the demo world's index…`);
let offerPath = "";
for (let i = 0; i < 120 && !offerPath; i++) {
  const html = await (await fetch(`${base}/offres?q=ingenieur`)).text();
  offerPath = /href="(\/offres\/[\w-]+)(?:\?[^"]*)?"/.exec(html)?.[1] ?? "";
  if (!offerPath) await new Promise((resolve) => setTimeout(resolve, 1000));
}
if (!offerPath) throw new Error("No offer found in search after two minutes.");

// The demo student's session, for the page behind a log-in.
const student = demoAccounts.find((a) => a.role === "STUDENT") as { email: string };
const logIn = await fetch(`${base}/connexion`, {
  method: "POST",
  redirect: "manual",
  headers: { Origin: base, "Content-Type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams({ email: student.email, password: demoPassword, redirectTo: "" }),
});
const cookie = logIn.headers.get("set-cookie")?.split(";")[0] ?? "";
if (!cookie) throw new Error(`Log-in as ${student.email} failed (${logIn.status}).`);

const pages: { path: string; cookie?: string }[] = [
  { path: "/" },
  { path: "/offres" },
  { path: "/offres?q=ingenieur&region=84" },
  { path: offerPath },
  { path: "/territoires" },
  { path: "/territoires/ti-8417" },
  { path: "/etudiant/pour-vous", cookie },
];

interface Measure {
  performance: number;
  accessibility: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  transferKiB: number;
  documentKiB: number;
  scriptKiB: number;
}

function lighthouse(url: string, extraCookie?: string): Measure {
  const out = path.join(scratch, `lh-${Date.now()}.json`);
  const args = [
    "-y",
    `lighthouse@${lighthouseVersion}`,
    url,
    "--output=json",
    `--output-path=${out}`,
    "--quiet",
    "--only-categories=performance,accessibility",
    `--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run`,
    ...(extraCookie ? [`--extra-headers=${JSON.stringify({ Cookie: extraCookie })}`] : []),
  ];
  // Lighthouse sometimes loses its own trace ("NO_NAVSTART… Please run Lighthouse again"), seen
  // twice in a row on one page: up to three tries.
  for (let attempt = 1; ; attempt++) {
    const result = spawnSync("npx", args, { env: { ...process.env, CHROME_PATH: chromium }, encoding: "utf8", timeout: 180_000 });
    if (result.status === 0) return readReport(out);
    if (attempt === 3) throw new Error(`Lighthouse failed three times on ${url}:\n${result.stderr}`);
    console.log(`Lighthouse failed on ${url}, once more: ${result.stderr.trim().split("\n").at(-1)}`);
  }
}

function readReport(file: string): Measure {
  const report = JSON.parse(readFileSync(file, "utf8"));
  const audit = (id: string) => report.audits[id];
  const requests: { resourceType: string; transferSize: number; resourceSize: number }[] = audit("network-requests").details.items;
  return {
    performance: Math.round(report.categories.performance.score * 100),
    accessibility: Math.round(report.categories.accessibility.score * 100),
    fcpMs: Math.round(audit("first-contentful-paint").numericValue),
    lcpMs: Math.round(audit("largest-contentful-paint").numericValue),
    tbtMs: Math.round(audit("total-blocking-time").numericValue),
    transferKiB: Math.round(requests.reduce((sum, r) => sum + r.transferSize, 0) / 1024),
    documentKiB: Math.round((requests.find((r) => r.resourceType === "Document")?.transferSize ?? 0) / 1024),
    scriptKiB: Math.round(requests.filter((r) => r.resourceType === "Script").reduce((sum, r) => sum + r.resourceSize, 0) / 1024),
  };
}

const median = (xs: number[]) => percentile(xs, 50);
const results: Record<string, Measure & { runs: Measure[] }> = {};
try {
  for (const page of pages) {
    const measures: Measure[] = [];
    for (let i = 0; i < runs; i++) measures.push(lighthouse(`${base}${page.path}`, page.cookie));
    const pick = (key: keyof Measure) => median(measures.map((m) => m[key]));
    results[page.path] = {
      performance: pick("performance"),
      accessibility: pick("accessibility"),
      fcpMs: pick("fcpMs"),
      lcpMs: pick("lcpMs"),
      tbtMs: pick("tbtMs"),
      transferKiB: pick("transferKiB"),
      documentKiB: pick("documentKiB"),
      scriptKiB: pick("scriptKiB"),
      runs: measures,
    };
    const r = results[page.path];
    console.log(
      `${page.path.padEnd(36)} perf ${r.performance}  a11y ${r.accessibility}  FCP ${r.fcpMs} ms  LCP ${r.lcpMs} ms  TBT ${r.tbtMs} ms  ${r.transferKiB} KiB (page ${r.documentKiB} KiB, JS ${r.scriptKiB} KiB)`,
    );
  }
} finally {
  app.kill("SIGTERM");
  await new Promise((resolve) => app.once("exit", resolve));
}
const targets = { performance: 95, fcpMs: 1800, lcpMs: 2500, tbtMs: 200, accessibility: 100 };
const file = path.join(
  root,
  "tests/bench/results",
  `web-${new Date().toISOString().slice(0, 10)}${values.label ? `-${values.label}` : ""}.json`,
);
await writeFile(
  file,
  `${JSON.stringify({ date: new Date().toISOString(), machine: machine(), lighthouse: lighthouseVersion, runs, targets, pages: results }, null, 2)}\n`,
);
console.log(`Results: ${path.relative(root, file)}`);
await rm(scratch, { recursive: true, force: true });
process.exit(0);

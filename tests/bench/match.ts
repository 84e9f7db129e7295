// `npm run bench:match [-- --offers 100000 --students 1000 --offers-for-companies 200]`: the time to
// compute "Pour vous" (Meilisearch candidates + scoring, as the page's loader calls it) for each of
// N students against the demo world's offers, and the company side (visible profiles for an offer).
// Needs PostgreSQL: it creates and drops the database `vte_bench_match`.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { offersForStudent, profilesForOffer } from "#app/offers/matching.server";
import { setSearchClient } from "#search/client";
import { reindexStudents } from "#search/student-index";
import { machine, openBenchWorld, round1, summary, time } from "./support";

const { values } = parseArgs({
  options: {
    offers: { type: "string", default: "100000" },
    students: { type: "string", default: "1000" },
    "offers-for-companies": { type: "string", default: "200" },
  },
});
const offerCount = Number(values.offers);
const studentCount = Number(values.students);
const companyOfferCount = Number(values["offers-for-companies"]);
const root = path.resolve(import.meta.dirname, "../..");

console.log(`Matching benchmark: ${studentCount} students against ${offerCount} offers.`);
const world = await openBenchWorld("vte_bench_match", offerCount, console.log);
setSearchClient(world.client);
const prisma = world.database.prisma;
const visibleProfiles = await reindexStudents(prisma, world.client);

const profiles = await prisma.studentProfile.findMany({
  where: { degreeLevel: { not: null } },
  orderBy: { userId: "asc" },
  take: studentCount,
});
if (profiles.length < studentCount) throw new Error(`The demo world has only ${profiles.length} students with a degree; ask for fewer.`);
for (const profile of profiles.slice(0, 50)) await offersForStudent(profile); // warm-up

const samples: number[] = [];
let withMatches = 0;
let scores = 0;
for (const profile of profiles) {
  const [ms, { matches, degraded }] = await time(() => offersForStudent(profile));
  if (degraded) throw new Error("Meilisearch did not answer: the benchmark measures the engine path only.");
  samples.push(ms);
  if (matches.length > 0) withMatches++;
  scores += matches[0]?.match.score ?? 0;
}
const students = summary(samples);

const offers = await prisma.offer.findMany({
  where: { status: "PUBLISHED" },
  include: { rome: { select: { label: true } }, commune: { select: { name: true } } },
  orderBy: { id: "asc" },
  take: companyOfferCount,
});
const companySamples: number[] = [];
for (const offer of offers) companySamples.push((await time(() => profilesForOffer(offer)))[0]);
const companies = summary(companySamples);

const results = {
  date: new Date().toISOString(),
  machine: machine(),
  offers: offerCount,
  publishedOffers: world.publishedOffers,
  students: profiles.length,
  p50Ms: students.p50,
  p95Ms: students.p95,
  p99Ms: students.p99,
  meanMs: students.mean,
  studentsWithMatches: withMatches,
  meanBestScore: round1(scores / profiles.length),
  companySide: { offers: offers.length, visibleProfiles, p50Ms: companies.p50, p95Ms: companies.p95, p99Ms: companies.p99 },
};

console.log(`\n| side | runs | p50 ms | p95 ms | p99 ms |`);
console.log(`|---|---|---|---|---|`);
console.log(
  `| student: 20 best offers among ${world.publishedOffers} | ${profiles.length} | ${students.p50} | ${students.p95} | ${students.p99} |`,
);
console.log(
  `| company: 20 best of ${visibleProfiles} visible profiles | ${offers.length} | ${companies.p50} | ${companies.p95} | ${companies.p99} |`,
);
console.log(`\n${withMatches} of ${profiles.length} students get at least one offer; mean best score ${results.meanBestScore} / 100.`);

await mkdir(path.join(root, "tests/bench/results"), { recursive: true });
const file = path.join(root, "tests/bench/results", `match-${results.date.slice(0, 10)}.json`);
await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
console.log(`Written to ${path.relative(root, file)}`);
setSearchClient(undefined);
await world.close();

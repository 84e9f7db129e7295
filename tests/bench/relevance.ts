// `npm run bench:relevance [-- --offers 100000 --titles 120 --students 200 --before <commit>]`: how well
// search and "Pour vous" find what people mean, before and after a change, side by side in one run.
// Needs PostgreSQL: it creates and drops the database `vte_bench_relevance`.
//
// (a) Job titles: real ROME appellations (a fixed seed) whose fiche has published offers and whose
//     words no demo title holds all of, typed as a person would (the masculine form); the share of
//     the first 10 results that belong to the appellation's fiche, and the queries with no result.
// (b) Students: each built around one published VTE offer (its fiche as field of study, its commune
//     with a 30 km radius, its degree, its school kind, and, of the ROME skills written in its text,
//     the rarest among the offers of its fiche: the one that tells it apart, as a student who fits
//     this offer would name it); the
//     rank of that offer in the student's "Pour vous", and how many offers shown score as high.
// "Before" is the code of another commit (default: the last before issue 14), checked out in a git
// worktree and run by tests/bench/relevance-probe.ts on its own index of the same world; "after" is
// this checkout, run the same way.
import { execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, rm, symlink, writeFile, readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { faker } from "@faker-js/faker";
import { foldedWords, significantFoldedWords } from "#app/domain/word-match";
import { jobs } from "#prisma/demo/catalogue";
import { machine, openBenchWorld, round1 } from "./support";

const { values } = parseArgs({
  options: {
    offers: { type: "string", default: "100000" },
    titles: { type: "string", default: "120" },
    students: { type: "string", default: "200" },
    before: { type: "string", default: "72e1564" },
  },
});
const offerCount = Number(values.offers);
const titleCount = Number(values.titles);
const studentCount = Number(values.students);
const root = path.resolve(import.meta.dirname, "../..");
faker.seed(2614);

/** "Chaudronnier / Chaudronnière aéronautique" -> "chaudronnier aeronautique": the words a person types. */
function masculineWords(label: string): string[] {
  const [before, ...rest] = label.split(" / ");
  const kept = foldedWords(before);
  const after = foldedWords(rest.join(" "));
  // After the slash come the feminine forms of the words before it, then the shared tail.
  const tail = after.filter((word) => !kept.some((m) => m === word || m.slice(0, 4) === word.slice(0, 4)));
  return [...kept, ...tail].filter((word) => word.length >= 2);
}

console.log(`Relevance benchmark: ${offerCount} offers, ${titleCount} job titles, ${studentCount} students, before = ${values.before}.`);
const world = await openBenchWorld("vte_bench_relevance", offerCount, console.log);
const sql = world.database.sql;
const prisma = world.database.prisma;

// (a) The job titles to search.
const demoTitleWords = Object.values(jobs).flatMap((job) => job.titles.map((title) => new Set(foldedWords(title.replace(/\{\w+\}/g, "")))));
const appellations = await sql.query<{ code: string; label: string; rome_code: string }>(
  `SELECT a.code, a.label, a.rome_code FROM rome_appellation a
   WHERE NOT a.rarely_used AND a.rome_code IN (SELECT DISTINCT rome_code FROM offer WHERE status = 'PUBLISHED')
   ORDER BY a.code`,
);
const notSpelledOut = appellations.filter((a) => {
  const words = masculineWords(a.label).filter((word) => significantFoldedWords(word).length > 0);
  return words.length > 0 && !demoTitleWords.some((title) => words.every((word) => title.has(word)));
});
const sampled = faker.helpers.arrayElements(notSpelledOut, Math.min(titleCount, notSpelledOut.length));
const titleQueries = sampled.map((a) => masculineWords(a.label).join(" "));

// (b) The students, each around a target offer.
const skills = await sql.query<{ label: string }>("SELECT label FROM rome_skill WHERE length(label) <= 40");
const skillWords = skills.map((s) => ({ label: s.label, words: significantFoldedWords(s.label).filter((w) => w.length >= 3) }));
const targets = faker.helpers.arrayElements(
  await prisma.offer.findMany({
    where: { status: "PUBLISHED", vteEligible: true, OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] },
    select: {
      id: true,
      description: true,
      romeCode: true,
      rome: { select: { label: true } },
      communeCode: true,
      degreeLevel: true,
      schoolKinds: true,
    },
    orderBy: { id: "asc" },
  }),
  studentCount * 3,
);
// How many published offers of each fiche hold each word: the skill that tells an offer apart from
// the others of its métier is the rarest among them.
const offersWithWord = new Map<string, Map<string, number>>();
for (const { romeCode, description } of await prisma.offer.findMany({
  where: { status: "PUBLISHED" },
  select: { romeCode: true, description: true },
})) {
  const counts = offersWithWord.get(romeCode) ?? new Map<string, number>();
  for (const word of new Set(foldedWords(description))) counts.set(word, (counts.get(word) ?? 0) + 1);
  offersWithWord.set(romeCode, counts);
}
const rarity = (romeCode: string, words: string[]) => Math.min(...words.map((word) => offersWithWord.get(romeCode)?.get(word) ?? 0));
const students: { userId: string; targetId: string; skill: string }[] = [];
for (const target of targets) {
  if (students.length === studentCount) break;
  const text = new Set(foldedWords(target.description));
  const written = skillWords.filter((s) => s.words.length > 0 && s.words.every((w) => text.has(w)));
  if (written.length === 0) continue;
  const rarest = Math.min(...written.map((s) => rarity(target.romeCode, s.words)));
  const skill = faker.helpers.arrayElement(written.filter((s) => rarity(target.romeCode, s.words) === rarest)).label;
  const userId = `bench-student-${students.length}`;
  await prisma.user.create({
    data: {
      id: userId,
      email: `${userId}@etudiant.example`,
      passwordHash: "-",
      role: "STUDENT",
      firstName: "Bench",
      lastName: String(students.length),
      emailVerifiedAt: new Date(),
      studentProfile: {
        create: {
          schoolKind: target.schoolKinds[0],
          degreeLevel: target.degreeLevel,
          field: target.rome.label,
          status: "STUDENT",
          skills: [skill],
          wishedCommuneCode: target.communeCode,
          wishedRadiusKm: 30,
        },
      },
    },
  });
  students.push({ userId, targetId: target.id, skill });
}
console.log(`${sampled.length} job titles (of ${notSpelledOut.length} not spelled out by a demo title), ${students.length} students.`);

const scratch = path.join(world.scratch, "relevance");
await mkdir(scratch, { recursive: true });
const inputFile = path.join(scratch, "input.json");
await writeFile(inputFile, JSON.stringify({ queries: titleQueries, students: students.map((s) => s.userId) }));

/** Runs the probe with the code of `checkout` on `index`; returns what it found. */
async function probe(checkout: string, index: string, reindex: boolean) {
  const output = path.join(scratch, `${index}.json`);
  const args = [
    path.join(root, "node_modules/tsx/dist/cli.mjs"),
    path.join(root, "tests/bench/relevance-probe.ts"),
    ...["--code", checkout, "--index", index, "--input", inputFile, "--output", output],
    ...(reindex ? ["--reindex"] : []),
  ];
  const child = spawn(process.execPath, args, {
    cwd: checkout,
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: world.databaseUrl, MEILI_URL: world.meili.url, MEILI_MASTER_KEY: world.meili.masterKey },
  });
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  if (code !== 0) throw new Error(`The probe of ${checkout} ended with ${code}.`);
  return JSON.parse(await readFile(output, "utf8")) as {
    reindexSeconds: number | null;
    queries: { ids: string[]; total: number }[];
    students: { ids: string[]; scores: number[] }[];
  };
}

// The code before: a worktree of that commit, sharing this checkout's installed packages.
const beforeDir = path.join(world.scratch, "before");
execFileSync("git", ["worktree", "add", "--detach", beforeDir, values.before as string], { cwd: root, stdio: "ignore" });
let before: Awaited<ReturnType<typeof probe>>;
try {
  await symlink(path.join(root, "node_modules"), path.join(beforeDir, "node_modules"));
  execFileSync(process.execPath, ["prisma/generate.mjs"], { cwd: beforeDir, stdio: "ignore" });
  if (!existsSync(path.join(beforeDir, "app/generated/prisma"))) throw new Error("Prisma client not generated in the worktree");
  console.log(`Before (${values.before}): reindexing into its own index and probing…`);
  before = await probe(beforeDir, "offers_before", true);
} finally {
  execFileSync("git", ["worktree", "remove", "--force", beforeDir], { cwd: root, stdio: "ignore" });
}
// Reindexed again as the code before was, so both times are taken in the same position.
console.log("After (this checkout): reindexing and probing…");
const after = await probe(root, "offers", true);

const ficheOf = new Map(
  (await prisma.offer.findMany({ where: { status: "PUBLISHED" }, select: { id: true, romeCode: true } })).map((o) => [o.id, o.romeCode]),
);

function titleFigures(run: typeof after) {
  const shares = run.queries.map(({ ids }, i) =>
    ids.length === 0 ? 0 : ids.filter((id) => ficheOf.get(id) === sampled[i].rome_code).length / ids.length,
  );
  const empty = run.queries.map(({ ids }, i) => (ids.length === 0 ? titleQueries[i] : null)).filter((q): q is string => q !== null);
  return {
    meanShareInFiche: Math.round((1000 * shares.reduce((a, b) => a + b, 0)) / shares.length) / 1000,
    withoutResult: empty.length,
    emptyQueries: empty,
  };
}

function studentFigures(run: typeof after) {
  const ranks = run.students.map(({ ids }, i) => {
    const rank = ids.indexOf(students[i].targetId);
    return rank === -1 ? null : rank + 1;
  });
  const inFirst5 = ranks.filter((rank) => rank !== null && rank <= 5).length;
  // Offers shown with the target's score or more: ties the page breaks by start date, then id.
  const asHigh = run.students.map(({ ids, scores }, i) => {
    const rank = ids.indexOf(students[i].targetId);
    return rank === -1 ? null : scores.filter((score) => score >= scores[rank]).length;
  });
  const tiedWithin5 = asHigh.filter((count, i) => count !== null && count <= 5 && (ranks[i] ?? 99) > 5).length;
  return {
    targetWithinScoreOfFirst5: round1((100 * asHigh.filter((count) => count !== null && count <= 5).length) / ranks.length),
    outOfFirst5ByTiesOnly: tiedWithin5,
    targetInFirst5: round1((100 * inFirst5) / ranks.length),
    targetFirst: round1((100 * ranks.filter((rank) => rank === 1).length) / ranks.length),
    targetNotShown: ranks.filter((rank) => rank === null).length,
  };
}

const results = {
  date: new Date().toISOString(),
  machine: machine(),
  offers: offerCount,
  publishedOffers: world.publishedOffers,
  before: values.before,
  reindexSeconds: { before: before.reindexSeconds, after: after.reindexSeconds, firstIndexing: world.reindexSeconds },
  jobTitles: { sampled: sampled.length, before: titleFigures(before), after: titleFigures(after) },
  students: { count: students.length, before: studentFigures(before), after: studentFigures(after) },
  targets: { meanShareInFiche: 0.8, withoutResult: 0, targetInFirst5: 90, reindexSeconds: 90 },
  queries: titleQueries.map((query, i) => ({ query, fiche: sampled[i].rome_code, label: sampled[i].label })),
};
console.table({
  "job titles: mean share of the first 10 in the fiche": {
    before: results.jobTitles.before.meanShareInFiche,
    after: results.jobTitles.after.meanShareInFiche,
  },
  "job titles: queries without a result": { before: results.jobTitles.before.withoutResult, after: results.jobTitles.after.withoutResult },
  "students: target in the first 5 (%)": { before: results.students.before.targetInFirst5, after: results.students.after.targetInFirst5 },
  "students: target first (%)": { before: results.students.before.targetFirst, after: results.students.after.targetFirst },
  "students: target not shown": { before: results.students.before.targetNotShown, after: results.students.after.targetNotShown },
  "students: target's score within the first 5 (%)": {
    before: results.students.before.targetWithinScoreOfFirst5,
    after: results.students.after.targetWithinScoreOfFirst5,
  },
  "reindex (s)": { before: results.reindexSeconds.before, after: results.reindexSeconds.after },
});
const file = path.join(root, "tests/bench/results", `relevance-${new Date().toISOString().slice(0, 10)}.json`);
await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
console.log(`Results: ${path.relative(root, file)}`);
await world.close();
await rm(scratch, { recursive: true, force: true });
process.exit(0);

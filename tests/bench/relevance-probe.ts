// The relevance benchmark's probe: run in a child process against a checkout of the platform (the
// code before a change, or this one), it answers the benchmark's queries and students with that
// checkout's own search, index settings and matching, on the benchmark's database and Meilisearch.
//   tsx tests/bench/relevance-probe.ts --code <checkout> --index <name> [--reindex] --input <file> --output <file>
// Input: { queries: string[], students: string[] } (user ids). Output: the first ids of each.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    code: { type: "string" },
    index: { type: "string" },
    reindex: { type: "boolean", default: false },
    input: { type: "string" },
    output: { type: "string" },
  },
});
const code = path.resolve(values.code as string);
const indexName = values.index as string;
const from = (file: string) => import(path.join(code, file));

// Only the entry points both versions share are used, with the arguments both accept.
const { openDatabase, setDatabase } = await from("app/platform/db.server.ts");
const { createSearchClient, setSearchClient } = await from("search/client.ts");
const { reindexOffers } = await from("search/reindex.ts");
const { searchOffers } = await from("search/offer-search.ts");
const { offersForStudent } = await from("app/offers/matching.server.ts");

const database = await openDatabase({ url: process.env.DATABASE_URL });
setDatabase(database);
const client = createSearchClient(process.env.MEILI_URL as string, process.env.MEILI_MASTER_KEY as string);
setSearchClient(client);

let reindexSeconds: number | null = null;
if (values.reindex) {
  const started = performance.now();
  await reindexOffers(database.prisma, client, { indexName });
  reindexSeconds = Math.round((performance.now() - started) / 100) / 10;
}

const input = JSON.parse(await readFile(values.input as string, "utf8")) as { queries: string[]; students: string[] };
const queries: { ids: string[]; total: number }[] = [];
for (const text of input.queries) {
  const result = await searchOffers(
    client,
    {
      text,
      regions: [],
      territories: [],
      departments: [],
      sectors: [],
      jobs: [],
      contracts: [],
      degrees: [],
      schoolKinds: [],
      remote: [],
      greenOnly: false,
      startsFrom: "",
      radiusKm: 30,
      sort: "relevance",
      page: 1,
    },
    { place: null, indexName },
  );
  queries.push({ ids: result.hits.slice(0, 10).map((hit: { id: string }) => hit.id), total: result.total });
}

const students: { ids: string[]; scores: number[] }[] = [];
for (const userId of input.students) {
  const profile = await database.prisma.studentProfile.findUniqueOrThrow({ where: { userId }, omit: { cv: true } });
  const { matches, degraded } = await offersForStudent(profile, { indexName });
  if (degraded) throw new Error("Meilisearch did not answer: the benchmark measures the engine path only.");
  students.push({
    ids: matches.map((match: { id: string }) => match.id),
    scores: matches.map((match: { match: { score: number } }) => match.match.score),
  });
}

await writeFile(values.output as string, JSON.stringify({ reindexSeconds, queries, students }));
setDatabase(undefined);
await database.close();
process.exit(0);

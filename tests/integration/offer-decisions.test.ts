// The VTE decision is stored with each offer and read by the pages (issue 13): the moderation page
// of 50 offers makes a bounded number of queries, an offer page shows the stored reasons, and
// `offers:reassess` rewrites what a rule change made stale, once.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { reassessOffers } from "#app/offers/reassess.server";
import { setDatabase, type Database } from "#app/platform/db.server";
import { loader as moderationLoader } from "#app/routes/pilotage/moderation";
import { loader as offerLoader } from "#app/routes/offres/detail";
import { seedDemoWorld } from "#prisma/demo/seed";
import { callRoute, contextOf, openTestDatabase, type RouteHandler } from "./support";

let database: Database;
let queries = 0;
const operator = { id: "operator", email: "pilotage@bpifrance.fr", role: "OPERATOR" as const };

beforeAll(async () => {
  database = await openTestDatabase();
  await seedDemoWorld(database.sql, { offers: 400, seed: 5 });
  // Every query the pages make, counted: Prisma's (models and raw) and the SQL connection's.
  const counted = database.prisma.$extends({
    query: {
      async $allOperations({ args, query }) {
        queries++;
        return query(args);
      },
    },
  }) as unknown as Database["prisma"];
  const sql = database.sql;
  setDatabase({
    ...database,
    prisma: counted,
    sql: { ...sql, query: (text: string, values?: unknown[]) => (queries++, sql.query(text, values)) } as typeof sql,
  });
}, 180_000);
afterAll(async () => {
  setDatabase(undefined);
  await database?.close();
});

async function pendingOffers(count: number) {
  await database.prisma.offer.updateMany({ where: { status: "PENDING_REVIEW" }, data: { status: "DRAFT" } });
  const chosen = await database.prisma.offer.findMany({
    where: { status: "PUBLISHED", vteEligible: true },
    take: count,
    orderBy: { id: "asc" },
    select: { id: true },
  });
  await database.prisma.offer.updateMany({
    where: { id: { in: chosen.map((o) => o.id) } },
    data: { status: "PENDING_REVIEW", submittedAt: new Date() },
  });
}

async function moderationQueries(): Promise<{ queries: number; queue: { decision: { reasons: { message: string }[] } }[] }> {
  queries = 0;
  const page = await callRoute(moderationLoader as unknown as RouteHandler, contextOf(operator), "/pilotage/moderation");
  expect(page.status).toBe(200);
  return { queries, queue: (page.body as { queue: { decision: { reasons: { message: string }[] } }[] }).queue };
}

describe("stored decisions", () => {
  test("the demo world's stored decisions are the engine's: a reassessment changes nothing", async () => {
    const report = await reassessOffers(database.sql);
    expect(report.offers).toBeGreaterThan(300);
    expect(report.changed).toBe(0);
  });

  test("the moderation page of 50 offers reads the stored decisions: as many queries as for 5", async () => {
    await pendingOffers(5);
    const few = await moderationQueries();
    await pendingOffers(50);
    const many = await moderationQueries();
    expect(many.queue).toHaveLength(50);
    expect(many.queries).toBe(few.queries);
    expect(many.queries).toBeLessThanOrEqual(6);
    expect(many.queue.every((offer) => offer.decision.reasons.length >= 5)).toBe(true);
  });

  test("the moderation queue pages 50 at a time, oldest first across pages, so the oldest never hides", async () => {
    await pendingOffers(120);
    // Submitted one minute apart, the oldest first.
    const pending = await database.prisma.offer.findMany({
      where: { status: "PENDING_REVIEW" },
      orderBy: { id: "asc" },
      select: { id: true },
    });
    for (const [i, offer] of pending.entries())
      await database.prisma.offer.update({ where: { id: offer.id }, data: { submittedAt: new Date(Date.UTC(2026, 7, 1) + i * 60_000) } });
    const page = async (n: number) =>
      (await callRoute(moderationLoader as unknown as RouteHandler, contextOf(operator), `/pilotage/moderation?page=${n}`)).body as {
        total: number;
        pages: number;
        queue: { id: string; submittedAt: string }[];
      };
    const [first, second, third] = [await page(1), await page(2), await page(3)];
    expect([first.total, first.pages]).toEqual([120, 3]);
    expect([first.queue.length, second.queue.length, third.queue.length]).toEqual([50, 50, 20]);
    const order = [...first.queue, ...second.queue, ...third.queue].map((offer) => offer.id);
    expect(order).toEqual(pending.map((offer) => offer.id));
    expect(new Set(order).size).toBe(120);
  });

  test("an offer's page shows the reasons stored with it", async () => {
    const offer = await database.prisma.offer.findFirstOrThrow({
      where: { status: "PUBLISHED", vteEligible: true },
      select: { id: true, eligibilityReasons: true },
    });
    const reasons = offer.eligibilityReasons as { code: string; ok: boolean; message: string }[];
    const marked = reasons.map((r) => (r.code === "degree.ok" ? { ...r, message: "Motif tel qu'enregistré avec l'offre." } : r));
    await database.prisma.offer.update({ where: { id: offer.id }, data: { eligibilityReasons: marked } });
    const page = await callRoute(offerLoader as unknown as RouteHandler, contextOf(null), `/offres/${offer.id}`, {
      params: { id: offer.id },
    });
    expect(JSON.stringify(page.body)).toContain("Motif tel qu'enregistré avec l'offre.");
  });

  test("after a rule change, a reassessment rewrites the stale decisions, queues the published ones whose labels changed, and a second run changes nothing", async () => {
    // Stale as a rule change would leave them: labels flipped on published offers, old code-only reasons on drafts.
    const published = await database.prisma.offer.findMany({
      where: { status: "PUBLISHED", vteEligible: true, vteGreen: false },
      take: 4,
      select: { id: true },
    });
    await database.prisma.offer.updateMany({ where: { id: { in: published.map((o) => o.id) } }, data: { vteGreen: true } });
    const drafts = await database.prisma.offer.findMany({ where: { status: "DRAFT" }, take: 6, select: { id: true } });
    await database.prisma.offer.updateMany({
      where: { id: { in: drafts.map((o) => o.id) } },
      data: { eligibilityReasons: ["contract.cdi", "degree.ok"] },
    });
    const queued = () => database.prisma.outboxJob.count({ where: { kind: "search.offer", status: "PENDING" } });
    const before = await queued();

    const report = await reassessOffers(database.sql);
    // The 4 flipped labels, the 6 code-only drafts and the reason edited by hand in the test above.
    expect(report.changed).toBe(4 + 6 + 1);
    expect(report.reindexed).toBe(4);
    expect(await queued()).toBe(before + 4);
    for (const { id } of published)
      expect(await database.prisma.offer.findUniqueOrThrow({ where: { id } })).toMatchObject({ vteGreen: false });
    expect((await reassessOffers(database.sql)).changed).toBe(0);
  });
});

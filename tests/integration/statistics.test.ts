// Territory statistics kept in the same transaction as the change: after every step of a random
// sequence (fixed seed) of hires, undone hires, applications and offers published or closed, the
// counters and monthly rows equal a recount from the raw tables. And the rebuild corrects drift.
import { faker } from "@faker-js/faker";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { applyToOffer, moveApplication } from "#app/applications/applications.server";
import { setDatabase, type Database } from "#app/platform/db.server";
import { approveOffer, changeOfferStatus } from "#app/offers/offers.server";
import { rebuildTerritoryStatistics, statisticsDifferences } from "#app/statistics/statistics.server";
import { seedDemoWorld } from "#prisma/demo/seed";
import { openTestDatabase } from "./support";

let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
  setDatabase(database);
  await seedDemoWorld(database.sql, { offers: 400, seed: 5 });
}, 120_000);
afterAll(async () => {
  setDatabase(undefined);
  await database.close();
});

describe("territory statistics", () => {
  test("counters and monthly rows equal a recount after each of 500 random steps", async () => {
    const prisma = database.prisma;
    faker.seed(2026);
    expect(await statisticsDifferences(database.sql)).toEqual([]);
    const members = new Map((await prisma.companyMember.findMany()).map((m) => [m.companyId, m.userId]));
    const students = (await prisma.user.findMany({ where: { role: "STUDENT" }, select: { id: true }, take: 300 })).map((s) => s.id);
    const counts = { hire: 0, undo: 0, refused: 0, apply: 0, publish: 0, close: 0 };
    // Hires are dated over the last 60 days, so some undos fall past the 30-day window and are
    // refused; one in four is dated in 2023, before the list of 2023–2027, and counts for 2019–2022.
    const day = 86_400_000;
    const hireDate = () =>
      faker.number.int({ max: 3 }) === 0
        ? new Date(Date.UTC(2023, 4, 1) + faker.number.int({ max: 150 }) * day)
        : new Date(Date.now() - faker.number.int({ max: 60 }) * day);
    for (let step = 0; step < 500; step++) {
      const kind = faker.helpers.weightedArrayElement([
        { value: "hire", weight: 4 },
        { value: "undo", weight: 3 },
        { value: "apply", weight: 2 },
        { value: "publish", weight: 1 },
        { value: "close", weight: 1 },
      ]);
      if (kind === "hire") {
        const candidates = await prisma.application.findMany({
          where: { status: { in: ["SUBMITTED", "VIEWED", "INTERVIEW", "OFFERED"] } },
          select: { id: true, offer: { select: { companyId: true } } },
          take: 50,
          skip: faker.number.int({ max: 200 }),
        });
        const chosen = candidates.length ? faker.helpers.arrayElement(candidates) : null;
        if (!chosen) continue;
        const error = await moveApplication(
          chosen.offer.companyId,
          chosen.id,
          members.get(chosen.offer.companyId) as string,
          "HIRED",
          null,
          {
            contractType: "CDI",
            startDate: new Date("2027-01-04T00:00:00Z"),
            durationMonths: null,
            payBand: "30K_35K",
          },
          hireDate(),
        );
        expect(error).toBeNull();
        counts.hire++;
      } else if (kind === "undo") {
        const hired = await prisma.placement.findMany({
          select: { applicationId: true, companyId: true, createdAt: true },
          orderBy: { createdAt: "desc" },
          take: 30,
        });
        if (!hired.length) continue;
        const placement = faker.helpers.arrayElement(hired);
        const error = await moveApplication(
          placement.companyId,
          placement.applicationId,
          members.get(placement.companyId) as string,
          faker.helpers.arrayElement(["OFFERED", "DECLINED"] as const),
          null,
        );
        if (error) {
          expect(error).toMatch(/plus de 30 jours/);
          expect(Date.now() - placement.createdAt.getTime()).toBeGreaterThan(30 * day);
          counts.refused++;
        } else counts.undo++;
      } else if (kind === "apply") {
        const offers = await prisma.offer.findMany({
          where: { status: "PUBLISHED" },
          select: { id: true },
          take: 20,
          skip: faker.number.int({ max: 150 }),
        });
        if (!offers.length) continue;
        const outcome = await applyToOffer(faker.helpers.arrayElement(students), faker.helpers.arrayElement(offers).id, {
          message: "Une candidature de la suite aléatoire.",
          withCv: false,
        });
        if (outcome.ok) counts.apply++;
      } else if (kind === "publish") {
        const pending = await prisma.offer.findFirst({
          where: { status: "PENDING_REVIEW" },
          select: { id: true },
          skip: faker.number.int({ max: 5 }),
        });
        if (!pending) continue;
        await approveOffer(pending.id, "http://127.0.0.1");
        counts.publish++;
      } else {
        const published = await prisma.offer.findMany({
          where: { status: "PUBLISHED" },
          select: { id: true, companyId: true },
          take: 20,
          skip: faker.number.int({ max: 150 }),
        });
        if (!published.length) continue;
        const offer = faker.helpers.arrayElement(published);
        await changeOfferStatus(offer.companyId, offer.id, "close", members.get(offer.companyId) as string);
        counts.close++;
      }
      const differences = await statisticsDifferences(database.sql);
      expect(differences, `after step ${step} (${kind})`).toEqual([]);
    }
    // Both phases got placements, each counted in its own phase's territories.
    const byPhase = await database.sql.query<{ phase: string; count: number }>(
      "SELECT t.phase, count(*)::int AS count FROM placement p JOIN territory t ON t.id = p.territory_id GROUP BY t.phase ORDER BY t.phase",
    );
    expect(byPhase.map((row) => row.phase)).toEqual(["2019-2022", "2023-2027"]);
    // The sequence did exercise every kind of change.
    for (const [kind, n] of Object.entries(counts)) expect(n, kind).toBeGreaterThan(0);
  }, 600_000);

  test("the rebuild reports and corrects drift", async () => {
    const territory = await database.prisma.territory.findFirstOrThrow({ where: { placementCount: { gt: 0 } } });
    await database.prisma.territory.update({ where: { id: territory.id }, data: { placementCount: { increment: 3 } } });
    await database.sql.query("DELETE FROM territory_monthly_stat WHERE territory_id = $1", [territory.id]);
    const differences = await statisticsDifferences(database.sql);
    expect(differences[0]).toMatchObject({ what: `territory ${territory.id} (placements/VTE/VTE Vert/published offers/applications)` });
    expect(differences.some((d) => d.what.startsWith(`month ${territory.id} `) && d.stored === "none")).toBe(true);
    await rebuildTerritoryStatistics(database.sql);
    expect(await statisticsDifferences(database.sql)).toEqual([]);
  });
});

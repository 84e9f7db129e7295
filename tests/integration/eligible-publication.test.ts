// Only VTE offers are published as VTE offers (issue 12): the moderation action refuses an offer
// the eligibility engine refuses, and says why; offers already published that fail it are listed
// for operators; the demo world publishes none; "Pour vous" never proposes one.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createCompany, verifyCompany } from "#app/companies/companies.server";
import { setDatabase, type Database } from "#app/platform/db.server";
import { withLuhnKey } from "#app/domain/siren";
import { offersForStudent } from "#app/offers/matching.server";
import { approveOffer, saveOffer, type OfferInput } from "#app/offers/offers.server";
import * as moderation from "#app/routes/pilotage/moderation";
import { seedDemoWorld } from "#prisma/demo/seed";
import { callRoute, contextOf, openTestDatabase, type RouteHandler } from "./support";
import { offerInput } from "#tests/fixtures/offer-input";

let database: Database;
let companyId = "";
const operator = { id: "op", email: "op@vte.test", role: "OPERATOR" as const };
const offer = (changes: Partial<OfferInput>): OfferInput =>
  offerInput({
    title: "Technicien méthodes",
    description: "Un contrat trop court pour un VTE, que la modération ne doit pas publier comme tel.",
    contractType: "CDD",
    durationMonths: 6,
    ...changes,
  });

beforeAll(async () => {
  database = await openTestDatabase();
  setDatabase(database);
  await seedDemoWorld(database.sql, { offers: 600, seed: 9 });
  const member = await database.prisma.user.create({
    data: { email: "rh@usine.test", passwordHash: "x", role: "COMPANY_MEMBER", firstName: "A", lastName: "B", emailVerifiedAt: new Date() },
  });
  const company = await createCompany(member.id, {
    siren: withLuhnKey("12121212"),
    name: "Usine de Roanne",
    nafCode: "25.62B",
    sizeBand: "PME",
    communeCode: "42187",
  });
  if (company === "siren-taken") throw new Error("unexpected");
  await verifyCompany(company.id, operator.id);
  companyId = company.id;
}, 120_000);
afterAll(async () => {
  setDatabase(undefined);
  await database.close();
});

describe("publishing", () => {
  test("a 6-month CDD is refused by the moderation action, which says why; a 6-month internship is published as pré-VTE", async () => {
    const short = await saveOffer(companyId, null, offer({}), "submit");
    const answer = (
      await callRoute(moderation.action as RouteHandler, contextOf(operator), "/pilotage/moderation", {
        form: { intent: "approve", offerId: short.id },
      })
    ).body;
    expect(answer).toMatchObject({ approveError: expect.stringContaining("le moteur d'éligibilité la refuse") });
    expect((await database.prisma.offer.findUniqueOrThrow({ where: { id: short.id } })).status).toBe("PENDING_REVIEW");
    const queue = (
      await callRoute(
        moderation.loader as RouteHandler,
        contextOf(operator),
        `/pilotage/moderation?q=${encodeURIComponent("Technicien méthodes")}`,
      )
    ).body as Awaited<ReturnType<typeof moderation.loader>>;
    expect(queue.queue.find((o) => o.id === short.id)?.blocking).toEqual([expect.stringContaining("trop court")]);

    const internship = await saveOffer(companyId, null, offer({ title: "Stage méthodes", contractType: "STAGE_PRE_VTE" }), "submit");
    expect(await approveOffer(internship.id, "http://127.0.0.1")).toBe("published");
  });

  test("offers already published that the engine refuses are listed for operators", async () => {
    const legacy = await saveOffer(companyId, null, offer({ title: "Ancienne offre trop courte" }), "submit");
    await database.prisma.offer.update({ where: { id: legacy.id }, data: { status: "PUBLISHED", publishedAt: new Date() } });
    const page = (await callRoute(moderation.loader as RouteHandler, contextOf(operator), "/pilotage/moderation")).body as Awaited<
      ReturnType<typeof moderation.loader>
    >;
    expect(page.ineligible.map((o) => o.id)).toContain(legacy.id);
    expect(page.ineligible.map((o) => o.title)).not.toContain("Stage méthodes");
  });
});

test("the demo world publishes no offer the eligibility engine refuses", async () => {
  const [row] = await database.sql.query<{ published: number; refused: number }>(
    `SELECT count(*) FILTER (WHERE o.status = 'PUBLISHED')::int AS published,
            count(*) FILTER (WHERE o.status IN ('PUBLISHED', 'CLOSED', 'FILLED', 'EXPIRED') AND NOT o.vte_eligible AND (o.contract_type <> 'STAGE_PRE_VTE' OR c.size_band = 'GE'))::int AS refused
     FROM offer o JOIN company c ON c.id = o.company_id WHERE o.id LIKE 'demo-%'`,
  );
  expect(row.published).toBeGreaterThan(300);
  expect(row.refused).toBe(0);
});

test("« Pour vous » proposes only offers a student could take as a VTE", async () => {
  const profiles = await database.prisma.studentProfile.findMany({
    where: { user: { id: { startsWith: "demo-" } }, degreeLevel: { not: null } },
    take: 15,
  });
  let proposed = 0;
  for (const profile of profiles) {
    const { matches } = await offersForStudent(profile);
    proposed += matches.length;
    const offers = await database.prisma.offer.findMany({ where: { id: { in: matches.map((m) => m.id) } }, select: { vteEligible: true } });
    expect(offers.every((o) => o.vteEligible)).toBe(true);
  }
  expect(proposed).toBeGreaterThan(0);
});

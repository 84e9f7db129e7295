// Nobody can take a company's identity (issue 11): a SIREN registered by a stranger stays
// unverified and publishes nothing; the real company contests and an operator hands it over; a
// verified company's new name waits for moderation before it shows on its offers; only the
// administrator edits the company and invites, and can hand that role over.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createCompany, decideCompanyName, updateCompany, verifyCompany } from "#app/companies/companies.server";
import { setDatabase, type Database } from "#app/platform/db.server";
import { withLuhnKey } from "#app/domain/siren";
import type { Role } from "#app/generated/prisma/enums";
import { approveOffer, saveOffer, type OfferInput } from "#app/offers/offers.server";
import * as companyForm from "#app/routes/entreprise/company-form";
import * as members from "#app/routes/entreprise/membres";
import * as companiesReview from "#app/routes/pilotage/entreprises";
import { callRoute, contextOf, openTestDatabase, type RouteHandler } from "./support";
import { offerInput } from "#tests/fixtures/offer-input";

let database: Database;
const people: Record<string, { id: string; email: string; role: Role }> = {};
// EDF's SIREN: what an impostor registered in the attack.
const edf = "552081317";

const offer: OfferInput = offerInput({
  title: "Ingénieur maintenance nucléaire",
  description: "Une offre déposée par un compte qui dit représenter l'entreprise, à vérifier.",
});

const call = (handler: RouteHandler, who: string, path: string, form?: Record<string, string>) =>
  callRoute(handler, contextOf(people[who]), path, { form });

beforeAll(async () => {
  database = await openTestDatabase();
  setDatabase(database);
  for (const [name, role] of [
    ["impostor", "COMPANY_MEMBER"],
    ["realOwner", "COMPANY_MEMBER"],
    ["operator", "OPERATOR"],
    ["admin", "COMPANY_MEMBER"],
    ["colleague", "COMPANY_MEMBER"],
  ] as const) {
    const user = await database.prisma.user.create({
      data: {
        email: `${name.toLowerCase()}@entreprise.test`,
        passwordHash: "x",
        role,
        firstName: "T",
        lastName: name,
        emailVerifiedAt: new Date(),
      },
    });
    people[name] = { id: user.id, email: user.email, role };
  }
});
afterAll(async () => {
  setDatabase(undefined);
  await database.close();
});

describe("claiming a SIREN that is not yours", () => {
  let companyId = "";

  test("a fresh account registering EDF's SIREN gets an unverified company whose offers cannot be published", async () => {
    const created = await createCompany(people.impostor.id, {
      siren: edf,
      name: "EDF",
      nafCode: "35.11Z",
      sizeBand: "PME",
      communeCode: "42187",
    });
    if (created === "siren-taken") throw new Error("unexpected");
    companyId = created.id;
    const submitted = await saveOffer(companyId, null, offer, "submit");
    expect(await approveOffer(submitted.id, "http://127.0.0.1")).toBe("company-unverified");
    expect((await database.prisma.offer.findUniqueOrThrow({ where: { id: submitted.id } })).status).toBe("PENDING_REVIEW");
  });

  test("the real company is told it is registered and can contest; an operator hands it over", async () => {
    const form = { siren: edf, name: "EDF", naf: "35.11Z", sizeBand: "ETI", postalCode: "42300", communeName: "Roanne" };
    const refused = (await call(companyForm.action as RouteHandler, "realOwner", "/entreprise/creer", form)).body;
    expect(refused).toMatchObject({ claimableSiren: edf, error: { siren: [expect.stringContaining("contestez")] } });
    const tooShort = (
      await call(companyForm.action as RouteHandler, "realOwner", "/entreprise/creer", {
        intent: "claim",
        siren: edf,
        message: "C'est nous.",
      })
    ).body;
    expect(tooShort).toMatchObject({ claim: { error: "Au moins 20 caractères." } });
    const claimed = (
      await call(companyForm.action as RouteHandler, "realOwner", "/entreprise/creer", {
        intent: "claim",
        siren: edf,
        message: "Je suis responsable RH d'EDF, joignable au standard du siège.",
      })
    ).body;
    expect(claimed).toMatchObject({ claim: { done: expect.stringContaining("transmise") } });
    const review = (await call(companiesReview.loader as RouteHandler, "operator", "/pilotage/entreprises")).body as Awaited<
      ReturnType<typeof companiesReview.loader>
    >;
    expect(review.unverified.map((c) => c.siren)).toContain(edf);
    const claim = review.claims.find((c) => c.company.siren === edf);
    expect(claim?.claimant).toContain("realowner@entreprise.test");
    await call(companiesReview.action as RouteHandler, "operator", "/pilotage/entreprises", { intent: "transfer", claimId: claim!.id });
    const after = await database.prisma.company.findUniqueOrThrow({ where: { id: companyId }, include: { members: true } });
    expect(after.members.map((m) => [m.userId, m.role])).toEqual([[people.realOwner.id, "OWNER"]]);
    expect(after.verifiedBy).toBe(people.operator.id);
  });
});

describe("a verified company's name", () => {
  test("a new name waits for moderation: published offers keep the old one until an operator accepts", async () => {
    const created = await createCompany(people.admin.id, {
      siren: withLuhnKey("31415926"),
      name: "Forges du Forez",
      nafCode: "25.62B",
      sizeBand: "PME",
      communeCode: "42187",
    });
    if (created === "siren-taken") throw new Error("unexpected");
    await verifyCompany(created.id, people.operator.id);
    const published = await saveOffer(created.id, null, offer, "submit");
    expect(await approveOffer(published.id, "http://127.0.0.1")).toBe("published");
    const facts = { nafCode: "25.62B", sizeBand: "PME" as const, communeCode: "42187" };
    expect(await updateCompany(created.id, { ...facts, name: "Électricité de France" })).toBe("name-pending");
    expect(await database.prisma.company.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({
      name: "Forges du Forez",
      pendingName: "Électricité de France",
    });
    await decideCompanyName(created.id, true);
    expect(await database.prisma.company.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({
      name: "Électricité de France",
      pendingName: null,
    });
    const reindexed = await database.prisma.outboxJob.findMany({ where: { kind: "search.offer" }, orderBy: { id: "desc" }, take: 1 });
    expect(reindexed[0].payload).toEqual({ offerId: published.id });
  });
});

describe("the company's administrator", () => {
  test("only the administrator edits the company and invites; handing the role over moves both rights", async () => {
    const company = await database.prisma.company.findFirstOrThrow({ where: { members: { some: { userId: people.admin.id } } } });
    await database.prisma.companyMember.create({ data: { companyId: company.id, userId: people.colleague.id, role: "MEMBER" } });
    expect((await call(companyForm.loader as RouteHandler, "colleague", "/entreprise/modifier")).status).toBe(403);
    expect(
      (await call(members.action as RouteHandler, "colleague", "/entreprise/membres", { email: "nouveau@entreprise.test" })).status,
    ).toBe(403);
    expect(
      (await call(members.action as RouteHandler, "colleague", "/entreprise/membres", { intent: "hand-over", userId: people.colleague.id }))
        .status,
    ).toBe(403);
    expect((await call(companyForm.loader as RouteHandler, "admin", "/entreprise/modifier")).status).toBe(200);
    await call(members.action as RouteHandler, "admin", "/entreprise/membres", { intent: "hand-over", userId: people.colleague.id });
    expect((await call(companyForm.loader as RouteHandler, "admin", "/entreprise/modifier")).status).toBe(403);
    expect((await call(companyForm.loader as RouteHandler, "colleague", "/entreprise/modifier")).status).toBe(200);
    const invited = (await call(members.action as RouteHandler, "colleague", "/entreprise/membres", { email: "nouveau@entreprise.test" }))
      .body;
    expect(invited).toMatchObject({ sentTo: "nouveau@entreprise.test" });
  });
});

// Matching and alerts on the real Meilisearch and database: offers for a student with reasons,
// visible profiles for an offer (an invisible one leaves at once), and saved-search alerts mailed
// once with what is new.
import type { Meilisearch } from "meilisearch";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createCompany, verifyCompany } from "#app/companies/companies.server";
import { setDatabase, type Database } from "#app/platform/db.server";
import { withLuhnKey } from "#app/domain/siren";
import { offersForStudent, profilesForOffer } from "#app/offers/matching.server";
import { approveOffer, saveOffer, type OfferInput } from "#app/offers/offers.server";
import { runOutboxBatch } from "#app/platform/outbox.server";
import { saveSearch, sendDueAlerts } from "#app/offers/alerts.server";
import { saveProfile, type ProfileInput } from "#app/students/students.server";
import { sendMailJob } from "#emails/outbox.server";
import { createMailTransport, type MailTransport } from "#emails/transport.server";
import { setSearchClient } from "#search/client";
import { applyOfferIndexSettings } from "#search/offer-index";
import { jobWordsByFiche, offerDocument, offerDocumentInclude } from "#search/offer-document";
import { applyStudentIndexSettings, studentDocument, type StudentDocument } from "#search/student-index";
import { startSmtpSink } from "./smtp-sink";
import { openTestDatabase, testSearchClient, uniqueIndexName } from "./support";
import { offerInput } from "#tests/fixtures/offer-input";

let database: Database;
let search: Meilisearch;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let mail: MailTransport;
const offerIndex = uniqueIndexName("offers_matching");
const studentIndex = uniqueIndexName("students_matching");
let companyId = "";
let studentId = "";
let hiddenStudentId = "";
const offerIds: Record<string, string> = {};

const offer = (overrides: Partial<OfferInput>): OfferInput =>
  offerInput({
    title: "Ingénieur",
    description: "Une offre de test pour le rapprochement entre offres et profils d'étudiants, décrite ici.",
    startDate: "2027-02-01",
    ...overrides,
  });

/** Publishes an offer and indexes it the way the worker does. */
async function publish(key: string, input: OfferInput, company = companyId) {
  const { id } = await saveOffer(company, null, input, "submit");
  await approveOffer(id, "http://127.0.0.1");
  offerIds[key] = id;
  // What the worker's handler does, on this file's own index.
  const row = await database.prisma.offer.findUniqueOrThrow({ where: { id }, include: offerDocumentInclude });
  expect(row.status).toBe("PUBLISHED");
  await search
    .index(offerIndex)
    .addDocuments([offerDocument(row, await jobWordsByFiche(database.prisma))], { primaryKey: "id" })
    .waitTask({ timeout: 60_000 });
}

const profile = (overrides: Partial<ProfileInput>): ProfileInput => ({
  establishmentId: null,
  otherEstablishmentName: "École d'ingénieurs de test",
  schoolKind: "ENGINEERING",
  degreeLevel: "BAC5",
  field: "Génie mécanique",
  status: "WORK_STUDY",
  graduationDate: null,
  skills: ["soudage", "méthodes"],
  wishedTerritoryIds: ["2023-2027/ti-8417"],
  wishedRegionCodes: [],
  wishedCommuneCode: null,
  wishedRadiusKm: null,
  contractTypes: ["CDI"],
  availableFrom: new Date("2027-01-01"),
  visibleToCompanies: true,
  ...overrides,
});

beforeAll(async () => {
  database = await openTestDatabase();
  setDatabase(database);
  search = testSearchClient();
  setSearchClient(search);
  smtp = await startSmtpSink();
  mail = createMailTransport({ smtpUrl: smtp.url });
  await applyOfferIndexSettings(search, offerIndex);
  await applyStudentIndexSettings(search, studentIndex);
  const member = await database.prisma.user.create({
    data: {
      email: "rh@matching.test",
      passwordHash: "x",
      role: "COMPANY_MEMBER",
      firstName: "Rh",
      lastName: "Test",
      emailVerifiedAt: new Date(),
    },
  });
  const company = await createCompany(member.id, {
    siren: withLuhnKey("55555555"),
    name: "Forges de Roanne",
    nafCode: "25.62B",
    sizeBand: "PME",
    communeCode: "42187",
  });
  if (company === "siren-taken") throw new Error("unexpected");
  await verifyCompany(company.id, "operateur-test");
  companyId = company.id;
  const make = async (email: string, firstName: string) =>
    (
      await database.prisma.user.create({
        data: { email, passwordHash: "x", role: "STUDENT", firstName, lastName: "Martin", emailVerifiedAt: new Date() },
      })
    ).id;
  studentId = await make("ines@matching.test", "Inès");
  hiddenStudentId = await make("hugo@matching.test", "Hugo");
  await publish("roanne", offer({ title: "Ingénieur méthodes soudage" }));
  await publish("marseille", offer({ title: "Ingénieur méthodes", communeCode: "13055" }));
  await publish("cdd", offer({ title: "Technicien méthodes soudage", contractType: "CDD", durationMonths: 12 }));
  await publish("commerce", offer({ title: "Chargé d'affaires export", romeCode: "D1402", schoolKinds: ["BUSINESS"] }));
  await publish("doctorat", offer({ title: "Ingénieur de recherche soudage", degreeLevel: "DOCTORATE" }));
}, 120_000);
afterAll(async () => {
  await search.deleteIndex(offerIndex).waitTask({ timeout: 60_000 });
  await search.deleteIndex(studentIndex).waitTask({ timeout: 60_000 });
  setSearchClient(undefined);
  await smtp.stop();
  setDatabase(undefined);
  await database.close();
});

describe("offers for a student", () => {
  test("best first, with a score out of 100 and the reasons; what the student cannot take is left out", async () => {
    await saveProfile(studentId, profile({}));
    const row = await database.prisma.studentProfile.findUniqueOrThrow({ where: { userId: studentId } });
    const { matches, degraded } = await offersForStudent(row, { indexName: offerIndex });
    expect(degraded).toBe(false);
    const ids = matches.map((m) => m.id);
    expect(ids[0]).toBe(offerIds.roanne);
    expect(ids).toContain(offerIds.marseille);
    // A CDD (CDI wanted), a business-school offer and a doctorate offer (bac+5 held) are filtered out.
    expect(ids).not.toContain(offerIds.cdd);
    expect(ids).not.toContain(offerIds.commerce);
    expect(ids).not.toContain(offerIds.doctorat);
    const best = matches[0].match;
    expect(best.score).toBe(100);
    expect(best.reasons.map((r) => r.text)).toEqual(
      expect.arrayContaining(["dans votre Territoire d'industrie souhaité (Roannais Forez)", "niveau bac+5 demandé, vous avez bac+5"]),
    );
    const marseille = matches.find((m) => m.id === offerIds.marseille)?.match;
    expect(marseille?.score).toBeLessThan(best.score);
    expect(marseille?.reasons.find((r) => r.criterion === "area")).toMatchObject({
      ok: false,
      text: "hors de vos zones souhaitées (Marseille)",
    });
  });

  test("without Meilisearch, suggestions come from the database and say so", async () => {
    setSearchClient(undefined);
    try {
      const row = await database.prisma.studentProfile.findUniqueOrThrow({ where: { userId: studentId } });
      const { matches, degraded } = await offersForStudent(row, { indexName: offerIndex });
      expect(degraded).toBe(true);
      expect(matches[0].id).toBe(offerIds.roanne);
    } finally {
      setSearchClient(search);
    }
  });
});

describe("profiles for an offer", () => {
  async function indexProfile(userId: string) {
    const row = await database.prisma.studentProfile.findUniqueOrThrow({ where: { userId } });
    if (row.visibleToCompanies)
      await search
        .index<StudentDocument>(studentIndex)
        .addDocuments([studentDocument(row)], { primaryKey: "id" })
        .waitTask({ timeout: 60_000 });
    else await search.index(studentIndex).deleteDocument(userId).waitTask({ timeout: 60_000 });
  }

  test("visible profiles that fit, with the company's reasons; a profile made invisible leaves at once", async () => {
    await saveProfile(hiddenStudentId, profile({ field: "Soudage et contrôle", degreeLevel: "DOCTORATE" }));
    await indexProfile(studentId);
    await indexProfile(hiddenStudentId);
    const row = await database.prisma.offer.findUniqueOrThrow({
      where: { id: offerIds.roanne },
      include: { rome: { select: { label: true } }, commune: { select: { name: true } } },
    });
    const before = await profilesForOffer(row, { indexName: studentIndex });
    expect(before?.map((p) => p.id).sort()).toEqual([studentId, hiddenStudentId].sort());
    expect(before?.find((p) => p.id === studentId)?.match.reasons.map((r) => r.text)).toContain(
      "souhaite travailler dans le Territoire d'industrie Roannais Forez",
    );
    // Hidden: the database says so before the index has even caught up.
    await database.prisma.studentProfile.update({ where: { userId: hiddenStudentId }, data: { visibleToCompanies: false } });
    expect((await profilesForOffer(row, { indexName: studentIndex }))?.map((p) => p.id)).toEqual([studentId]);
    // And the outbox job removes it from the index.
    await indexProfile(hiddenStudentId);
    const { hits } = await search.index(studentIndex).search("", { filter: [`degreeRank >= 0`] });
    expect(hits.map((h) => h.id)).toEqual([studentId]);
  });
});

describe("saved-search alerts", () => {
  test("three matching offers published: one mail with those three; run again: no mail", async () => {
    const student = await database.prisma.user.findUniqueOrThrow({ where: { id: studentId } });
    expect(
      await saveSearch(studentId, { name: "Soudeur Roanne", query: "q=soudure&territoire=2023-2027%2Fti-8417", frequency: "DAILY" }),
    ).toBeNull();
    // Only what is published after the search was saved counts (dates are whole seconds).
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await sendDueAlerts(new Date(), { indexName: offerIndex })).toBe(0);
    // From two companies: an alert lists at most 2 offers of one company.
    const other = await database.prisma.user.create({
      data: {
        email: "rh@ateliers.test",
        passwordHash: "x",
        role: "COMPANY_MEMBER",
        firstName: "Rh",
        lastName: "Ateliers",
        emailVerifiedAt: new Date(),
      },
    });
    const ateliers = await createCompany(other.id, {
      siren: withLuhnKey("66666666"),
      name: "Ateliers du Forez",
      nafCode: "25.62B",
      sizeBand: "PME",
      communeCode: "42187",
    });
    if (ateliers === "siren-taken") throw new Error("unexpected");
    await verifyCompany(ateliers.id, "operateur-test");
    await publish("tig", offer({ title: "Soudure TIG : soudeur qualifié" }));
    await publish("atelier", offer({ title: "Responsable atelier soudure" }), ateliers.id);
    await publish("controle", offer({ title: "Ingénieur soudure et contrôle" }));
    await publish("ailleurs", offer({ title: "Soudure à Marseille", communeCode: "13055" }));
    expect(await sendDueAlerts(new Date(), { indexName: offerIndex })).toBe(1);
    await runOutboxBatch(database.sql, { mail: (payload) => sendMailJob(mail, payload) });
    const received = smtp.received.filter((m) => m.to.includes(student.email));
    expect(received).toHaveLength(1);
    expect(received[0].subject).toBe("3 nouvelles offres VTE : Soudeur Roanne");
    for (const title of ["Soudure TIG : soudeur qualifié", "Responsable atelier soudure", "Ingénieur soudure et contrôle"])
      expect(received[0].text).toContain(title);
    expect(received[0].text).not.toContain("Marseille");
    expect(await sendDueAlerts(new Date(), { indexName: offerIndex })).toBe(0);
    // A day later, nothing new: still no mail.
    expect(await sendDueAlerts(new Date(Date.now() + 86_400_000 + 1000), { indexName: offerIndex })).toBe(0);
    await runOutboxBatch(database.sql, { mail: (payload) => sendMailJob(mail, payload) });
    expect(smtp.received.filter((m) => m.to.includes(student.email))).toHaveLength(1);
  });
});

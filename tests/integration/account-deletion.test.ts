// Deleting an account (issue 15): a student with a profile, a CV and three applications (one
// hired) deletes their account; once the grace period has passed no row and no index document
// holds their name, address, CV or messages; the company still sees three anonymous applications;
// the territory's figures and a statistics rebuild are unchanged; the address can sign up again.
import type { Meilisearch } from "meilisearch";
import { afterAll, beforeAll, expect, test } from "vitest";
import { hashPassword, logIn, signUp } from "#app/accounts/auth.server";
import { createSession } from "#app/accounts/session.server";
import { applyToOffer, moveApplication } from "#app/applications/applications.server";
import { anonymisedMessage, finalizeDueDeletions, requestDeletion } from "#app/personal-data/deletion.server";
import { setDatabase, type Database } from "#app/platform/db.server";
import { runOutboxBatch } from "#app/platform/outbox.server";
import { statisticsDifferences } from "#app/statistics/statistics.server";
import { saveProfile } from "#app/students/students.server";
import { seedDemoWorld } from "#prisma/demo/seed";
import { studentIndexName, syncStudentDocument } from "#search/student-index";
import { openTestDatabase, testSearchClient } from "./support";

let database: Database;
let search: Meilisearch;
const person = {
  email: "zephyrine.quenardel@etu.ecole.fr",
  firstName: "Zéphyrine",
  lastName: "Quenardel",
  password: "Un-mot-de-passe-2026",
};
const cvMarker = "CV-ZEPHYRINE-QUENARDEL";
const messageMarker = "Message de Zéphyrine pour le poste";
const traces = [person.email, person.firstName, person.lastName, cvMarker, messageMarker];
let userId = "";
let hiredTerritory = "";

/** Every row of every table, as text, that still mentions the person. */
async function rowsMentioningThePerson(): Promise<string[]> {
  const tables = await database.sql.query<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'",
  );
  const found: string[] = [];
  for (const { name } of tables) {
    const rows = await database.sql.query<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM "${name}" t`);
    // A CV is bytea: JSON shows it in hexadecimal.
    for (const { row } of rows)
      if (traces.some((trace) => row.includes(trace)) || row.includes(Buffer.from(cvMarker).toString("hex")))
        found.push(`${name}: ${row.slice(0, 120)}`);
  }
  return found;
}

const drainOutbox = () =>
  runOutboxBatch(
    database.sql,
    {
      "search.student": (payload) => syncStudentDocument(database.prisma, search, payload.userId),
      mail: async () => {},
      "search.offer": async () => {},
    },
    500,
  );

beforeAll(async () => {
  database = await openTestDatabase();
  setDatabase(database);
  search = testSearchClient();
  await seedDemoWorld(database.sql, { offers: 200, seed: 21 });
  const user = await database.prisma.user.create({
    data: {
      email: person.email,
      firstName: person.firstName,
      lastName: person.lastName,
      passwordHash: await hashPassword(person.password),
      role: "STUDENT",
      emailVerifiedAt: new Date(),
    },
  });
  userId = user.id;
  await saveProfile(userId, {
    establishmentId: null,
    otherEstablishmentName: "École d'ingénieurs de Saint-Étienne",
    schoolKind: "ENGINEERING",
    degreeLevel: "BAC5",
    field: "Génie mécanique",
    status: "STUDENT",
    graduationDate: null,
    skills: ["CAO"],
    wishedTerritoryIds: [],
    wishedRegionCodes: ["84"],
    wishedCommuneCode: null,
    wishedRadiusKm: null,
    contractTypes: ["CDI"],
    availableFrom: null,
    visibleToCompanies: true,
    cv: { name: "cv-zephyrine.pdf", bytes: new TextEncoder().encode(`%PDF-1.7 ${cvMarker}`) },
  });
  await syncStudentDocument(database.prisma, search, userId);
  const offers = await database.prisma.offer.findMany({
    where: { status: "PUBLISHED", territoryId: { not: null } },
    take: 3,
    orderBy: { id: "asc" },
    select: { id: true, companyId: true, territoryId: true },
  });
  for (const offer of offers) await applyToOffer(userId, offer.id, { message: `${messageMarker} ${offer.id}.`, withCv: true });
  const hired = await database.prisma.application.findFirstOrThrow({ where: { studentId: userId, offerId: offers[0].id } });
  const member = await database.prisma.companyMember.findFirstOrThrow({ where: { companyId: offers[0].companyId } });
  expect(
    await moveApplication(offers[0].companyId, hired.id, member.userId, "HIRED", `Bienvenue ${person.firstName} !`, {
      contractType: "CDI",
      startDate: new Date(Date.now() + 30 * 86_400_000),
      durationMonths: null,
      payBand: "35K_45K",
    }),
  ).toBeNull();
  hiredTerritory = offers[0].territoryId as string;
  await createSession(userId);
  await drainOutbox();
}, 180_000);
afterAll(async () => {
  setDatabase(undefined);
  await database?.close();
});

test("the account is deleted: nothing names the person, the companies keep three anonymous applications, the figures do not move", async () => {
  const territoryBefore = await database.prisma.territory.findUniqueOrThrow({ where: { id: hiredTerritory } });
  expect(territoryBefore.placementCount).toBeGreaterThan(0);
  expect(await statisticsDifferences(database.sql)).toEqual([]);
  expect(await rowsMentioningThePerson()).not.toEqual([]);

  // A wrong password deletes nothing; a session left open cannot be used to guess it: after five
  // wrong guesses from one client, even the right one waits there (another client is not locked out).
  for (let i = 0; i < 5; i++)
    expect(await requestDeletion(userId, "pas-le-bon", "203.0.113.9")).toEqual({ ok: false, reason: "wrong-password" });
  expect(await requestDeletion(userId, person.password, "203.0.113.9")).toEqual({ ok: false, reason: "rate-limited", minutes: 15 });
  expect(await database.prisma.user.findUniqueOrThrow({ where: { id: userId } })).toMatchObject({ deletionRequestedAt: null });
  const requested = await requestDeletion(userId, person.password, "198.51.100.4");
  expect(requested.ok).toBe(true);
  const finalOn = requested.ok ? requested.finalOn : null;
  // At once: sessions end, the CV is erased, the profile leaves the students index.
  expect(await database.prisma.session.count({ where: { userId } })).toBe(0);
  expect(await database.prisma.studentProfile.findUniqueOrThrow({ where: { userId } })).toMatchObject({
    cv: null,
    cvFileName: null,
    visibleToCompanies: false,
  });
  await drainOutbox();
  await expect(search.index(studentIndexName).getDocument(userId)).rejects.toThrow();

  // Not yet final: nothing is anonymised before the grace period ends.
  expect(await finalizeDueDeletions(new Date())).toBe(0);
  expect(await finalizeDueDeletions(new Date((finalOn as Date).getTime() + 60_000))).toBe(1);
  await drainOutbox();

  expect(await rowsMentioningThePerson()).toEqual([]);
  const applications = await database.prisma.application.findMany({ where: { studentId: userId }, include: { student: true } });
  expect(applications).toHaveLength(3);
  for (const application of applications) {
    expect(application).toMatchObject({ message: anonymisedMessage, withCv: false });
    expect(application.student).toMatchObject({ firstName: "Compte", lastName: "supprimé" });
  }
  const territoryAfter = await database.prisma.territory.findUniqueOrThrow({ where: { id: hiredTerritory } });
  expect(territoryAfter).toMatchObject({
    placementCount: territoryBefore.placementCount,
    applicationCount: territoryBefore.applicationCount,
  });
  expect(await statisticsDifferences(database.sql)).toEqual([]);

  // Nobody logs in to it; its address is free for a new person.
  expect(await logIn(person.email, person.password, "127.0.0.1")).toMatchObject({ ok: false });
  expect(await signUp({ ...person, role: "STUDENT" }, "http://127.0.0.1", "127.0.0.1")).toEqual({ outcome: "code-sent" });
  const newcomer = await database.prisma.user.findUniqueOrThrow({ where: { email: person.email } });
  expect(newcomer.id).not.toBe(userId);
  // A second run finds nothing left to do.
  expect(await finalizeDueDeletions(new Date((finalOn as Date).getTime() + 120_000))).toBe(0);
});

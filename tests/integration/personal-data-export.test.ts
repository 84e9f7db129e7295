// "Mes données" (issue 15): the export of a student with every kind of data validates against the
// documented schema and holds each kind, the CV included; a person sees only their own.
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createSession } from "#app/accounts/session.server";
import { applyToOffer, moveApplication } from "#app/applications/applications.server";
import { personalDataExportSchema } from "#app/domain/personal-data-export-schema";
import { saveSearch } from "#app/offers/alerts.server";
import { setDatabase, type Database } from "#app/platform/db.server";
import { loader as exportLoader } from "#app/routes/compte/donnees-json";
import { loader as applicationLoader } from "#app/routes/entreprise/candidature";
import { loader as cvLoader } from "#app/routes/entreprise/candidature-cv";
import { saveProfile } from "#app/students/students.server";
import { seedDemoWorld } from "#prisma/demo/seed";
import { callRoute, contextOf, openTestDatabase, type RouteHandler } from "./support";

let database: Database;
const cv = new TextEncoder().encode("%PDF-1.7\nCV de Léa Roux");
let studentId = "";
let opened: { applicationId: string; companyId: string; companyName: string; member: { id: string; email: string } };

beforeAll(async () => {
  database = await openTestDatabase();
  setDatabase(database);
  await seedDemoWorld(database.sql, { offers: 120, seed: 4 });
  const student = await database.prisma.user.create({
    data: {
      email: "lea.roux@etu.ecole.fr",
      passwordHash: "x",
      role: "STUDENT",
      firstName: "Léa",
      lastName: "Roux",
      emailVerifiedAt: new Date(),
    },
  });
  studentId = student.id;
  await saveProfile(studentId, {
    establishmentId: null,
    otherEstablishmentName: "École d'ingénieurs de Roanne",
    schoolKind: "ENGINEERING",
    degreeLevel: "BAC5",
    field: "Génie industriel",
    status: "STUDENT",
    graduationDate: null,
    skills: ["CAO", "SolidWorks"],
    wishedTerritoryIds: ["2023-2027/ti-8417"],
    wishedRegionCodes: ["84"],
    wishedCommuneCode: "42187",
    wishedRadiusKm: 50,
    contractTypes: ["CDI"],
    availableFrom: null,
    visibleToCompanies: true,
    cv: { name: "cv-lea-roux.pdf", bytes: cv },
  });
  const offers = await database.prisma.offer.findMany({ where: { status: "PUBLISHED" }, take: 2, select: { id: true, companyId: true } });
  for (const offer of offers) await applyToOffer(studentId, offer.id, { message: "Bonjour, je candidate avec plaisir.", withCv: true });
  const application = await database.prisma.application.findFirstOrThrow({ where: { studentId, offerId: offers[0].id } });
  const member = await database.prisma.companyMember.findFirstOrThrow({ where: { companyId: offers[0].companyId } });
  await moveApplication(offers[0].companyId, application.id, member.userId, "INTERVIEW", "Entretien mardi à 10h.", null);
  const company = await database.prisma.company.findUniqueOrThrow({ where: { id: offers[0].companyId } });
  const memberUser = await database.prisma.user.findUniqueOrThrow({ where: { id: member.userId } });
  opened = {
    applicationId: application.id,
    companyId: company.id,
    companyName: company.name,
    member: { id: memberUser.id, email: memberUser.email },
  };
  await saveSearch(studentId, { name: "CDI à Roanne", query: "contrat=cdi&autour=Roanne", frequency: "WEEKLY" });
  await createSession(studentId);
}, 180_000);
afterAll(async () => {
  setDatabase(undefined);
  await database?.close();
});

test("a student's export validates against the documented schema and holds every kind of their data, the CV included", async () => {
  const response = await callRoute(
    exportLoader as unknown as RouteHandler,
    contextOf({ id: studentId, email: "lea.roux@etu.ecole.fr", role: "STUDENT" }),
    "/compte/donnees.json",
  );
  expect(response.status).toBe(200);
  expect((response.body as Response).headers.get("Content-Disposition")).toContain("mes-donnees-vte.json");
  const data = await (response.body as Response).json();
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const valid = ajv.validate(personalDataExportSchema, data);
  expect(ajv.errors ?? []).toEqual([]);
  expect(valid).toBe(true);

  expect(data.account).toMatchObject({ email: "lea.roux@etu.ecole.fr", firstName: "Léa", lastName: "Roux", role: "STUDENT" });
  expect(data.profile).toMatchObject({
    field: "Génie industriel",
    skills: ["CAO", "SolidWorks"],
    wishedCommune: "42187",
    visibleToCompanies: true,
  });
  expect(Buffer.from(data.profile.cv.contentBase64, "base64").equals(Buffer.from(cv))).toBe(true);
  expect(data.applications).toHaveLength(2);
  expect(data.applications.flatMap((a: { history: { message: string | null }[] }) => a.history.map((h) => h.message))).toContain(
    "Entretien mardi à 10h.",
  );
  expect(data.savedSearches).toEqual([expect.objectContaining({ name: "CDI à Roanne", frequency: "WEEKLY" })]);
  expect(data.sessions.length).toBeGreaterThanOrEqual(1);
});

test("the schema is public; the data is the signed-in person's own, and needs a log-in", async () => {
  const schema = await callRoute(exportLoader as unknown as RouteHandler, contextOf(null), "/compte/donnees.schema.json");
  expect(((await (schema.body as Response).json()) as { $id: string }).$id).toBe("/compte/donnees.schema.json");
  expect((await callRoute(exportLoader as unknown as RouteHandler, contextOf(null), "/compte/donnees.json")).status).toBe(302);
});

test("the student sees which company opened their profile and downloaded their CV, once per visit", async () => {
  const recruiter = contextOf({ id: opened.member.id, email: opened.member.email, role: "COMPANY_MEMBER" });
  const path = `/entreprise/candidatures/${opened.applicationId}`;
  expect(
    (await callRoute(applicationLoader as unknown as RouteHandler, recruiter, path, { params: { id: opened.applicationId } })).status,
  ).toBe(200);
  expect(
    (await callRoute(applicationLoader as unknown as RouteHandler, recruiter, path, { params: { id: opened.applicationId } })).status,
  ).toBe(200);
  expect(
    (await callRoute(cvLoader as unknown as RouteHandler, recruiter, `${path}/cv`, { params: { id: opened.applicationId } })).status,
  ).toBe(200);
  const response = await callRoute(
    exportLoader as unknown as RouteHandler,
    contextOf({ id: studentId, email: "lea.roux@etu.ecole.fr", role: "STUDENT" }),
    "/compte/donnees.json",
  );
  const data = await (response.body as Response).json();
  expect(data.profileAccesses.map((a: { company: string; kind: string }) => [a.company, a.kind]).sort()).toEqual([
    [opened.companyName, "CV"],
    [opened.companyName, "PROFILE"],
  ]);
});

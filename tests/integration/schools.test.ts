// Schools on the real database: staff sign up only with their school's staff domain and act for it
// only once approved by an operator or an approved colleague; a school sees only its own students (a profile naming its establishment and a verified address in its domains), an
// operator sees any school, others get 403; recommendations reach the right students, weekly.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { signUp } from "#app/accounts/auth.server";
import { createCompany, verifyCompany } from "#app/companies/companies.server";
import { setDatabase, type Database } from "#app/platform/db.server";
import { withLuhnKey } from "#app/domain/siren";
import type { Role } from "#app/generated/prisma/enums";
import { approveOffer, saveOffer } from "#app/offers/offers.server";
import * as schoolExport from "#app/routes/ecole/export";
import * as schoolRecommend from "#app/routes/ecole/recommander";
import * as schoolPage from "#app/routes/ecole/tableau";
import * as operatorHome from "#app/routes/pilotage/accueil";
import * as schoolsAdmin from "#app/routes/pilotage/ecoles";
import { createSchool, promoteOffer, promotionsForStudent, sendPromotionDigests } from "#app/schools/schools.server";
import { callRoute, contextOf, openTestDatabase, type RouteHandler } from "./support";
import { offerInput } from "#tests/fixtures/offer-input";

type Handler = RouteHandler;
let database: Database;
const people: Record<string, { id: string; email: string; role: Role }> = {};
const schools: Record<"a" | "b", string> = { a: "", b: "" };
let offerId = "";

const call = (handler: Handler, who: string | null, path: string, form?: Record<string, string>) =>
  callRoute(handler, contextOf(who ? { ...people[who], name: who } : null), path, { form });

async function person(
  name: string,
  email: string,
  role: Role,
  options: { verified?: boolean; establishmentId?: string; schoolId?: string } = {},
) {
  const user = await database.prisma.user.create({
    data: {
      email,
      passwordHash: "x",
      role,
      firstName: "T",
      lastName: name,
      emailVerifiedAt: options.verified === false ? null : new Date(),
      schoolId: options.schoolId ?? null,
      staffApprovedAt: role === "SCHOOL_STAFF" ? new Date() : null,
    },
  });
  if (role === "STUDENT") {
    await database.prisma.studentProfile.create({
      data: {
        userId: user.id,
        establishmentId: options.establishmentId ?? null,
        schoolKind: "ENGINEERING",
        degreeLevel: "BAC5",
        field: "Génie industriel",
        status: "WORK_STUDY",
      },
    });
  }
  people[name] = { id: user.id, email, role };
}

beforeAll(async () => {
  database = await openTestDatabase();
  setDatabase(database);
  const [a, b] = await database.prisma.establishment.findMany({ where: { kind: "École" }, orderBy: { id: "asc" }, take: 2 });
  expect(
    await createSchool({
      name: "École A",
      kind: "ENGINEERING",
      establishmentId: a.id,
      emailDomains: ["ecole-a.fr", "etu.ecole-a.fr"],
      staffEmailDomains: ["ecole-a.fr"],
    }),
  ).toBeNull();
  expect(
    await createSchool({
      name: "École B",
      kind: "BUSINESS",
      establishmentId: b.id,
      emailDomains: ["ecole-b.fr"],
      staffEmailDomains: ["ecole-b.fr"],
    }),
  ).toBeNull();
  schools.a = (await database.prisma.school.findFirstOrThrow({ where: { name: "École A" } })).id;
  schools.b = (await database.prisma.school.findFirstOrThrow({ where: { name: "École B" } })).id;
  await person("staffA", "relations@ecole-a.fr", "SCHOOL_STAFF", { schoolId: schools.a });
  await person("staffB", "carrieres@ecole-b.fr", "SCHOOL_STAFF", { schoolId: schools.b });
  await person("operator", "ops@vte.test", "OPERATOR");
  await person("member", "rh@entreprise.test", "COMPANY_MEMBER");
  await person("studentA", "lea@etu.ecole-a.fr", "STUDENT", { establishmentId: a.id });
  await person("otherDomain", "lea.perso@gmail.com", "STUDENT", { establishmentId: a.id });
  await person("unverified", "tom@ecole-a.fr", "STUDENT", { establishmentId: a.id, verified: false });
  await person("wrongSchool", "max@ecole-a.fr", "STUDENT", { establishmentId: b.id });
  await person("studentB", "ana@ecole-b.fr", "STUDENT", { establishmentId: b.id });
  const company = await createCompany(people.member.id, {
    siren: withLuhnKey("77777777"),
    name: "Usine Test",
    nafCode: "25.62B",
    sizeBand: "PME",
    communeCode: "42187",
  });
  if (company === "siren-taken") throw new Error("unexpected");
  await verifyCompany(company.id, people.operator.id);
  const offer = await saveOffer(
    company.id,
    null,
    offerInput({
      title: "Ingénieur industrialisation",
      description: "Une offre publiée que les écoles recommandent à leurs étudiants, décrite ici.",
      startDate: "2027-02-01",
      schoolKinds: ["ENGINEERING", "BUSINESS"],
    }),
    "submit",
  );
  await approveOffer(offer.id, "http://127.0.0.1");
  offerId = offer.id;
  await database.prisma.outboxJob.deleteMany({});
}, 60_000);
afterAll(async () => {
  setDatabase(undefined);
  await database.close();
});

describe("school staff sign-up", () => {
  const base = { password: "Une-phrase-de-passe-longue", firstName: "Claire", lastName: "Martin", role: "SCHOOL_STAFF" as const };

  test("a student's address, or one of no school, cannot sign up as staff", async () => {
    expect(await signUp({ ...base, email: "claire@inconnue.fr" }, "http://127.0.0.1", "10.9.0.1")).toEqual({
      outcome: "school-domain-unknown",
    });
    expect(await signUp({ ...base, email: "claire@etu.ecole-a.fr" }, "http://127.0.0.1", "10.9.0.1")).toEqual({
      outcome: "school-domain-unknown",
    });
  });

  test("a staff address is attached to its school but sees nothing, and recommends nothing, until approved", async () => {
    expect(await signUp({ ...base, email: "claire@ecole-a.fr" }, "http://127.0.0.1", "10.9.0.1")).toEqual({ outcome: "code-sent" });
    const claire = await database.prisma.user.update({ where: { email: "claire@ecole-a.fr" }, data: { emailVerifiedAt: new Date() } });
    expect(claire).toMatchObject({ schoolId: schools.a, staffApprovedAt: null });
    people.claire = { id: claire.id, email: claire.email, role: "SCHOOL_STAFF" };
    const page = (await call(schoolPage.loader as Handler, "claire", "/ecole")).body;
    expect(page).toEqual({ pending: true, schoolName: "École A" });
    expect((await call(schoolExport.loader as Handler, "claire", "/ecole/export/mois.csv")).status).toBe(403);
    expect(
      (await call(schoolRecommend.action as Handler, "claire", "/ecole/recommandations", { offerId, note: "À voir absolument, vraiment." }))
        .status,
    ).toBe(403);
    expect(await database.prisma.schoolPromotion.count({ where: { createdById: claire.id } })).toBe(0);
  });

  test("another school's staff cannot approve; an approved colleague can", async () => {
    await call(schoolPage.action as Handler, "staffB", "/ecole", { intent: "approve", staffId: people.claire.id });
    expect((await database.prisma.user.findUniqueOrThrow({ where: { id: people.claire.id } })).staffApprovedAt).toBeNull();
    const colleague = (await call(schoolPage.loader as Handler, "staffA", "/ecole")).body as Dashboard;
    expect(colleague.pendingStaff.map((p) => p.email)).toEqual(["claire@ecole-a.fr"]);
    await call(schoolPage.action as Handler, "staffA", "/ecole", { intent: "approve", staffId: people.claire.id });
    expect((await database.prisma.user.findUniqueOrThrow({ where: { id: people.claire.id } })).staffApprovedBy).toBe(people.staffA.id);
    expect(dashboard((await call(schoolPage.loader as Handler, "claire", "/ecole")).body).school.name).toBe("École A");
  });

  test("an operator approves staff from /pilotage/ecoles", async () => {
    expect(await signUp({ ...base, email: "paul@ecole-b.fr" }, "http://127.0.0.1", "10.9.0.2")).toEqual({ outcome: "code-sent" });
    const paul = await database.prisma.user.update({ where: { email: "paul@ecole-b.fr" }, data: { emailVerifiedAt: new Date() } });
    await call(schoolsAdmin.action as Handler, "operator", "/pilotage/ecoles", { intent: "approve", staffId: paul.id });
    expect((await database.prisma.user.findUniqueOrThrow({ where: { id: paul.id } })).staffApprovedBy).toBe(people.operator.id);
  });
});

type Dashboard = Extract<Awaited<ReturnType<typeof schoolPage.loader>>, { pending: false }>;
function dashboard(body: unknown): Dashboard {
  expect(body).toMatchObject({ pending: false });
  return body as Dashboard;
}

describe("who sees which school", () => {
  test("a school sees only its own students; an operator sees any school", async () => {
    const a = dashboard((await call(schoolPage.loader as Handler, "staffA", "/ecole")).body);
    expect(a.school.name).toBe("École A");
    // Léa only: not the address outside the domains, not the unverified one, not the other establishment's.
    expect(a.figures.studentCount).toBe(1);
    // Listed by name, with what staff follow (never messages or CV).
    expect(a.figures.students).toEqual([
      expect.objectContaining({ id: people.studentA.id, profileComplete: expect.any(Boolean), applications: expect.any(Number) }),
    ]);
    expect(Object.keys(a.figures.students[0]).sort()).toEqual(
      ["applications", "applicationsInProgress", "id", "name", "placements", "profileComplete"].sort(),
    );
    expect(a.figures.completeProfiles).toBe(a.figures.students.filter((s) => s.profileComplete).length);
    const b = dashboard((await call(schoolPage.loader as Handler, "staffB", "/ecole")).body);
    expect(b.school.name).toBe("École B");
    expect(b.figures.studentCount).toBe(1);
    // Staff cannot look at another school by changing the URL: their own is shown.
    const tried = dashboard((await call(schoolPage.loader as Handler, "staffB", `/ecole?ecole=${schools.a}`)).body);
    expect(tried.school.name).toBe("École B");
    const operator = dashboard((await call(schoolPage.loader as Handler, "operator", `/ecole?ecole=${schools.a}`)).body);
    expect(operator.school.name).toBe("École A");
    expect((await call(schoolPage.loader as Handler, "operator", "/ecole")).status).toBe(302);
  });

  test("students and company members get 403 on /ecole, its exports and /pilotage; anonymous visitors log in", async () => {
    for (const who of ["studentA", "member"]) {
      expect((await call(schoolPage.loader as Handler, who, "/ecole")).status).toBe(403);
      expect((await call(schoolExport.loader as Handler, who, "/ecole/export/mois.csv")).status).toBe(403);
      expect((await call(operatorHome.loader as Handler, who, "/pilotage")).status).toBe(403);
      expect((await call(schoolsAdmin.loader as Handler, who, "/pilotage/ecoles")).status).toBe(403);
    }
    expect((await call(operatorHome.loader as Handler, "staffA", "/pilotage")).status).toBe(403);
    expect((await call(operatorHome.loader as Handler, "operator", "/pilotage")).status).toBe(200);
    expect((await call(schoolPage.loader as Handler, null, "/ecole")).status).toBe(302);
  });

  test("the CSV export holds the school's own figures", async () => {
    const response = (await call(schoolExport.loader as Handler, "staffA", "/ecole/export/mois.csv")).body as Response;
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const text = Buffer.from(await response.arrayBuffer()).toString("utf8");
    expect(text.split("\n")[0]).toBe("\ufeffMois;Candidatures;Placements");
  });
});

describe("recommendations", () => {
  test("a recommended offer is marked for the school's students only, and sent once in the weekly digest", async () => {
    expect(await promoteOffer(schools.a, people.staffA.id, offerId, "Une belle entreprise, nos anciens y sont heureux.")).toBeNull();
    expect((await promotionsForStudent(people.studentA.id)).get(offerId)).toEqual({
      school: "École A",
      note: "Une belle entreprise, nos anciens y sont heureux.",
    });
    for (const other of ["otherDomain", "unverified", "wrongSchool", "studentB"])
      expect((await promotionsForStudent(people[other].id)).size).toBe(0);
    expect(await sendPromotionDigests()).toBe(1);
    const mails = (await database.prisma.outboxJob.findMany({ where: { kind: "mail" } })).map(
      (m) => m.payload as { to: string; template: string },
    );
    expect(mails.filter((m) => m.template === "schoolDigest").map((m) => m.to)).toEqual([people.studentA.email]);
    expect(await sendPromotionDigests()).toBe(0);
  });
});

describe("registering schools", () => {
  test("a wrong or taken domain is refused next to its field, keeping what was typed", async () => {
    const bad = (
      await call(schoolsAdmin.action as Handler, "operator", "/pilotage/ecoles", {
        name: "École C",
        establishment: "x",
        kind: "ENGINEERING",
        domains: "pas un domaine",
      })
    ).body;
    expect(bad).toMatchObject({ field: "domains", values: { name: "École C" } });
    const taken = (
      await call(schoolsAdmin.action as Handler, "operator", "/pilotage/ecoles", {
        intent: "domains",
        schoolId: schools.b,
        domains: "ecole-a.fr",
        staffDomains: "ecole-b.fr",
      })
    ).body;
    expect(taken).toMatchObject({ error: "Un de ces domaines appartient déjà à École A." });
    const open = (
      await call(schoolsAdmin.action as Handler, "operator", "/pilotage/ecoles", {
        intent: "domains",
        schoolId: schools.b,
        domains: "ecole-b.fr",
        staffDomains: "gmail.com",
      })
    ).body;
    expect(open).toMatchObject({ error: "gmail.com est une messagerie ouverte à tous : ce ne peut pas être le domaine d'une école." });
  });

  test("a school is registered from its acronym, confirmed, and a public mail domain is refused at the field that holds it", async () => {
    const register = (fields: Record<string, string>) =>
      call(schoolsAdmin.action as Handler, "operator", "/pilotage/ecoles", {
        name: "Arts et Métiers Cluny",
        establishment: "ENSAM",
        kind: "ENGINEERING",
        domains: "etu.ensam.test",
        staffDomains: "ensam.test",
        ...fields,
      });
    const open = (await register({ staffDomains: "gmail.com" })).body;
    expect(open).toMatchObject({ field: "staffDomains", values: { staffDomains: "gmail.com", name: "Arts et Métiers Cluny" } });
    expect(await database.prisma.school.count({ where: { name: "Arts et Métiers Cluny" } })).toBe(0);
    const done = (await register({})).body;
    expect(done).toMatchObject({ error: null, done: expect.stringContaining("« Arts et Métiers Cluny » est enregistrée") });
    const school = await database.prisma.school.findFirstOrThrow({
      where: { name: "Arts et Métiers Cluny" },
      include: { establishment: true },
    });
    expect(school.establishment?.name).toBe("Arts et Métiers Sciences et Technologies");

    // The same establishment a second time: said at its field, nothing lost, no server error.
    const again = (await register({ name: "Arts et Métiers Châlons", domains: "etu.chalons.test", staffDomains: "chalons.test" })).body;
    expect(again).toMatchObject({
      field: "establishment",
      error:
        "Arts et Métiers Sciences et Technologies est déjà enregistré sous le nom « Arts et Métiers Cluny » : modifiez ses domaines dans la liste des écoles.",
      values: { name: "Arts et Métiers Châlons", establishment: "ENSAM" },
    });
    expect(await database.prisma.school.count({ where: { name: "Arts et Métiers Châlons" } })).toBe(0);
  });
});

// Applications on the real database, through the routes' own loaders and actions: who may see and
// move what, the pipeline history, and the mails (grouped, reminders, status) received by a real
// SMTP server.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  applyToOffer,
  companyResponseStats,
  notifyNewApplications,
  remindUnviewedApplications,
} from "#app/applications/applications.server";
import { createCompany, verifyCompany } from "#app/companies/companies.server";
import { setDatabase, type Database } from "#app/platform/db.server";
import { withLuhnKey } from "#app/domain/siren";
import type { Role } from "#app/generated/prisma/enums";
import { approveOffer, saveOffer } from "#app/offers/offers.server";
import { runOutboxBatch } from "#app/platform/outbox.server";
import * as companyApplication from "#app/routes/entreprise/candidature";
import * as companyCv from "#app/routes/entreprise/candidature-cv";
import * as offerApplications from "#app/routes/entreprise/candidatures";
import * as studentApplications from "#app/routes/etudiant/candidatures";
import * as studentSpace from "#app/routes/etudiant/espace";
import * as companySpace from "#app/routes/entreprise/espace";
import * as offerStatus from "#app/routes/entreprise/offer-status";
import * as offerPage from "#app/routes/offres/detail";
import { inviteToApply } from "#app/applications/invitations.server";
import { personalDataOf } from "#app/personal-data/export.server";
import * as ownCv from "#app/routes/etudiant/cv";
import * as unsubscribePage from "#app/routes/compte/desabonnement";
import { sendMailJob } from "#emails/outbox.server";
import { createMailTransport, type MailTransport } from "#emails/transport.server";
import { startSmtpSink } from "./smtp-sink";
import { callRoute, contextOf, openTestDatabase, type RouteHandler } from "./support";
import { offerInput } from "#tests/fixtures/offer-input";

type Who = "anonymous" | "student" | "otherStudent" | "member" | "otherMember" | "operator";
type Handler = RouteHandler;

let database: Database;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let mail: MailTransport;
const users = {} as Record<Exclude<Who, "anonymous">, { id: string; email: string; role: Role }>;
let companyId = "";
let offerId = "";
let secondOfferId = "";
let applicationId = "";
const pdf = Buffer.from("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

const call = (handler: Handler, who: Who, path: string, params: Record<string, string>, form?: Record<string, string>) =>
  callRoute(handler, contextOf(who === "anonymous" ? null : { ...users[who], name: who }), path, { params, form });

const deliver = () => runOutboxBatch(database.sql, { mail: (payload) => sendMailJob(mail, payload) });
const mailsTo = (email: string) => smtp.received.filter((m) => m.to.includes(email));

async function publishOffer(title: string): Promise<string> {
  const offer = await saveOffer(
    companyId,
    null,
    offerInput({ title, description: "Une offre publiée pour les tests de candidature : missions, profil et conditions décrites ici." }),
    "submit",
  );
  await approveOffer(offer.id, "http://127.0.0.1");
  return offer.id;
}

beforeAll(async () => {
  database = await openTestDatabase();
  setDatabase(database);
  smtp = await startSmtpSink();
  mail = createMailTransport({ smtpUrl: smtp.url });
  const make = async (who: Exclude<Who, "anonymous">, role: Role) => {
    const email = `${who.toLowerCase()}@candidatures.test`;
    const user = await database.prisma.user.create({
      data: { email, passwordHash: "x", role, firstName: who === "student" ? "Inès" : "Test", lastName: who, emailVerifiedAt: new Date() },
    });
    users[who] = { id: user.id, email, role };
  };
  for (const [who, role] of [
    ["student", "STUDENT"],
    ["otherStudent", "STUDENT"],
    ["member", "COMPANY_MEMBER"],
    ["otherMember", "COMPANY_MEMBER"],
    ["operator", "OPERATOR"],
  ] as const)
    await make(who, role);
  const company = await createCompany(users.member.id, {
    siren: withLuhnKey("33333333"),
    name: "Mécanique du Roannais",
    nafCode: "25.62B",
    sizeBand: "PME",
    communeCode: "42187",
  });
  const other = await createCompany(users.otherMember.id, {
    siren: withLuhnKey("44444444"),
    name: "Autre Entreprise",
    nafCode: "28.41Z",
    sizeBand: "ETI",
    communeCode: "13039",
  });
  if (company === "siren-taken" || other === "siren-taken") throw new Error("unexpected");
  for (const { id } of [company, other]) await verifyCompany(id, "operateur-test");
  companyId = company.id;
  for (const who of ["student", "otherStudent"] as const) {
    await database.prisma.studentProfile.create({
      data: {
        userId: users[who].id,
        schoolKind: "ENGINEERING",
        degreeLevel: "BAC5",
        field: "Génie mécanique",
        status: "WORK_STUDY",
        skills: ["soudage"],
        contractTypes: ["CDI"],
        ...(who === "student" ? { cv: pdf, cvFileName: "cv-ines.pdf" } : {}),
      },
    });
  }
  offerId = await publishOffer("Ingénieur méthodes");
  secondOfferId = await publishOffer("Ingénieur industrialisation");
  await database.prisma.outboxJob.deleteMany({ where: { kind: "mail" } });
}, 60_000);
afterAll(async () => {
  await smtp.stop();
  setDatabase(undefined);
  await database.close();
});

describe("applying", () => {
  test("a student applies with the CV; a second application to the same offer is refused with a clear message", async () => {
    const first = await applyToOffer(users.student.id, offerId, { message: "Je souhaite rejoindre votre équipe méthodes.", withCv: true });
    expect(first.ok).toBe(true);
    applicationId = (first as { applicationId: string }).applicationId;
    const second = await applyToOffer(users.student.id, offerId, { message: "Encore moi, une seconde fois.", withCv: false });
    expect(second).toEqual({
      ok: false,
      field: "form",
      error: expect.stringMatching(/^Vous avez déjà postulé à cette offre le \d{2}\/\d{2}\/\d{4}/),
    });
    expect(await database.prisma.application.count({ where: { offerId, studentId: users.student.id } })).toBe(1);
  });

  test("the CV cannot be sent when the profile has none", async () => {
    const outcome = await applyToOffer(users.otherStudent.id, secondOfferId, {
      message: "Je postule avec un CV que je n'ai pas.",
      withCv: true,
    });
    expect(outcome).toEqual({ ok: false, field: "form", error: "Ajoutez d'abord un CV à votre profil, ou postulez sans CV." });
  });

  test("applications arriving within the hour reach the company members in one mail", async () => {
    const other = await applyToOffer(users.otherStudent.id, offerId, {
      message: "Candidature de l'autre étudiant, pour le même poste.",
      withCv: false,
    });
    expect(other.ok).toBe(true);
    const jobs = await database.prisma.outboxJob.findMany({ where: { kind: "applications.notify" } });
    expect(jobs).toHaveLength(1);
    expect(await notifyNewApplications(companyId)).toBe(2);
    await deliver();
    const received = mailsTo(users.member.email);
    expect(received).toHaveLength(1);
    expect(received[0].subject).toBe("2 nouvelles candidatures pour Mécanique du Roannais");
    expect(received[0].text).toContain("Inès student — « Ingénieur méthodes »");
    expect(received[0].text).toMatch(/\/desabonnement\/[\w-]+/);
    expect(mailsTo(users.otherMember.email)).toHaveLength(0);
    // A third one within the hour waits for the end of that hour.
    await database.prisma.outboxJob.updateMany({ where: { kind: "applications.notify" }, data: { status: "DONE" } });
    await applyToOffer(users.otherStudent.id, secondOfferId, { message: "Une autre candidature dans l'heure qui suit.", withCv: false });
    const waiting = await database.prisma.outboxJob.findFirstOrThrow({ where: { kind: "applications.notify", status: "PENDING" } });
    expect(waiting.runAt.getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);
  });
});

describe("who sees what", () => {
  test("only the offer's company sees and moves its applications; others get 404 or 403", async () => {
    const params = { id: applicationId };
    const path = `/entreprise/candidatures/${applicationId}`;
    expect((await call(companyApplication.loader as Handler, "otherMember", path, params)).status).toBe(404);
    expect((await call(companyApplication.action as Handler, "otherMember", path, params, { to: "DECLINED" })).status).toBe(404);
    expect((await call(companyCv.loader as Handler, "otherMember", `${path}/cv`, params)).status).toBe(404);
    expect(
      (await call(offerApplications.loader as Handler, "otherMember", `/entreprise/offres/${offerId}/candidatures`, { id: offerId }))
        .status,
    ).toBe(404);
    for (const who of ["student", "otherStudent", "operator"] as const) {
      expect((await call(companyApplication.loader as Handler, who, path, params)).status).toBe(403);
      expect((await call(companyCv.loader as Handler, who, `${path}/cv`, params)).status).toBe(403);
    }
    expect((await call(companyApplication.loader as Handler, "anonymous", path, params)).status).toBe(302);
    expect(await database.prisma.application.findUniqueOrThrow({ where: { id: applicationId } })).toMatchObject({ status: "SUBMITTED" });
  });

  test("a student reads only their own CV; the company reads it only through an application sent with it", async () => {
    const own = await call(ownCv.loader as Handler, "student", "/etudiant/cv", {});
    expect(own.status).toBe(200);
    expect(
      Buffer.from(await (own.body as Response).arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    expect((await call(ownCv.loader as Handler, "otherStudent", "/etudiant/cv", {})).status).toBe(404);
    expect((await call(ownCv.loader as Handler, "member", "/etudiant/cv", {})).status).toBe(403);
    const company = await call(companyCv.loader as Handler, "member", `/entreprise/candidatures/${applicationId}/cv`, {
      id: applicationId,
    });
    expect(company.status).toBe(200);
    expect((company.body as Response).headers.get("Content-Type")).toBe("application/pdf");
    const withoutCv = await database.prisma.application.findFirstOrThrow({ where: { studentId: users.otherStudent.id, offerId } });
    expect(
      (await call(companyCv.loader as Handler, "member", `/entreprise/candidatures/${withoutCv.id}/cv`, { id: withoutCv.id })).status,
    ).toBe(404);
  });

  test("a student cannot withdraw another student's application", async () => {
    const result = await call(
      studentApplications.action as Handler,
      "otherStudent",
      "/etudiant/candidatures",
      {},
      { applicationId, intent: "confirm" },
    );
    expect(result.status).toBe(404);
  });
});

describe("the pipeline", () => {
  test("opening marks viewed; a move to interview is recorded with who and when, and mailed to the student", async () => {
    const path = `/entreprise/candidatures/${applicationId}`;
    expect((await call(companyApplication.loader as Handler, "member", path, { id: applicationId })).status).toBe(200);
    const moved = await call(
      companyApplication.action as Handler,
      "member",
      path,
      { id: applicationId },
      { to: "INTERVIEW", message: "Pouvez-vous venir mardi à 10 h ?" },
    );
    expect(moved.body).toEqual({ error: null, message: "" });
    const history = await database.prisma.applicationStatusChange.findMany({ where: { applicationId }, orderBy: { createdAt: "asc" } });
    expect(history.map((h) => [h.fromStatus, h.toStatus, h.byUserId])).toEqual([
      [null, "SUBMITTED", users.student.id],
      ["SUBMITTED", "VIEWED", users.member.id],
      ["VIEWED", "INTERVIEW", users.member.id],
    ]);
    await deliver();
    const received = mailsTo(users.student.email).at(-1);
    expect(received?.subject).toBe("Votre candidature « Ingénieur méthodes » : entretien");
    expect(received?.text).toContain("Pouvez-vous venir mardi à 10 h ?");
    const seen = (await call(studentApplications.loader as Handler, "student", "/etudiant/candidatures", {})).body as Awaited<
      ReturnType<typeof studentApplications.loader>
    >;
    expect(seen.applications.find((a) => a.id === applicationId)?.status).toBe("INTERVIEW");
  });

  test("withdrawing is asked, then confirmed; a withdrawn application can no longer be moved", async () => {
    const other = await database.prisma.application.findFirstOrThrow({ where: { studentId: users.otherStudent.id, offerId } });
    const withdraw = (intent: string) =>
      call(studentApplications.action as Handler, "otherStudent", "/etudiant/candidatures", {}, { applicationId: other.id, intent });
    expect((await withdraw("ask")).body).toEqual({ error: null, withdrawn: false, confirm: other.id });
    expect((await database.prisma.application.findUniqueOrThrow({ where: { id: other.id } })).status).not.toBe("WITHDRAWN");
    expect((await withdraw("confirm")).body).toEqual({ error: null, withdrawn: true, confirm: null });
    const moved = await call(
      companyApplication.action as Handler,
      "member",
      `/entreprise/candidatures/${other.id}`,
      { id: other.id },
      { to: "SHORTLISTED" },
    );
    expect(moved.body).toEqual({ error: "Le candidat a retiré sa candidature : elle ne peut plus évoluer.", message: "" });
  });
});

describe("reminders and unsubscribing", () => {
  test("an application unviewed for 7 days is reminded once", async () => {
    const waiting = await database.prisma.application.findFirstOrThrow({ where: { offerId: secondOfferId } });
    await database.prisma.application.update({ where: { id: waiting.id }, data: { createdAt: new Date(Date.now() - 8 * 86_400_000) } });
    expect(await remindUnviewedApplications()).toBe(1);
    await deliver();
    expect(mailsTo(users.member.email).at(-1)?.subject).toBe("Une candidature attend depuis 7 jours");
    expect(await remindUnviewedApplications()).toBe(0);
  });

  test("the unsubscribe link stops non-essential mail", async () => {
    const token = /\/desabonnement\/([\w-]+)/.exec(mailsTo(users.member.email)[0].text)?.[1] as string;
    expect((await call(unsubscribePage.action as Handler, "anonymous", `/desabonnement/${token}`, { token }, {})).body).toEqual({
      done: true,
    });
    expect(await database.prisma.user.findUniqueOrThrow({ where: { id: users.member.id } })).toMatchObject({ mailOptOut: true });
    expect((await call(unsubscribePage.loader as Handler, "anonymous", "/desabonnement/inconnu", { token: "inconnu" })).status).toBe(404);
  });
});

describe("response rate", () => {
  test("shown once the company has at least 5 applications", async () => {
    expect(await companyResponseStats(companyId)).toBeNull();
    const students = await Promise.all(
      [1, 2, 3].map((i) =>
        database.prisma.user.create({
          data: {
            email: `extra${i}@candidatures.test`,
            passwordHash: "x",
            role: "STUDENT",
            firstName: "E",
            lastName: `${i}`,
            emailVerifiedAt: new Date(),
          },
        }),
      ),
    );
    for (const s of students)
      await applyToOffer(s.id, secondOfferId, { message: "Une candidature de plus pour le taux de réponse.", withCv: false });
    const stats = await companyResponseStats(companyId);
    // 5 applications not withdrawn; one answered (the interview).
    expect(stats).toMatchObject({ applications: 5, answeredShare: 0.2 });
    // One answer: the median is its delay, from the application to the first move by the company.
    const answered = await database.prisma.application.findFirstOrThrow({
      where: { offer: { companyId }, history: { some: { toStatus: "INTERVIEW" } } },
      select: { createdAt: true, history: { where: { toStatus: "INTERVIEW" }, select: { createdAt: true } } },
    });
    const delayHours = (answered.history[0].createdAt.getTime() - answered.createdAt.getTime()) / 3_600_000;
    expect(delayHours).toBeGreaterThan(0);
    expect(stats?.medianHours).toBeCloseTo(delayHours, 6);
  });
});

describe("after a withdrawal", () => {
  test("the student may apply again: the same application, submitted anew, its history kept, counted as the list shows it", async () => {
    const other = await database.prisma.application.findFirstOrThrow({ where: { studentId: users.otherStudent.id, offerId } });
    expect(other.status).toBe("WITHDRAWN");
    const again = await applyToOffer(users.otherStudent.id, offerId, {
      message: "Je reviens vers vous : le poste m'intéresse toujours.",
      withCv: false,
    });
    expect(again).toEqual({ ok: true, applicationId: other.id });
    const after = await database.prisma.application.findUniqueOrThrow({
      where: { id: other.id },
      include: { history: { orderBy: { createdAt: "asc" } } },
    });
    expect(after.status).toBe("SUBMITTED");
    expect(after.message).toBe("Je reviens vers vous : le poste m'intéresse toujours.");
    expect(after.history.map((h) => h.toStatus).slice(-2)).toEqual(["WITHDRAWN", "SUBMITTED"]);
    // Under way again: a second application is refused with its date.
    const twice = await applyToOffer(users.otherStudent.id, offerId, {
      message: "Encore une fois pour voir ce que cela donne.",
      withCv: false,
    });
    expect(twice.ok).toBe(false);
  });

  test("the student's space counts every application the list shows, and says how many are under way", async () => {
    const other = await database.prisma.application.findFirstOrThrow({ where: { studentId: users.otherStudent.id, offerId } });
    await call(
      studentApplications.action as Handler,
      "otherStudent",
      "/etudiant/candidatures",
      {},
      { applicationId: other.id, intent: "confirm" },
    );
    const space = (await call(studentSpace.loader as Handler, "otherStudent", "/etudiant", {})).body as Awaited<
      ReturnType<typeof studentSpace.loader>
    >;
    const list = (await call(studentApplications.loader as Handler, "otherStudent", "/etudiant/candidatures", {})).body as Awaited<
      ReturnType<typeof studentApplications.loader>
    >;
    expect(space.applications).toEqual({
      total: list.applications.length,
      inProgress: list.applications.filter((a) => a.withdrawable).length,
    });
    expect(space.applications.inProgress).toBeLessThan(space.applications.total);
  });
});

describe("an offer that ends", () => {
  test("closing is asked, then confirmed; the applications under way end with it, each student mailed; reopening brings it back as a draft", async () => {
    const ending = await publishOffer("Responsable d'atelier");
    for (const who of ["student", "otherStudent"] as const)
      expect(
        (await applyToOffer(users[who].id, ending, { message: "Votre atelier m'intéresse beaucoup, voici pourquoi.", withCv: false })).ok,
      ).toBe(true);
    const path = `/entreprise/offres/${ending}/statut`;
    const asked = await call(offerStatus.action as Handler, "member", path, { id: ending }, { intent: "close" });
    expect((asked.body as Response).headers.get("Location")).toBe(`/entreprise?confirmer=close&offre=${ending}`);
    expect((await database.prisma.offer.findUniqueOrThrow({ where: { id: ending } })).status).toBe("PUBLISHED");
    const space = (await call(companySpace.loader as Handler, "member", "/entreprise", {})).body as Awaited<
      ReturnType<typeof companySpace.loader>
    >;
    expect(space.offers.find((o) => o.id === ending)?.openApplications).toBe(2);

    const done = await call(offerStatus.action as Handler, "member", path, { id: ending }, { intent: "close", confirmed: "1" });
    expect((done.body as Response).headers.get("Location")).toBe(`/entreprise?fait=close&offre=${ending}&candidatures=2`);
    const applications = await database.prisma.application.findMany({ where: { offerId: ending }, include: { history: true } });
    expect(applications.map((a) => a.status)).toEqual(["DECLINED", "DECLINED"]);
    expect(
      applications.every((a) =>
        a.history.some((h) => h.message === "L'entreprise a clôturé cette offre : elle ne recrute plus sur ce poste."),
      ),
    ).toBe(true);
    await deliver();
    expect(mailsTo(users.otherStudent.email).at(-1)?.subject).toBe("Votre candidature « Responsable d'atelier » : non retenue");

    // The page stays, says so and since when, and takes no application.
    const page = (await call(offerPage.loader as Handler, "student", `/offres/${ending}`, { id: ending })).body as Awaited<
      ReturnType<typeof offerPage.loader>
    >;
    expect(page.ended?.reason).toBe("closed");
    expect(page.canApply).toBe(false);
    expect(page.jsonLd).toBeNull();
    expect(page.offer.title).toBe("Responsable d'atelier");

    await call(offerStatus.action as Handler, "member", path, { id: ending }, { intent: "reopen" });
    expect((await database.prisma.offer.findUniqueOrThrow({ where: { id: ending } })).status).toBe("DRAFT");
    // A draft is its company's business only.
    expect((await call(offerPage.loader as Handler, "student", `/offres/${ending}`, { id: ending })).status).toBe(404);
  });
});

describe("an offer page reached from a search", () => {
  test("its 'Offres' link leads back to that search, and never anywhere else", async () => {
    const load = async (depuis: string) =>
      (
        (await call(offerPage.loader as Handler, "anonymous", `/offres/${offerId}?${new URLSearchParams({ depuis })}`, { id: offerId }))
          .body as Awaited<ReturnType<typeof offerPage.loader>>
      ).backToSearch;
    expect(await load("q=ingénieur&region=84&page=3")).toBe("/offres?q=ing%C3%A9nieur&region=84&page=3");
    for (const hostile of ["//evil.example/x", "https://evil.example", "javascript:alert(1)", "q=x&redirectTo=//evil.example"])
      expect(await load(hostile)).toMatch(/^\/offres(\?|$)/);
    expect((await call(offerPage.loader as Handler, "anonymous", `/offres/${offerId}`, { id: offerId })).body).toMatchObject({
      backToSearch: "/offres",
    });
  });
});

describe("inviting a visible profile to apply", () => {
  test("once per offer, by mail, never a hidden profile nor a student who applied", async () => {
    const offer = await publishOffer("Technicien méthodes");
    const invite = (who: "student" | "otherStudent") => inviteToApply(companyId, offer, users[who].id, users.member.id);
    await database.prisma.studentProfile.update({ where: { userId: users.otherStudent.id }, data: { visibleToCompanies: false } });
    expect(await invite("otherStudent")).toBe("Ce profil n'est plus visible des entreprises.");
    await database.prisma.studentProfile.update({ where: { userId: users.otherStudent.id }, data: { visibleToCompanies: true } });
    expect(await invite("otherStudent")).toBeNull();
    expect(await invite("otherStudent")).toBe("Cette personne est déjà invitée à postuler à cette offre.");
    await deliver();
    const mail = mailsTo(users.otherStudent.email).at(-1);
    expect(mail?.subject).toBe("Mécanique du Roannais vous invite à postuler : Technicien méthodes");
    expect(mail?.text).toContain(`/offres/${offer}`);
    // A student who applied is marked as such on the page, never invited.
    await database.prisma.studentProfile.update({ where: { userId: users.student.id }, data: { visibleToCompanies: true } });
    expect((await applyToOffer(users.student.id, offer, { message: "Je postule de moi-même à cette offre.", withCv: false })).ok).toBe(
      true,
    );
    expect(await invite("student")).toBe("Cette personne a déjà postulé à l'offre.");
    // The invited student finds the invitation in their data.
    const exported = await personalDataOf(users.otherStudent.id);
    expect(exported.invitations).toEqual([
      { offer: "Technicien méthodes", company: "Mécanique du Roannais", createdAt: expect.any(String) },
    ]);
  });
});

// Applications: a student applies, the company moves the application along its pipeline, every move
// is recorded with who and when, and mail goes through the outbox (flow 5).
import { data } from "@remix-run/node";
import { db } from "#app/platform/db.server";
import { resolveCommune } from "#app/reference/geography.server";
import { phaseAt } from "#app/territories/phases.server";
import {
  answeredStatuses,
  applicationStatusLabels,
  canCompanyMove,
  canStudentWithdraw,
  closingStatuses,
  type ApplicationStatus,
} from "#app/domain/application-pipeline";
import { canUndoHire, undoHireDays, type PayBand } from "#app/domain/placement";
import type { Prisma } from "#app/generated/prisma/client";
import type { ContractType } from "#app/generated/prisma/enums";
import { publicUrl } from "#app/platform/config.server";
import { countApplication, countPlacement } from "#app/statistics/statistics.server";
import { enqueueMail, unsubscribeUrl } from "#emails/outbox.server";
import { enqueue } from "#app/platform/outbox.server";
import { recordProfileAccess } from "#app/personal-data/access-log.server";
import { isPublicOffer } from "#app/domain/public-offer";

/** Applications to one company arriving within this time go out in one mail. */
const notifyGroupingMs = 60 * 60 * 1000;
const reminderAfterDays = 7;

/** The mail telling a student their application's new stage (with the company's message, if any). */
async function mailStatusToStudent(
  tx: Prisma.TransactionClient,
  student: { email: string; mailOptOut: boolean; unsubscribeToken: string },
  offer: { title: string; company: { name: string } },
  status: ApplicationStatus,
  message: string | null,
) {
  if (student.mailOptOut) return;
  await enqueueMail(tx, student.email, "applicationStatus", {
    offerTitle: offer.title,
    companyName: offer.company.name,
    statusLabel: applicationStatusLabels[status],
    message,
    url: `${publicUrl()}/etudiant/candidatures`,
    unsubscribeUrl: unsubscribeUrl(student.unsubscribeToken),
  });
}
const studentName = (user: { firstName: string; lastName: string }) => `${user.firstName} ${user.lastName}`;

export type ApplyOutcome = { ok: true; applicationId: string } | { ok: false; field: "form"; error: string };

/** Schedules the grouped "new applications" mail for a company, unless one is already waiting. */
async function scheduleNotification(tx: Prisma.TransactionClient, companyId: string, now: Date) {
  const waiting = await tx.outboxJob.findFirst({
    where: { kind: "applications.notify", status: "PENDING", payload: { path: ["companyId"], equals: companyId } },
  });
  if (waiting) return;
  const last = await tx.application.aggregate({ where: { offer: { companyId } }, _max: { notifiedAt: true } });
  const lastSent = last._max.notifiedAt;
  const runAt = lastSent && now.getTime() - lastSent.getTime() < notifyGroupingMs ? new Date(lastSent.getTime() + notifyGroupingMs) : now;
  await enqueue(tx, "applications.notify", { companyId }, { runAt });
}

export async function applyToOffer(
  studentId: string,
  offerId: string,
  input: { message: string; withCv: boolean },
  now = new Date(),
): Promise<ApplyOutcome> {
  const offer = await db().offer.findUnique({
    where: { id: offerId },
    select: { id: true, status: true, expiresAt: true, companyId: true, territoryId: true },
  });
  if (!offer || !isPublicOffer(offer, now)) return { ok: false, field: "form", error: "Cette offre n'est plus ouverte aux candidatures." };
  const existing = await db().application.findUnique({
    where: { offerId_studentId: { offerId, studentId } },
    select: { id: true, createdAt: true, status: true },
  });
  if (existing && existing.status !== "WITHDRAWN") {
    return {
      ok: false,
      field: "form",
      error: `Vous avez déjà postulé à cette offre le ${existing.createdAt.toLocaleDateString("fr-FR", { timeZone: "Europe/Paris" })} : suivez-la dans « Mes candidatures ».`,
    };
  }
  if (input.withCv) {
    const profile = await db().studentProfile.findUnique({ where: { userId: studentId }, select: { cvFileName: true } });
    if (!profile?.cvFileName) return { ok: false, field: "form", error: "Ajoutez d'abord un CV à votre profil, ou postulez sans CV." };
  }
  if (existing) return reapply(existing.id, offer.companyId, studentId, input, now);
  try {
    const application = await db().$transaction(async (tx) => {
      const created = await tx.application.create({ data: { offerId, studentId, message: input.message, withCv: input.withCv } });
      await tx.applicationStatusChange.create({
        data: { applicationId: created.id, fromStatus: null, toStatus: "SUBMITTED", byUserId: studentId },
      });
      await countApplication(tx, offer.territoryId);
      await scheduleNotification(tx, offer.companyId, now);
      return created;
    });
    return { ok: true, applicationId: application.id };
  } catch (error) {
    // Two submissions at once: the unique (offer, student) index keeps one.
    if ((error as { code?: string }).code === "P2002")
      return { ok: false, field: "form", error: "Vous avez déjà postulé à cette offre : suivez-la dans « Mes candidatures »." };
    throw error;
  }
}

/** Why an application ended with its offer, as the student reads it. */
const offerEndMessages = {
  close: "L'entreprise a clôturé cette offre : elle ne recrute plus sur ce poste.",
  fill: "L'entreprise a pourvu ce poste.",
} as const;

/**
 * An offer closed or filled: its applications still under way end with it ("Non retenue", with
 * why), each student mailed. Returns how many ended.
 */
export async function endApplicationsOfOffer(
  tx: Prisma.TransactionClient,
  offerId: string,
  byUserId: string,
  reason: keyof typeof offerEndMessages,
  now = new Date(),
): Promise<number> {
  const open = await tx.application.findMany({
    where: { offerId, status: { notIn: closingStatuses } },
    include: {
      student: { select: { email: true, mailOptOut: true, unsubscribeToken: true } },
      offer: { select: { title: true, company: { select: { name: true } } } },
    },
  });
  const message = offerEndMessages[reason];
  for (const application of open) {
    await tx.application.update({ where: { id: application.id }, data: { status: "DECLINED" } });
    await tx.applicationStatusChange.create({
      data: { applicationId: application.id, fromStatus: application.status, toStatus: "DECLINED", byUserId, message, createdAt: now },
    });
    await mailStatusToStudent(tx, application.student, application.offer, "DECLINED", message);
  }
  return open.length;
}

/** A withdrawn application sent again: the same row, submitted anew, its history kept. */
async function reapply(
  applicationId: string,
  companyId: string,
  studentId: string,
  input: { message: string; withCv: boolean },
  now: Date,
): Promise<ApplyOutcome> {
  await db().$transaction(async (tx) => {
    await tx.application.update({
      where: { id: applicationId },
      data: { status: "SUBMITTED", message: input.message, withCv: input.withCv, viewedAt: null, notifiedAt: null, remindedAt: null },
    });
    await tx.applicationStatusChange.create({
      data: { applicationId, fromStatus: "WITHDRAWN", toStatus: "SUBMITTED", byUserId: studentId, createdAt: now },
    });
    await scheduleNotification(tx, companyId, now);
  });
  return { ok: true, applicationId };
}

/** Outbox handler: one mail per company member listing the applications not yet announced. */
export async function notifyNewApplications(companyId: string, now = new Date()): Promise<number> {
  const applications = await db().application.findMany({
    where: { notifiedAt: null, status: { not: "WITHDRAWN" }, offer: { companyId } },
    include: {
      offer: { select: { title: true, company: { select: { name: true } } } },
      student: { select: { firstName: true, lastName: true } },
    },
    orderBy: { createdAt: "asc" },
    take: 50,
  });
  if (applications.length === 0) return 0;
  const members = await db().companyMember.findMany({
    where: { companyId },
    include: { user: { select: { email: true, mailOptOut: true, unsubscribeToken: true } } },
  });
  await db().$transaction(async (tx) => {
    for (const member of members) {
      if (member.user.mailOptOut) continue;
      await enqueueMail(tx, member.user.email, "newApplications", {
        companyName: applications[0].offer.company.name,
        applications: applications.map((a) => ({
          studentName: studentName(a.student),
          offerTitle: a.offer.title,
          url: `${publicUrl()}/entreprise/candidatures/${a.id}`,
        })),
        unsubscribeUrl: unsubscribeUrl(member.user.unsubscribeToken),
      });
    }
    await tx.application.updateMany({ where: { id: { in: applications.map((a) => a.id) } }, data: { notifiedAt: now } });
    // Some arrived while this ran: they get their own mail, an hour later.
    const left = await tx.application.count({
      where: { notifiedAt: null, status: { not: "WITHDRAWN" }, offer: { companyId }, id: { notIn: applications.map((a) => a.id) } },
    });
    if (left > 0) await enqueue(tx, "applications.notify", { companyId }, { runAt: new Date(now.getTime() + notifyGroupingMs) });
  });
  return applications.length;
}

/** Reminds each company of the applications waiting unviewed for 7 days (once per application). */
export async function remindUnviewedApplications(now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - reminderAfterDays * 86_400_000);
  const waiting = await db().application.findMany({
    where: { status: "SUBMITTED", createdAt: { lte: before }, remindedAt: null },
    include: { offer: { select: { title: true, companyId: true } }, student: { select: { firstName: true, lastName: true } } },
    take: 500,
  });
  if (waiting.length === 0) return 0;
  const byCompany = new Map<string, typeof waiting>();
  for (const application of waiting)
    byCompany.set(application.offer.companyId, [...(byCompany.get(application.offer.companyId) ?? []), application]);
  const members = await db().companyMember.findMany({
    where: { companyId: { in: [...byCompany.keys()] } },
    include: { user: { select: { email: true, mailOptOut: true, unsubscribeToken: true } } },
  });
  await db().$transaction(async (tx) => {
    for (const [companyId, applications] of byCompany) {
      for (const member of members.filter((m) => m.companyId === companyId && !m.user.mailOptOut)) {
        await enqueueMail(tx, member.user.email, "applicationReminder", {
          applications: applications.map((a) => ({
            studentName: studentName(a.student),
            offerTitle: a.offer.title,
            url: `${publicUrl()}/entreprise/candidatures/${a.id}`,
            days: Math.floor((now.getTime() - a.createdAt.getTime()) / 86_400_000),
          })),
          unsubscribeUrl: unsubscribeUrl(member.user.unsubscribeToken),
        });
      }
    }
    await tx.application.updateMany({ where: { id: { in: waiting.map((a) => a.id) } }, data: { remindedAt: now } });
  });
  return waiting.length;
}

const companyApplicationInclude = {
  offer: {
    select: {
      id: true,
      title: true,
      companyId: true,
      contractType: true,
      startDate: true,
      durationMonths: true,
      vteTerritory: true,
      vteGreen: true,
      company: { select: { name: true } },
    },
  },
  placement: { select: { createdAt: true, contractType: true, startDate: true, durationMonths: true, payBand: true } },
  student: {
    select: {
      id: true,
      firstName: true,
      lastName: true,
      email: true,
      studentProfile: {
        select: {
          field: true,
          degreeLevel: true,
          schoolKind: true,
          skills: true,
          availableFrom: true,
          cvFileName: true,
          establishment: { select: { name: true } },
          otherEstablishmentName: true,
        },
      },
    },
  },
  history: { orderBy: { createdAt: "asc" }, include: { byUser: { select: { firstName: true, lastName: true, role: true } } } },
} satisfies Prisma.ApplicationInclude;

/** An application to one of the company's offers, or 404: another company's is not even said to exist. */
export async function applicationOfCompany(companyId: string, applicationId: string) {
  const application = await db().application.findUnique({ where: { id: applicationId }, include: companyApplicationInclude });
  if (!application || application.offer.companyId !== companyId) throw data("Candidature introuvable", { status: 404 });
  return application;
}

/** Opening an application marks it viewed, recorded as a move by the member who opened it. */
export async function markViewed(applicationId: string, memberId: string, now = new Date()) {
  await db().$transaction(async (tx) => {
    const { count } = await tx.application.updateMany({
      where: { id: applicationId, status: "SUBMITTED" },
      data: { status: "VIEWED", viewedAt: now },
    });
    if (count === 1)
      await tx.applicationStatusChange.create({
        data: { applicationId, fromStatus: "SUBMITTED", toStatus: "VIEWED", byUserId: memberId, createdAt: now },
      });
  });
}

export interface HireContract {
  contractType: ContractType;
  startDate: Date;
  durationMonths: number | null;
  payBand: PayBand;
}

/**
 * Moves an application; returns a French message when the move is not possible. A move to "hired"
 * creates the placement and counts it for the offer's territory, in the same transaction (flow 4);
 * a move away from "hired" within 30 days removes exactly that.
 */
export async function moveApplication(
  companyId: string,
  applicationId: string,
  memberId: string,
  to: ApplicationStatus,
  message: string | null,
  contract: HireContract | null = null,
  now = new Date(),
): Promise<string | null> {
  const application = await applicationOfCompany(companyId, applicationId);
  if (!canCompanyMove(application.status, to)) {
    return application.status === "WITHDRAWN"
      ? "Le candidat a retiré sa candidature : elle ne peut plus évoluer."
      : "Cette étape n'est pas possible depuis l'étape actuelle.";
  }
  if (to === "HIRED" && !contract)
    return "Confirmez le contrat (type, date de début, durée, rémunération) pour enregistrer le recrutement.";
  const placement = application.status === "HIRED" ? await db().placement.findUnique({ where: { applicationId } }) : null;
  if (placement && !canUndoHire(placement.createdAt, now)) {
    return `Le recrutement date de plus de ${undoHireDays} jours : il est acquis et compte dans les statistiques du territoire.`;
  }
  const [student, offer] = await Promise.all([
    db().user.findUniqueOrThrow({
      where: { id: application.studentId },
      select: {
        email: true,
        mailOptOut: true,
        unsubscribeToken: true,
        studentProfile: { select: { schoolKind: true, establishmentId: true } },
      },
    }),
    db().offer.findUniqueOrThrow({
      where: { id: application.offerId },
      select: { communeCode: true, regionCode: true, vteEligible: true, vteGreen: true, company: { select: { nafSection: true } } },
    }),
  ]);
  // A placement keeps the territory of the phase in force on its hire date, whatever the offer carries.
  const hiredIn =
    to === "HIRED"
      ? ((await resolveCommune(db(), { inseeCode: offer.communeCode }, { phase: await phaseAt(now) }))?.territory?.id ?? null)
      : null;
  await db().$transaction(async (tx) => {
    await tx.application.update({ where: { id: applicationId }, data: { status: to, viewedAt: application.viewedAt ?? now } });
    await tx.applicationStatusChange.create({
      data: { applicationId, fromStatus: application.status, toStatus: to, byUserId: memberId, message, createdAt: now },
    });
    if (placement) {
      await tx.placement.delete({ where: { id: placement.id } });
      await countPlacement(tx, placement, -1);
    }
    if (to === "HIRED" && contract) {
      const created = await tx.placement.create({
        data: {
          applicationId,
          offerId: application.offerId,
          companyId,
          studentId: application.studentId,
          territoryId: hiredIn,
          regionCode: offer.regionCode,
          nafSection: offer.company.nafSection,
          schoolKind: student.studentProfile?.schoolKind ?? "OTHER",
          establishmentId: student.studentProfile?.establishmentId ?? null,
          contractType: contract.contractType,
          startDate: contract.startDate,
          durationMonths: contract.durationMonths,
          payBand: contract.payBand,
          vteLabel: offer.vteEligible,
          vteGreen: offer.vteGreen,
          createdAt: now,
        },
      });
      await countPlacement(tx, created, 1);
    }
    await mailStatusToStudent(tx, student, application.offer, to, message);
  });
  return null;
}

export async function withdrawApplication(studentId: string, applicationId: string): Promise<string | null> {
  const application = await db().application.findUnique({ where: { id: applicationId } });
  if (!application || application.studentId !== studentId) throw data("Candidature introuvable", { status: 404 });
  if (!canStudentWithdraw(application.status)) return "Cette candidature ne peut plus être retirée.";
  await db().$transaction(async (tx) => {
    await tx.application.update({ where: { id: applicationId }, data: { status: "WITHDRAWN" } });
    await tx.applicationStatusChange.create({
      data: { applicationId, fromStatus: application.status, toStatus: "WITHDRAWN", byUserId: studentId },
    });
  });
  return null;
}

export async function applicationsOfStudent(studentId: string) {
  return db().application.findMany({
    where: { studentId },
    include: {
      offer: { select: { id: true, title: true, company: { select: { name: true } }, commune: { select: { name: true } } } },
      history: { orderBy: { createdAt: "asc" }, select: { toStatus: true, message: true, createdAt: true } },
    },
    orderBy: { createdAt: "desc" },
  });
}

/** The company's applications for one offer, in pipeline order. */
export async function applicationsOfOffer(companyId: string, offerId: string) {
  return db().application.findMany({
    where: { offerId, offer: { companyId } },
    include: { student: { select: { firstName: true, lastName: true, studentProfile: { select: { field: true, degreeLevel: true } } } } },
    orderBy: { createdAt: "asc" },
  });
}

/** The CV a company may read: only for an application to its own offer that was sent with the CV. */
export async function cvForCompany(companyId: string, applicationId: string): Promise<{ name: string; bytes: Uint8Array } | null> {
  const application = await applicationOfCompany(companyId, applicationId);
  if (!application.withCv) return null;
  const profile = await db().studentProfile.findUnique({
    where: { userId: application.studentId },
    select: { cv: true, cvFileName: true },
  });
  if (!profile?.cv || !profile.cvFileName) return null;
  await recordProfileAccess(companyId, application.studentId, "CV");
  return { name: profile.cvFileName, bytes: profile.cv };
}

export interface ResponseStats {
  applications: number;
  answeredShare: number;
  medianHours: number | null;
}

/** The company's response rate and median time to answer, once it has at least 5 applications. */
export async function companyResponseStats(companyId: string, minimum = 5): Promise<ResponseStats | null> {
  const rows = await db().application.findMany({
    where: { offer: { companyId }, status: { not: "WITHDRAWN" } },
    select: {
      createdAt: true,
      history: { where: { toStatus: { in: answeredStatuses } }, orderBy: { createdAt: "asc" }, take: 1, select: { createdAt: true } },
    },
  });
  if (rows.length < minimum) return null;
  const delays = rows
    .filter((r) => r.history.length)
    .map((r) => (r.history[0].createdAt.getTime() - r.createdAt.getTime()) / 3_600_000)
    .sort((a, b) => a - b);
  const median =
    delays.length === 0
      ? null
      : delays.length % 2
        ? delays[(delays.length - 1) / 2]
        : (delays[delays.length / 2 - 1] + delays[delays.length / 2]) / 2;
  return { applications: rows.length, answeredShare: delays.length / rows.length, medianHours: median };
}

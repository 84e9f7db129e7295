// Deleting an account (issue 15). Asked with the password: sessions end, the CV is erased and the
// profile leaves the `students` index at once; a log-in during the grace period cancels it
// (auth.server.ts logIn); after it, the account is anonymised: no name, address, profile or message is left, companies
// keep an anonymous trace of the applications, and placements keep what the statistics count.
import { randomUUID } from "node:crypto";
import { confirmOwnPassword, type OwnPasswordRefusal } from "#app/accounts/auth.server";
import { countersNamingAddress } from "#app/accounts/rate-limit.server";
import { formatLongDate } from "#app/components/labels";
import { retention } from "#app/domain/personal-data";
import type { Prisma } from "#app/generated/prisma/client";
import { closeOpenOffers, openOfferCount } from "#app/offers/offers.server";
import { publicUrl } from "#app/platform/config.server";
import { db } from "#app/platform/db.server";
import { enqueue } from "#app/platform/outbox.server";
import { enqueueMail } from "#emails/outbox.server";

const dayMs = 86_400_000;

/** What an anonymised application says in place of the candidate's message. */
export const anonymisedMessage = "Candidature d'une personne qui a supprimé son compte.";

/** The companies whose last member this person is, with the offers deleting the account will close. */
export async function companiesLeftWithoutMember(userId: string): Promise<{ name: string; openOffers: number }[]> {
  const memberships = await db().companyMember.findMany({
    where: { userId },
    select: { company: { select: { id: true, name: true, _count: { select: { members: true } } } } },
  });
  const last = memberships.filter((m) => m.company._count.members === 1).map((m) => m.company);
  return Promise.all(last.map(async (company) => ({ name: company.name, openOffers: await openOfferCount(company.id) })));
}

/** Asks for the account's deletion with its password (guesses limited as at log-in); the day it becomes final. */
export async function requestDeletion(
  userId: string,
  password: string,
  client: string,
  now = new Date(),
): Promise<{ ok: true; finalOn: Date } | OwnPasswordRefusal> {
  const confirmed = await confirmOwnPassword(userId, password, client);
  if (!confirmed.ok) return confirmed;
  const finalOn = new Date(now.getTime() + retention.deletionGraceDays * dayMs);
  await db().$transaction(async (tx) => {
    const user = await tx.user.update({ where: { id: userId }, data: { deletionRequestedAt: now }, include: { studentProfile: true } });
    await tx.session.deleteMany({ where: { userId } });
    if (user.studentProfile) {
      await tx.studentProfile.update({ where: { userId }, data: { cv: null, cvFileName: null, visibleToCompanies: false } });
      await enqueue(tx, "search.student", { userId });
    }
    await enqueueMail(tx, user.email, "accountDeletionRequested", {
      firstName: user.firstName,
      finalOn: formatLongDate(finalOn),
      logInLink: `${publicUrl()}/connexion`,
    });
  });
  return { ok: true, finalOn };
}

/** Anonymises one account in the caller's transaction (deletion made final, or inactivity). */
export async function anonymiseAccount(tx: Prisma.TransactionClient, userId: string, now = new Date()): Promise<void> {
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, include: { memberships: { include: { company: true } } } });
  if (user.anonymisedAt) return;
  // The last mail goes out before the address is erased; once sent, its payload is scrubbed.
  await enqueueMail(tx, user.email, "accountDeleted", { firstName: user.firstName });
  await tx.outboxJob.deleteMany({
    where: {
      kind: "mail",
      status: "PENDING",
      payload: { path: ["to"], equals: user.email },
      NOT: { payload: { path: ["template"], equals: "accountDeleted" } },
    },
  });
  await tx.rateLimit.deleteMany({ where: countersNamingAddress(user.email) });
  for (const membership of user.memberships) {
    const others = await tx.companyMember.count({ where: { companyId: membership.companyId, userId: { not: userId } } });
    if (others === 0) await closeOpenOffers(tx, membership.companyId, userId);
  }
  await tx.companyMember.deleteMany({ where: { userId } });
  await tx.companyClaim.deleteMany({ where: { userId } });
  await tx.session.deleteMany({ where: { userId } });
  await tx.userToken.deleteMany({ where: { userId } });
  await tx.savedSearch.deleteMany({ where: { userId } });
  await tx.profileAccess.deleteMany({ where: { studentId: userId } });
  await tx.offerInvitation.deleteMany({ where: { studentId: userId } });
  const profile = await tx.studentProfile.findUnique({ where: { userId }, select: { userId: true } });
  if (profile) {
    await tx.studentProfile.delete({ where: { userId } });
    await enqueue(tx, "search.student", { userId });
  }
  // Companies keep a trace that an application existed, not who sent it or what it said.
  await tx.application.updateMany({ where: { studentId: userId }, data: { message: anonymisedMessage, withCv: false } });
  await tx.applicationStatusChange.updateMany({ where: { application: { studentId: userId } }, data: { message: null } });
  await tx.user.update({
    where: { id: userId },
    data: {
      email: `compte-supprime-${userId}@anonyme.invalid`,
      firstName: "Compte",
      lastName: "supprimé",
      // No password hash matches this: nobody logs in to an anonymised account.
      passwordHash: "!",
      emailVerifiedAt: null,
      mailOptOut: true,
      unsubscribeToken: randomUUID(),
      schoolId: null,
      staffApprovedAt: null,
      staffApprovedBy: null,
      deletionRequestedAt: null,
      anonymisedAt: now,
    },
  });
}

/** Makes the deletions whose grace period has passed final; returns how many. */
export async function finalizeDueDeletions(now = new Date()): Promise<number> {
  const due = await db().user.findMany({
    where: { anonymisedAt: null, deletionRequestedAt: { lte: new Date(now.getTime() - retention.deletionGraceDays * dayMs) } },
    select: { id: true },
    take: 500,
  });
  for (const { id } of due) await db().$transaction((tx) => anonymiseAccount(tx, id, now));
  return due.length;
}

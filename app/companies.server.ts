// Companies and their members. A member only ever reaches their own company's data.
import { db } from "~/db.server";
import type { SizeBand } from "~/generated/prisma/enums";
import { resolveCommune } from "~/geography.server";
import { enqueue } from "~/outbox.server";
import { generateSessionToken, hashToken } from "~/session.server";
import { enqueueMail } from "../emails/outbox.server";

export interface CompanyInput {
  siren: string;
  name: string;
  nafCode: string;
  sizeBand: SizeBand;
  communeCode: string;
}

const invitationLifetimeMs = 7 * 86_400_000;

/** The company the user belongs to, or null. */
export async function companyOfMember(userId: string) {
  const membership = await db().companyMember.findFirst({
    where: { userId },
    orderBy: { createdAt: "asc" },
    include: { company: { include: { territory: { select: { id: true, name: true } }, commune: { select: { name: true, postalCodes: true } }, naf: { select: { label: true } } } } },
  });
  return membership?.company ?? null;
}

export async function requireCompanyOfMember(userId: string) {
  const company = await companyOfMember(userId);
  if (!company) throw new Response("Vous n'êtes membre d'aucune entreprise.", { status: 404 });
  return company;
}

async function territoryOf(communeCode: string) {
  const commune = await resolveCommune(db(), { inseeCode: communeCode });
  if (!commune) throw new Error(`Unknown commune ${communeCode}`);
  return commune.territory?.id ?? null;
}

export async function createCompany(userId: string, input: CompanyInput): Promise<{ id: string } | "siren-taken"> {
  if (await db().company.findUnique({ where: { siren: input.siren }, select: { id: true } })) return "siren-taken";
  const naf = await db().nafCode.findUniqueOrThrow({ where: { code: input.nafCode } });
  const territoryId = await territoryOf(input.communeCode);
  try {
    return await db().company.create({
      data: {
        ...input,
        nafSection: naf.section,
        territoryId,
        members: { create: { userId, role: "OWNER" } },
      },
      select: { id: true },
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") return "siren-taken";
    throw error;
  }
}

/** Updates the company; its published offers are re-indexed (the name shows in search). */
export async function updateCompany(companyId: string, input: Omit<CompanyInput, "siren">): Promise<void> {
  const naf = await db().nafCode.findUniqueOrThrow({ where: { code: input.nafCode } });
  const territoryId = await territoryOf(input.communeCode);
  await db().$transaction(async (tx) => {
    await tx.company.update({ where: { id: companyId }, data: { ...input, nafSection: naf.section, territoryId } });
    const published = await tx.offer.findMany({ where: { companyId, status: "PUBLISHED" }, select: { id: true } });
    for (const offer of published) await enqueue(tx, "search.offer", { offerId: offer.id });
  });
}

export async function inviteMember(companyId: string, inviter: { id: string; firstName: string; lastName: string }, email: string, baseUrl: string) {
  const company = await db().company.findUniqueOrThrow({ where: { id: companyId } });
  const token = generateSessionToken();
  await db().$transaction(async (tx) => {
    await tx.companyInvitation.create({
      data: { companyId, email, tokenHash: hashToken(token), invitedById: inviter.id, expiresAt: new Date(Date.now() + invitationLifetimeMs) },
    });
    await enqueueMail(tx, email, "companyInvitation", {
      inviterName: `${inviter.firstName} ${inviter.lastName}`,
      companyName: company.name,
      link: `${baseUrl}/invitation/${token}`,
    });
  });
}

export async function findInvitation(token: string) {
  const invitation = await db().companyInvitation.findUnique({ where: { tokenHash: hashToken(token) }, include: { company: { select: { name: true } } } });
  if (!invitation || invitation.acceptedAt || invitation.expiresAt < new Date()) return null;
  return invitation;
}

export async function acceptInvitation(token: string, user: { id: string; email: string }): Promise<"accepted" | "invalid" | "wrong-email"> {
  const invitation = await findInvitation(token);
  if (!invitation) return "invalid";
  if (invitation.email !== user.email) return "wrong-email";
  await db().$transaction([
    db().companyMember.upsert({
      where: { companyId_userId: { companyId: invitation.companyId, userId: user.id } },
      create: { companyId: invitation.companyId, userId: user.id, role: "MEMBER" },
      update: {},
    }),
    db().companyInvitation.update({ where: { id: invitation.id }, data: { acceptedAt: new Date() } }),
  ]);
  return "accepted";
}

export async function membersOf(companyId: string) {
  const [members, invitations] = await Promise.all([
    db().companyMember.findMany({ where: { companyId }, include: { user: { select: { firstName: true, lastName: true, email: true } } }, orderBy: { createdAt: "asc" } }),
    db().companyInvitation.findMany({ where: { companyId, acceptedAt: null, expiresAt: { gt: new Date() } }, orderBy: { createdAt: "desc" } }),
  ]);
  return { members, invitations };
}

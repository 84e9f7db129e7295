// Companies and their members. A member only ever reaches their own company's data. A company is
// unverified until an operator checks that its first member speaks for the SIREN (its offers can
// be drafted and submitted, not published); whoever really does can contest a claim; a verified
// company's new name waits for moderation; only its administrator (the first member, who can hand
// the role over) edits it and invites colleagues.
import { db } from "#app/platform/db.server";
import type { SizeBand } from "#app/generated/prisma/enums";
import { resolveCommune } from "#app/reference/geography.server";
import { enqueue } from "#app/platform/outbox.server";
import { generateSessionToken, hashToken } from "#app/accounts/session.server";
import { enqueueMail } from "#emails/outbox.server";

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
    include: {
      company: {
        include: {
          territory: { select: { id: true, name: true } },
          commune: { select: { name: true, postalCodes: true } },
          naf: { select: { label: true } },
        },
      },
    },
  });
  return membership?.company ?? null;
}

export async function requireCompanyOfMember(userId: string) {
  const company = await companyOfMember(userId);
  if (!company) throw new Response("Vous n'êtes membre d'aucune entreprise.", { status: 404 });
  return company;
}

/** Whether the user administers their company (edits it, invites, hands the role over). */
export async function isCompanyAdministrator(userId: string, companyId: string): Promise<boolean> {
  return (await db().companyMember.count({ where: { userId, companyId, role: "OWNER" } })) > 0;
}

/** The member's company when they administer it; 403 with the reason otherwise. */
export async function requireCompanyAdministrator(userId: string) {
  const company = await requireCompanyOfMember(userId);
  if (!(await isCompanyAdministrator(userId, company.id))) {
    throw new Response(
      "Seul l'administrateur de l'entreprise (la personne qui l'a inscrite, ou à qui elle a transmis ce rôle) peut faire cela.",
      { status: 403 },
    );
  }
  return company;
}

/** Hands the administrator role to another member of the same company. */
export async function handOverAdministration(companyId: string, fromUserId: string, toUserId: string): Promise<boolean> {
  const target = await db().companyMember.findUnique({ where: { companyId_userId: { companyId, userId: toUserId } } });
  if (!target || toUserId === fromUserId || !(await isCompanyAdministrator(fromUserId, companyId))) return false;
  await db().$transaction([
    db().companyMember.update({ where: { companyId_userId: { companyId, userId: toUserId } }, data: { role: "OWNER" } }),
    db().companyMember.update({ where: { companyId_userId: { companyId, userId: fromUserId } }, data: { role: "MEMBER" } }),
  ]);
  return true;
}

/** An operator confirms that the company's administrator speaks for its SIREN. */
export async function verifyCompany(companyId: string, operatorId: string): Promise<void> {
  await db().company.update({ where: { id: companyId }, data: { verifiedAt: new Date(), verifiedBy: operatorId } });
}

/** Someone says the SIREN registered by another account is theirs: an operator will decide. */
export async function claimCompany(userId: string, siren: string, message: string): Promise<"claimed" | "unknown" | "already-member"> {
  const company = await db().company.findUnique({
    where: { siren },
    select: { id: true, members: { where: { userId }, select: { userId: true } } },
  });
  if (!company) return "unknown";
  if (company.members.length) return "already-member";
  const open = await db().companyClaim.findFirst({ where: { companyId: company.id, userId, resolvedAt: null } });
  if (!open) await db().companyClaim.create({ data: { companyId: company.id, userId, message } });
  return "claimed";
}

/**
 * An operator settles a claim. "transferred": the claimant becomes the company's administrator, the
 * accounts that had registered it lose it, and the company is verified; "dismissed": nothing changes.
 */
export async function resolveClaim(claimId: string, operatorId: string, outcome: "transferred" | "dismissed"): Promise<boolean> {
  const claim = await db().companyClaim.findFirst({ where: { id: claimId, resolvedAt: null } });
  if (!claim) return false;
  await db().$transaction(async (tx) => {
    await tx.companyClaim.update({ where: { id: claimId }, data: { outcome, resolvedAt: new Date() } });
    if (outcome === "dismissed") return;
    await tx.companyMember.deleteMany({ where: { companyId: claim.companyId } });
    await tx.companyMember.create({ data: { companyId: claim.companyId, userId: claim.userId, role: "OWNER" } });
    await tx.company.update({ where: { id: claim.companyId }, data: { verifiedAt: new Date(), verifiedBy: operatorId } });
  });
  return true;
}

/** What operators have to check about companies: unverified ones with offers waiting, new names, claims. */
export async function companiesToReview() {
  const [unverified, names, claims] = await Promise.all([
    db().company.findMany({
      where: { verifiedAt: null },
      select: {
        id: true,
        name: true,
        siren: true,
        createdAt: true,
        _count: { select: { offers: { where: { status: "PENDING_REVIEW" } } } },
        members: { where: { role: "OWNER" }, select: { user: { select: { email: true } } } },
      },
      orderBy: { createdAt: "asc" },
      take: 50,
    }),
    db().company.findMany({
      where: { pendingName: { not: null } },
      select: { id: true, name: true, pendingName: true, siren: true },
      take: 50,
    }),
    db().companyClaim.findMany({
      where: { resolvedAt: null },
      select: {
        id: true,
        message: true,
        createdAt: true,
        user: { select: { email: true, firstName: true, lastName: true } },
        company: { select: { name: true, siren: true } },
      },
      orderBy: { createdAt: "asc" },
      take: 50,
    }),
  ]);
  return { unverified, names, claims };
}

/** An operator accepts or refuses a verified company's new name; accepted, it shows at once on its offers. */
export async function decideCompanyName(companyId: string, accept: boolean): Promise<void> {
  await db().$transaction(async (tx) => {
    const company = await tx.company.findUniqueOrThrow({ where: { id: companyId }, select: { pendingName: true } });
    if (!company.pendingName) return;
    await tx.company.update({ where: { id: companyId }, data: { pendingName: null, ...(accept ? { name: company.pendingName } : {}) } });
    if (!accept) return;
    const published = await tx.offer.findMany({ where: { companyId, status: "PUBLISHED" }, select: { id: true } });
    for (const offer of published) await enqueue(tx, "search.offer", { offerId: offer.id });
  });
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

/**
 * Updates the company; its published offers are re-indexed. A verified company's new name waits
 * for moderation (`pendingName`): "name-pending" then.
 */
export async function updateCompany(companyId: string, input: Omit<CompanyInput, "siren">): Promise<"updated" | "name-pending"> {
  const naf = await db().nafCode.findUniqueOrThrow({ where: { code: input.nafCode } });
  const territoryId = await territoryOf(input.communeCode);
  const current = await db().company.findUniqueOrThrow({ where: { id: companyId }, select: { name: true, verifiedAt: true } });
  const renamed = input.name !== current.name;
  const { name, ...facts } = input;
  const nameChange = !renamed ? {} : current.verifiedAt ? { pendingName: name } : { name, pendingName: null };
  await db().$transaction(async (tx) => {
    await tx.company.update({ where: { id: companyId }, data: { ...facts, ...nameChange, nafSection: naf.section, territoryId } });
    const published = await tx.offer.findMany({ where: { companyId, status: "PUBLISHED" }, select: { id: true } });
    for (const offer of published) await enqueue(tx, "search.offer", { offerId: offer.id });
  });
  return renamed && current.verifiedAt ? "name-pending" : "updated";
}

export async function inviteMember(
  companyId: string,
  inviter: { id: string; firstName: string; lastName: string },
  email: string,
  baseUrl: string,
) {
  const company = await db().company.findUniqueOrThrow({ where: { id: companyId } });
  const token = generateSessionToken();
  await db().$transaction(async (tx) => {
    await tx.companyInvitation.create({
      data: {
        companyId,
        email,
        tokenHash: hashToken(token),
        invitedById: inviter.id,
        expiresAt: new Date(Date.now() + invitationLifetimeMs),
      },
    });
    await enqueueMail(tx, email, "companyInvitation", {
      inviterName: `${inviter.firstName} ${inviter.lastName}`,
      companyName: company.name,
      link: `${baseUrl}/invitation/${token}`,
    });
  });
}

export async function findInvitation(token: string) {
  const invitation = await db().companyInvitation.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { company: { select: { name: true } } },
  });
  if (!invitation || invitation.acceptedAt || invitation.expiresAt < new Date()) return null;
  return invitation;
}

export async function acceptInvitation(
  token: string,
  user: { id: string; email: string },
): Promise<"accepted" | "invalid" | "wrong-email"> {
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
    db().companyMember.findMany({
      where: { companyId },
      include: { user: { select: { firstName: true, lastName: true, email: true } } },
      orderBy: { createdAt: "asc" },
    }),
    db().companyInvitation.findMany({
      where: { companyId, acceptedAt: null, expiresAt: { gt: new Date() } },
      orderBy: { createdAt: "desc" },
    }),
  ]);
  return { members, invitations };
}

// Offers: writing, submitting, moderating, closing and expiring them. Every change that affects
// what search shows writes an outbox job in the same transaction (flow 1).
import { db } from "#app/platform/db.server";
import { editNeedsReview, expiryDate, nextStatus } from "#app/domain/offer-lifecycle";
import { publishable, vteEligibility, type VteDecision } from "#app/domain/vte-eligibility";
import type { Prisma } from "#app/generated/prisma/client";
import type { ContractType, DegreeLevel, OfferStatus, PayPeriod, RemotePolicy, SchoolKind, SizeBand } from "#app/generated/prisma/enums";
import { resolveCommune } from "#app/reference/geography.server";
import { enqueue } from "#app/platform/outbox.server";
import { countPublishedOffer } from "#app/statistics/statistics.server";
import { enqueueMail } from "#emails/outbox.server";
import { endApplicationsOfOffer } from "#app/applications/applications.server";
import { closingStatuses } from "#app/domain/application-pipeline";

export interface OfferInput {
  title: string;
  description: string;
  romeCode: string;
  /** The ROME job title chosen as the title, when it is one (its ecological flag decides VTE Vert). */
  appellationCode?: string | null;
  contractType: ContractType;
  durationMonths: number | null;
  startDate: string; // YYYY-MM-DD
  degreeLevel: DegreeLevel;
  schoolKinds: SchoolKind[];
  communeCode: string;
  remote: RemotePolicy;
  payMin: number | null;
  payMax: number | null;
  payPeriod: PayPeriod | null;
  positions: number;
}

export interface OfferAssessment {
  decision: VteDecision;
  place: {
    territoryId: string | null;
    territoryName: string | null;
    regionCode: string;
    departmentCode: string;
    latitude: number | null;
    longitude: number | null;
    communeName: string;
  };
}

/** The eligibility decision for an offer of this company, with where the workplace is. */
export async function assessOffer(
  input: Pick<OfferInput, "contractType" | "durationMonths" | "degreeLevel" | "romeCode" | "appellationCode" | "communeCode">,
  company: { sizeBand: SizeBand; communeCode: string },
): Promise<OfferAssessment> {
  const [commune, rome, appellation] = await Promise.all([
    resolveCommune(db(), { inseeCode: input.communeCode }),
    db().romeFiche.findUnique({ where: { code: input.romeCode }, select: { ecologicalTransition: true } }),
    input.appellationCode
      ? db().romeAppellation.findUnique({ where: { code: input.appellationCode }, select: { ecologicalTransition: true } })
      : null,
  ]);
  if (!commune) throw new Error(`Unknown commune ${input.communeCode}`);
  const decision = vteEligibility(
    {
      contractType: input.contractType,
      durationMonths: input.contractType === "CDI" ? null : input.durationMonths,
      degreeLevel: input.degreeLevel,
      workplaceTerritory: commune.territory ? { name: commune.territory.name, phase: commune.territory.phase } : null,
      // The job title's own flag when one was chosen, else its fiche's.
      romeEcologicalTransition: appellation?.ecologicalTransition ?? rome?.ecologicalTransition ?? false,
    },
    // Companies are registered with a COG commune as head office: always in France here.
    { sizeBand: company.sizeBand, headOfficeInFrance: true },
  );
  return {
    decision,
    place: {
      territoryId: commune.territory?.id ?? null,
      territoryName: commune.territory?.name ?? null,
      regionCode: commune.regionCode,
      departmentCode: commune.departmentCode,
      latitude: commune.latitude,
      longitude: commune.longitude,
      communeName: commune.name,
    },
  };
}

function offerData(input: OfferInput, assessment: OfferAssessment) {
  return {
    ...input,
    appellationCode: input.appellationCode ?? null,
    durationMonths: input.contractType === "CDI" ? null : input.durationMonths,
    startDate: new Date(`${input.startDate}T00:00:00Z`),
    territoryId: assessment.place.territoryId,
    regionCode: assessment.place.regionCode,
    departmentCode: assessment.place.departmentCode,
    latitude: assessment.place.latitude,
    longitude: assessment.place.longitude,
    vteEligible: assessment.decision.eligible,
    vteTerritory: assessment.decision.territoryLabel,
    vteGreen: assessment.decision.green,
    eligibilityReasons: assessment.decision.reasons as unknown as Prisma.InputJsonValue,
  };
}

export type SaveIntent = "draft" | "submit";

/** Creates or updates an offer of `companyId`; returns its id and resulting status. */
export async function saveOffer(
  companyId: string,
  offerId: string | null,
  input: OfferInput,
  intent: SaveIntent,
): Promise<{ id: string; status: OfferStatus }> {
  const company = await db().company.findUniqueOrThrow({ where: { id: companyId } });
  const assessment = await assessOffer(input, company);
  const data = offerData(input, assessment);
  return db().$transaction(async (tx) => {
    if (!offerId) {
      const status: OfferStatus = intent === "submit" ? "PENDING_REVIEW" : "DRAFT";
      const created = await tx.offer.create({ data: { ...data, companyId, status, submittedAt: intent === "submit" ? new Date() : null } });
      return { id: created.id, status };
    }
    const before = await tx.offer.findFirst({ where: { id: offerId, companyId } });
    if (!before) throw new Response("Offre introuvable", { status: 404 });
    let status = before.status;
    let submittedAt = before.submittedAt;
    if (before.status === "PUBLISHED" && editNeedsReview(before, { ...data })) {
      status = "PENDING_REVIEW";
      submittedAt = new Date();
    } else if (intent === "submit" && (before.status === "DRAFT" || before.status === "REJECTED")) {
      status = nextStatus("submit", before.status);
      submittedAt = new Date();
    }
    const after = await tx.offer.update({
      where: { id: offerId },
      data: { ...data, status, submittedAt, rejectionReason: status === "PENDING_REVIEW" ? null : before.rejectionReason },
    });
    await countPublishedOffer(tx, before, after);
    if (before.status === "PUBLISHED") await enqueue(tx, "search.offer", { offerId });
    return { id: offerId, status };
  });
}

export type CompanyOfferAction = "close" | "fill" | "submit" | "reopen";

/**
 * A company member closes the offer, marks it filled, submits it, or reopens it as a draft. Closing
 * or filling ends the applications still under way, each student told why.
 */
export async function changeOfferStatus(
  companyId: string,
  offerId: string,
  action: CompanyOfferAction,
  memberId: string,
): Promise<{ status: OfferStatus; endedApplications: number }> {
  return db().$transaction(async (tx) => {
    const offer = await tx.offer.findFirst({ where: { id: offerId, companyId } });
    if (!offer) throw new Response("Offre introuvable", { status: 404 });
    return moveOffer(tx, offer, action, memberId);
  });
}

/** Moves an offer by a company's action, with its territory counter, its search document and its applications. */
async function moveOffer(
  tx: Prisma.TransactionClient,
  offer: { id: string; status: OfferStatus; territoryId: string | null; submittedAt: Date | null },
  action: CompanyOfferAction,
  memberId: string,
): Promise<{ status: OfferStatus; endedApplications: number }> {
  const status = nextStatus(action, offer.status);
  const ends = action === "close" || action === "fill";
  await tx.offer.update({
    where: { id: offer.id },
    data: {
      status,
      closedAt: ends ? new Date() : null,
      submittedAt: action === "submit" ? new Date() : offer.submittedAt,
    },
  });
  await countPublishedOffer(tx, offer, { status, territoryId: offer.territoryId });
  if (offer.status === "PUBLISHED") await enqueue(tx, "search.offer", { offerId: offer.id });
  const endedApplications = ends ? await endApplicationsOfOffer(tx, offer.id, memberId, action) : 0;
  return { status, endedApplications };
}

/** The offers a company still has open (draft, under review, published). */
const openStatuses: OfferStatus[] = ["DRAFT", "PENDING_REVIEW", "PUBLISHED"];

export function openOfferCount(companyId: string): Promise<number> {
  return db().offer.count({ where: { companyId, status: { in: openStatuses } } });
}

/** Closes every open offer of a company (its last member, `memberId`, left the platform); returns how many. */
export async function closeOpenOffers(tx: Prisma.TransactionClient, companyId: string, memberId: string): Promise<number> {
  const offers = await tx.offer.findMany({ where: { companyId, status: { in: openStatuses } } });
  for (const offer of offers) await moveOffer(tx, offer, "close", memberId);
  return offers.length;
}

async function companyEmails(tx: Prisma.TransactionClient, companyId: string): Promise<string[]> {
  const members = await tx.companyMember.findMany({ where: { companyId }, select: { user: { select: { email: true } } } });
  return members.map((m) => m.user.email);
}

const frenchDate = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" });

/**
 * Publishes an offer under review; refused while its company is unverified, and when the
 * eligibility engine refuses it (only VTE offers, and internships as pré-VTE, are published).
 */
export async function approveOffer(offerId: string, baseUrl: string): Promise<"published" | "company-unverified" | "not-eligible"> {
  const current = await db().offer.findUniqueOrThrow({
    where: { id: offerId },
    include: { company: { select: { sizeBand: true, communeCode: true } } },
  });
  if (!publishable((await assessOffer(current, current.company)).decision).ok) return "not-eligible";
  return db().$transaction(async (tx) => {
    const offer = await tx.offer.findUniqueOrThrow({ where: { id: offerId }, include: { company: { select: { verifiedAt: true } } } });
    if (!offer.company.verifiedAt) return "company-unverified";
    const publishedAt = new Date();
    const expiresAt = expiryDate(publishedAt);
    const status = nextStatus("approve", offer.status);
    await tx.offer.update({ where: { id: offerId }, data: { status, publishedAt, expiresAt, rejectionReason: null } });
    await countPublishedOffer(tx, offer, { status, territoryId: offer.territoryId });
    await enqueue(tx, "search.offer", { offerId });
    for (const to of await companyEmails(tx, offer.companyId)) {
      await enqueueMail(tx, to, "offerApproved", {
        offerTitle: offer.title,
        offerUrl: `${baseUrl}/offres/${offerId}`,
        expiresOn: frenchDate.format(expiresAt),
      });
    }
    return "published";
  });
}

export async function rejectOffer(offerId: string, reason: string, baseUrl: string): Promise<void> {
  await db().$transaction(async (tx) => {
    const offer = await tx.offer.findUniqueOrThrow({ where: { id: offerId } });
    await tx.offer.update({ where: { id: offerId }, data: { status: nextStatus("reject", offer.status), rejectionReason: reason } });
    for (const to of await companyEmails(tx, offer.companyId)) {
      await enqueueMail(tx, to, "offerRejected", { offerTitle: offer.title, reason, editUrl: `${baseUrl}/entreprise/offres/${offerId}` });
    }
  });
}

/** Published offers past their expiry date become expired and leave the index. */
export async function expireDueOffers(now = new Date()): Promise<number> {
  return db().$transaction(async (tx) => {
    const due = await tx.offer.findMany({
      where: { status: "PUBLISHED", expiresAt: { lte: now } },
      select: { id: true, status: true, territoryId: true },
      take: 1000,
    });
    if (due.length === 0) return 0;
    await tx.offer.updateMany({ where: { id: { in: due.map((o) => o.id) } }, data: { status: "EXPIRED", closedAt: now } });
    for (const offer of due) await countPublishedOffer(tx, offer, { status: "EXPIRED", territoryId: offer.territoryId });
    for (const offer of due) await enqueue(tx, "search.offer", { offerId: offer.id });
    return due.length;
  });
}

/** Pending offers, oldest first; `search` narrows by title or company name. */
/**
 * Published offers the eligibility engine refuses (published before publication required it): not
 * VTE-eligible, and not an internship every other rule accepts.
 */
export async function publishedIneligibleOffers(limit = 100) {
  const offers = await db().offer.findMany({
    where: {
      status: "PUBLISHED",
      vteEligible: false,
      OR: [{ contractType: { not: "STAGE_PRE_VTE" } }, { company: { sizeBand: "GE" } }],
    },
    orderBy: { publishedAt: "asc" },
    take: limit,
    select: { id: true, title: true, company: { select: { name: true } } },
  });
  return offers.map((offer) => ({ id: offer.id, title: offer.title, company: offer.company.name }));
}

/** Offers shown per page of the moderation queue. */
const moderationPageSize = 50;

/** Offers awaiting review, oldest first, one page at a time; `pages` is at least 1. */
export async function moderationQueue(search = "", page = 1) {
  const text = search.trim();
  const where = {
    status: "PENDING_REVIEW" as const,
    ...(text
      ? {
          OR: [
            { title: { contains: text, mode: "insensitive" as const } },
            { company: { name: { contains: text, mode: "insensitive" as const } } },
          ],
        }
      : {}),
  };
  const [total, offers] = await Promise.all([db().offer.count({ where }), moderationPage(where, page)]);
  return { total, offers, pages: Math.max(1, Math.ceil(total / moderationPageSize)) };
}

function moderationPage(where: Prisma.OfferWhereInput, page: number) {
  return db().offer.findMany({
    where,
    orderBy: [{ submittedAt: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    skip: (page - 1) * moderationPageSize,
    take: moderationPageSize,
    include: {
      company: { select: { name: true, siren: true, sizeBand: true, communeCode: true, verifiedAt: true } },
      rome: { select: { label: true } },
      commune: { select: { name: true } },
      territory: { select: { name: true } },
    },
  });
}

/** A company's offers, newest change first, with their applications and those still under way. */
export async function companyOffers(companyId: string) {
  const [offers, open] = await Promise.all([
    db().offer.findMany({
      where: { companyId },
      orderBy: { updatedAt: "desc" },
      select: {
        id: true,
        title: true,
        status: true,
        contractType: true,
        vteEligible: true,
        vteGreen: true,
        updatedAt: true,
        expiresAt: true,
        rejectionReason: true,
        _count: { select: { applications: true } },
      },
    }),
    db().application.groupBy({
      by: ["offerId"],
      where: { offer: { companyId }, status: { notIn: closingStatuses } },
      _count: { _all: true },
    }),
  ]);
  const openByOffer = new Map(open.map((row) => [row.offerId, row._count._all]));
  return offers.map((offer) => ({ ...offer, openApplications: openByOffer.get(offer.id) ?? 0 }));
}

/** An offer of this company, or a 404: a member never reaches another company's offer. */
export async function offerOfCompany(companyId: string, offerId: string) {
  const offer = await db().offer.findFirst({
    where: { id: offerId, companyId },
    include: { rome: { select: { label: true } }, commune: { select: { name: true, postalCodes: true } } },
  });
  if (!offer) throw new Response("Offre introuvable", { status: 404 });
  return offer;
}

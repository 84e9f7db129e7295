// Maps an offer row to its search document, and keeps the index in step with the database.
import type { Meilisearch } from "meilisearch";
import type { Prisma, PrismaClient } from "#app/generated/prisma/client";

import { offerIndexName, type OfferDocument } from "./offer-index";
import { contractTypes, degreeLevels, searchWords } from "#app/domain/codes";
import { isPublicOffer } from "#app/domain/public-offer";
import { distinctWords } from "#app/domain/word-match";

export const offerDocumentInclude = {
  company: { select: { id: true, name: true, siren: true, nafCode: true, nafSection: true } },
  rome: { select: { label: true } },
  territory: { select: { name: true } },
  commune: { select: { name: true } },
} satisfies Prisma.OfferInclude;

type OfferWithRelations = Prisma.OfferGetPayload<{ include: typeof offerDocumentInclude }>;

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/**
 * The words of each ROME fiche's job titles, each once, read once per batch. Whole titles indexed
 * gave 3 % more relevant first pages but tripled indexing (decision 014).
 */
export type JobWordsByFiche = ReadonlyMap<string, string>;

export async function jobWordsByFiche(prisma: PrismaClient, romeCodes?: string[]): Promise<JobWordsByFiche> {
  const titles = await prisma.romeAppellation.findMany({
    where: romeCodes ? { romeCode: { in: romeCodes } } : {},
    select: { romeCode: true, label: true },
    orderBy: { code: "asc" },
  });
  const byFiche = new Map<string, string[]>();
  for (const { romeCode, label } of titles) byFiche.set(romeCode, [...(byFiche.get(romeCode) ?? []), label]);
  return new Map([...byFiche].map(([romeCode, labels]) => [romeCode, distinctWords(labels)]));
}

export function offerDocument(offer: OfferWithRelations, jobWords: JobWordsByFiche): OfferDocument {
  return {
    id: offer.id,
    title: offer.title,
    description: offer.description,
    romeCode: offer.romeCode,
    romeLabel: offer.rome.label,
    // The job titles of the offer's fiche: a query naming the job finds offers that word it otherwise.
    jobWords: jobWords.get(offer.romeCode) ?? "",
    companyId: offer.company.id,
    companyName: offer.company.name,
    companySiren: offer.company.siren,
    nafCode: offer.company.nafCode,
    nafSection: offer.company.nafSection,
    nafDivision: offer.company.nafCode.slice(0, 2),
    territoryId: offer.territoryId,
    territoryName: offer.territory?.name ?? null,
    regionCode: offer.regionCode,
    departmentCode: offer.departmentCode,
    communeCode: offer.communeCode,
    communeName: offer.commune.name,
    contractType: offer.contractType,
    contractLabel: searchWords(contractTypes[offer.contractType]),
    degreeLabel: degreeLevels[offer.degreeLevel].label,
    durationMonths: offer.durationMonths,
    degreeLevel: offer.degreeLevel,
    schoolKinds: offer.schoolKinds,
    remote: offer.remote,
    vteEligible: offer.vteEligible,
    vteTerritory: offer.vteTerritory,
    vteGreen: offer.vteGreen,
    status: offer.status,
    startDate: seconds(offer.startDate),
    publishedAt: seconds(offer.publishedAt ?? offer.createdAt),
    expiresAt: offer.expiresAt ? seconds(offer.expiresAt) : null,
    ...(offer.latitude != null && offer.longitude != null ? { _geo: { lat: offer.latitude, lng: offer.longitude } } : {}),
  };
}

/** Outbox handler for `search.offer`: upserts the offer's document, or deletes it when not searchable. */
export async function syncOfferDocument(prisma: PrismaClient, search: Meilisearch, offerId: string): Promise<"upserted" | "deleted"> {
  const offer = await prisma.offer.findUnique({ where: { id: offerId }, include: offerDocumentInclude });
  const index = search.index<OfferDocument>(offerIndexName);
  if (offer && isPublicOffer(offer)) {
    await index.addDocuments([offerDocument(offer, await jobWordsByFiche(prisma, [offer.romeCode]))]).waitTask({ timeout: 30_000 });
    return "upserted";
  }
  await index.deleteDocument(offerId).waitTask({ timeout: 30_000 });
  return "deleted";
}

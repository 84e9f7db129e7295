// Compares the database with the offers index: what is missing, what should not be there, and
// which documents are stale. Used by `npm run search:check`.
import type { Meilisearch } from "meilisearch";
import type { PrismaClient } from "#app/generated/prisma/client";
import { offerIndexName, type OfferDocument } from "./offer-index";
import { jobWordsByFiche, offerDocument, offerDocumentInclude } from "./offer-document";
import { publicOfferWhere } from "#app/domain/public-offer";

export interface IndexDifferences {
  missing: string[];
  unexpected: string[];
  stale: string[];
  checked: number;
}

const page = 10_000;
const compared: (keyof OfferDocument)[] = ["title", "companyName", "territoryId", "contractType", "status", "expiresAt", "vteGreen"];

export async function compareIndex(prisma: PrismaClient, search: Meilisearch, indexName = offerIndexName): Promise<IndexDifferences> {
  const now = new Date();
  const expected = new Map<string, OfferDocument>();
  const jobWords = await jobWordsByFiche(prisma);
  let cursor: string | undefined;
  for (;;) {
    const offers = await prisma.offer.findMany({
      where: publicOfferWhere(now),
      include: offerDocumentInclude,
      orderBy: { id: "asc" },
      take: page,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    if (offers.length === 0) break;
    for (const offer of offers) expected.set(offer.id, offerDocument(offer, jobWords));
    cursor = offers[offers.length - 1].id;
  }
  const indexed = new Map<string, Partial<OfferDocument>>();
  for (let offset = 0; ; offset += page) {
    const { results } = await search.index<OfferDocument>(indexName).getDocuments({ offset, limit: page, fields: ["id", ...compared] });
    for (const document of results) indexed.set(document.id, document);
    if (results.length < page) break;
  }
  const missing = [...expected.keys()].filter((id) => !indexed.has(id));
  const unexpected = [...indexed.keys()].filter((id) => !expected.has(id));
  const stale = [...expected.entries()]
    .filter(
      ([id, document]) =>
        indexed.has(id) &&
        compared.some((field) => JSON.stringify(indexed.get(id)?.[field] ?? null) !== JSON.stringify(document[field] ?? null)),
    )
    .map(([id]) => id);
  return { missing, unexpected, stale, checked: expected.size };
}

// Rebuilds the offers index from the database into a fresh index, then swaps it in atomically,
// so search keeps answering from the old index until the new one is complete.
import type { EnqueuedTaskPromise, Meilisearch } from "meilisearch";
import type { PrismaClient } from "#app/generated/prisma/client";
import { applyOfferIndexSettings, offerIndexName } from "./offer-index";
import { jobWordsByFiche, offerDocument, offerDocumentInclude } from "./offer-document";
import { publicOfferWhere } from "#app/domain/public-offer";

const pageSize = 10_000;

export interface ReindexProgress {
  indexed: number;
  total: number;
}

export async function reindexOffers(
  prisma: PrismaClient,
  search: Meilisearch,
  options: { onProgress?: (progress: ReindexProgress) => void; indexName?: string } = {},
): Promise<{ indexed: number; seconds: number }> {
  const started = performance.now();
  const live = options.indexName ?? offerIndexName;
  // A name of its own, so two rebuilds (two workers) never write into the same index.
  const building = `${live}_rebuild_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const now = new Date();
  const where = publicOfferWhere(now);

  // Settings before documents: indexing once with the final settings is much faster.
  await applyOfferIndexSettings(search, live);
  await applyOfferIndexSettings(search, building);

  const [total, jobWords] = await Promise.all([prisma.offer.count({ where }), jobWordsByFiche(prisma)]);
  options.onProgress?.({ indexed: 0, total });
  const index = search.index(building);
  let indexed = 0;
  let cursor: string | undefined;
  let lastTask: EnqueuedTaskPromise | undefined;
  for (;;) {
    const offers = await prisma.offer.findMany({
      where,
      include: offerDocumentInclude,
      orderBy: { id: "asc" },
      take: pageSize,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    if (offers.length === 0) break;
    // Enqueue every batch without waiting; Meilisearch processes them in order.
    lastTask = index.addDocuments(
      offers.map((offer) => offerDocument(offer, jobWords)),
      { primaryKey: "id" },
    );
    await lastTask;
    indexed += offers.length;
    cursor = offers[offers.length - 1].id;
    options.onProgress?.({ indexed, total });
  }
  if (lastTask) await lastTask.waitTask({ timeout: 600_000 });
  await search.swapIndexes([{ indexes: [live, building], rename: false }]).waitTask({ timeout: 60_000 });
  await search.deleteIndex(building).waitTask({ timeout: 60_000 });
  return { indexed, seconds: (performance.now() - started) / 1000 };
}

/** Number of documents in the live offers index (0 when it does not exist yet). */
export async function indexedOfferCount(search: Meilisearch, indexName = offerIndexName): Promise<number> {
  const stats = await search
    .index(indexName)
    .getStats()
    .catch(() => null);
  return stats?.numberOfDocuments ?? 0;
}

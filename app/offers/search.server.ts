// The search behind /offres: Meilisearch when it answers, PostgreSQL otherwise (flow 1 and 2). Both
// answer the contract of search-contract.ts; the URL's words are read once, here.
import type { OfferSearchParams } from "#app/domain/offer-search-params";
import type { Place } from "#app/domain/geo";
import { resolvePlace } from "#app/reference/geography.server";
import { searchClient } from "#search/client";
import { searchOffers } from "#search/offer-search";
import { toOfferQuery, type OfferSearchResult } from "./search-contract";
import { searchOffersInDatabase } from "./search-fallback.server";

export interface OfferSearchOutcome {
  result: OfferSearchResult;
  /** Meilisearch did not answer: results come from the database, without facet counts. */
  degraded: boolean;
  place: Place | null;
  /** `autour` was given but matches no commune. */
  placeNotFound: boolean;
}

export async function findOffers(params: OfferSearchParams): Promise<OfferSearchOutcome> {
  const query = toOfferQuery(params);
  const place = await resolvePlace(params.autour);
  const placeNotFound = !!params.autour && !place;
  const client = searchClient();
  if (client) {
    try {
      return { result: await searchOffers(client, query, { place }), degraded: false, place, placeNotFound };
    } catch (error) {
      console.error(`Search engine unavailable, answering from the database: ${(error as Error).message}`);
    }
  }
  return { result: await searchOffersInDatabase(query, place), degraded: true, place, placeNotFound };
}

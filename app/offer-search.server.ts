// The search behind /offres: Meilisearch when it answers, PostgreSQL otherwise (flow 1 and 2).
import { db } from "~/db.server";
import type { OfferSearchParams } from "~/domain/offer-search-params";
import { searchName } from "~/domain/search-name";
import { searchOffersInDatabase } from "~/offer-search-fallback.server";
import { searchClient } from "../search/client";
import { searchOffers, type OfferSearchResult, type Place } from "../search/offer-search";

export interface OfferSearchOutcome {
  result: OfferSearchResult;
  /** Meilisearch did not answer: results come from the database, without facet counts. */
  degraded: boolean;
  place: Place | null;
  /** `autour` was given but matches no commune. */
  placeNotFound: boolean;
}

/** A commune from what a person typed: a postal code, an INSEE code or a name. */
export async function resolvePlace(text: string): Promise<Place | null> {
  const input = text.trim();
  if (!input) return null;
  const located = { latitude: { not: null }, longitude: { not: null } } as const;
  const commune = /^\d{5}$/.test(input)
    ? ((await db().commune.findFirst({ where: { postalCodes: { has: input }, ...located }, orderBy: { population: "desc" } })) ??
      (await db().commune.findFirst({ where: { inseeCode: input, ...located } })))
    : await db().commune.findFirst({
        where: { OR: [{ searchName: searchName(input) }, { searchName: { startsWith: searchName(input) } }], ...located },
        orderBy: { population: "desc" },
      });
  return commune ? { name: commune.name, inseeCode: commune.inseeCode, latitude: commune.latitude as number, longitude: commune.longitude as number } : null;
}

export async function findOffers(params: OfferSearchParams): Promise<OfferSearchOutcome> {
  const place = await resolvePlace(params.autour);
  const placeNotFound = !!params.autour && !place;
  const client = searchClient();
  if (client) {
    try {
      return { result: await searchOffers(client, params, { place }), degraded: false, place, placeNotFound };
    } catch (error) {
      console.error(`Search engine unavailable, answering from the database: ${(error as Error).message}`);
    }
  }
  return { result: await searchOffersInDatabase(params, place), degraded: true, place, placeNotFound };
}

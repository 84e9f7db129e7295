// The offer search on Meilisearch, answering the app's contract (app/offers/search-contract.ts):
// filters the server controls (only published, unexpired offers),
// disjunctive facet counts (choosing a region still counts the other regions) through one
// multi-search, highlighted titles, and suggestions when nothing matches.
import type { Meilisearch, MultiSearchQuery, SearchResponse } from "meilisearch";
import { distanceKm, type Place } from "#app/domain/geo";
import { publicOfferSearchFilter } from "#app/domain/public-offer";
import { pageSize } from "#app/domain/offer-search-params";
import { isNafDivision, splitNafCodes } from "#app/domain/naf";
import {
  queryFacets,
  type OfferHit,
  type OfferQuery,
  type OfferSearchResult,
  type OfferSummary,
  type QueryFacet,
  type QueryPart,
} from "#app/offers/search-contract";
import { exactCountLimit, offerIndexName, type OfferDocument } from "./offer-index";
import { significantFoldedWords } from "#app/domain/word-match";

/**
 * An offer matches a query when it holds every word typed (each with its typos and synonyms): the
 * count then means what was asked. When all the words give nothing, the closest offers (as many
 * words as possible, the last ones dropped first) are shown apart (decision 014).
 */
const allWords = { matchingStrategy: "all" } as const;
const closestWords = { matchingStrategy: "last" } as const;

const facetAttributes: Record<QueryFacet, string> = {
  regions: "regionCode",
  territories: "territoryId",
  departments: "departmentCode",
  sectors: "nafSection",
  jobs: "romeCode",
  contracts: "contractType",
  degrees: "degreeLevel",
  schoolKinds: "schoolKinds",
  remote: "remote",
};

const quoted = (value: string) => JSON.stringify(value);

function facetFilter(key: QueryFacet, values: string[]): string[] {
  if (values.length === 0) return [];
  if (key === "sectors") {
    const { sections, divisions } = splitNafCodes(values);
    return [
      ...(sections.length ? [`nafSection IN [${sections.map(quoted).join(", ")}]`] : []),
      ...(divisions.length ? [`nafDivision IN [${divisions.map(quoted).join(", ")}]`] : []),
    ];
  }
  return [`${facetAttributes[key]} IN [${values.map(quoted).join(", ")}]`];
}

/**
 * Departments are counted once a region (or a department) is chosen: they then list the chosen
 * regions' departments, as NAF divisions follow their section. Counting ~100 departments
 * nationwide was the costliest facet of the page (decision 008).
 */
function departmentsCounted(query: OfferQuery): boolean {
  return query.regions.length > 0 || query.departments.length > 0;
}

/**
 * The most queries a page may add for exact counts of chosen values and for loosening
 * suggestions: with the main query and one per facet, a page costs at most about 50 queries.
 */
const queryBudget = { exactCounts: 30, loosenings: 12 };

/** The Meilisearch filter for a query; `without` leaves one part out (facet counts, suggestions). */
export function offerFilter(query: OfferQuery, place: Place | null, now: Date, without?: QueryPart): string[] {
  const filter = publicOfferSearchFilter(now);
  for (const key of queryFacets) if (key !== without) filter.push(...facetFilter(key, query[key]));
  if (query.greenOnly && without !== "greenOnly") filter.push("vteGreen = true");
  if (query.startsFrom && without !== "startsFrom")
    filter.push(`startDate >= ${Math.floor(Date.parse(`${query.startsFrom}T00:00:00Z`) / 1000)}`);
  if (place && without !== "place") filter.push(`_geoRadius(${place.latitude}, ${place.longitude}, ${query.radiusKm * 1000})`);
  return filter;
}

function sortFor(query: OfferQuery, place: Place | null): string[] | undefined {
  switch (query.sort) {
    case "recent":
      return ["publishedAt:desc"];
    case "start":
      return ["startDate:asc"];
    case "distance":
      return place ? [`_geoPoint(${place.latitude}, ${place.longitude}):asc`] : undefined;
    default:
      return undefined;
  }
}

const markStart = "\u0002";
const markEnd = "\u0003";

/** Splits a highlighted title into plain and matched runs, so the page never renders HTML from the engine. */
function highlightRuns(formatted: string): { text: string; match: boolean }[] {
  const runs: { text: string; match: boolean }[] = [];
  for (const [i, part] of formatted.split(new RegExp(`[${markStart}${markEnd}]`)).entries()) {
    if (part) runs.push({ text: part, match: i % 2 === 1 });
  }
  return runs;
}

export async function searchOffers(
  client: Meilisearch,
  query: OfferQuery,
  options: { place: Place | null; now?: Date; indexName?: string },
): Promise<OfferSearchResult> {
  const now = options.now ?? new Date();
  const indexUid = options.indexName ?? offerIndexName;
  const { place } = options;
  // One more query per facet in use, without its own filter, for disjunctive counts; the main
  // query does not count those facets again.
  const selected = queryFacets.filter((key) => query[key].length > 0);
  const main: MultiSearchQuery = {
    indexUid,
    q: query.text,
    ...allWords,
    filter: offerFilter(query, place, now),
    facets: queryFacets
      .filter((key) => !selected.includes(key) && (key !== "departments" || departmentsCounted(query)))
      .map((key) => facetAttributes[key]),
    page: query.page,
    hitsPerPage: pageSize,
    sort: sortFor(query, place),
    ...hitAttributes(place),
  };
  const disjunctive: MultiSearchQuery[] = selected.map((key) => ({
    indexUid,
    q: query.text,
    ...allWords,
    filter: offerFilter(query, place, now, key),
    facets: [facetAttributes[key]],
    limit: 0,
  }));
  // Divisions of the chosen sections, counted without the chosen divisions (so others keep theirs).
  const { sections } = splitNafCodes(query.sectors);
  const divisionQuery: MultiSearchQuery[] = sections.length
    ? [
        {
          indexUid,
          q: query.text,
          ...allWords,
          filter: offerFilter({ ...query, sectors: sections }, place, now),
          facets: ["nafDivision"],
          limit: 0,
        },
      ]
    : [];
  const { results } = await client.multiSearch({ queries: [main, ...disjunctive, ...divisionQuery] });
  const first = results[0] as unknown as SearchResponse<OfferDocument>;
  const facets = Object.fromEntries(queryFacets.map((key) => [key, first.facetDistribution?.[facetAttributes[key]] ?? {}])) as Record<
    QueryFacet,
    Record<string, number>
  >;
  selected.forEach((key, i) => {
    facets[key] = (results[i + 1] as SearchResponse).facetDistribution?.[facetAttributes[key]] ?? {};
  });
  await countChosenOutsideTop(client, query, place, now, indexUid, selected, facets);
  const total = first.totalHits ?? first.estimatedTotalHits ?? 0;
  const hits = first.hits.map((hit) => offerHit(hit, place));
  const divisions = sections.length ? ((results.at(-1) as SearchResponse).facetDistribution?.nafDivision ?? {}) : null;
  return {
    hits,
    total,
    page: query.page,
    totalCapped: total >= exactCountLimit,
    pages: Math.max(1, Math.ceil(Math.min(total, exactCountLimit) / pageSize)),
    facets,
    divisions,
    loosen: total === 0 ? await loosenings(client, query, place, now, indexUid) : [],
    closest: total === 0 ? await closestOffers(client, query, place, now, indexUid) : [],
  };
}

function hitAttributes(
  place: Place | null,
): Pick<MultiSearchQuery, "attributesToRetrieve" | "attributesToHighlight" | "highlightPreTag" | "highlightPostTag"> {
  return {
    attributesToRetrieve: [
      "id",
      "title",
      "companyName",
      "companySiren",
      "territoryId",
      "territoryName",
      "communeName",
      "contractType",
      "durationMonths",
      "startDate",
      "publishedAt",
      "vteEligible",
      "vteTerritory",
      "vteGreen",
      ...(place ? ["_geo"] : []),
    ],
    attributesToHighlight: ["title"],
    highlightPreTag: markStart,
    highlightPostTag: markEnd,
  };
}

function offerHit(hit: OfferDocument & { _formatted?: Partial<Record<keyof OfferDocument, unknown>> }, place: Place | null): OfferHit {
  return {
    id: hit.id,
    title: highlightRuns((hit._formatted?.title as string | undefined) ?? hit.title),
    companyName: hit.companyName,
    companySiren: hit.companySiren,
    territoryId: hit.territoryId,
    territoryName: hit.territoryName,
    communeName: hit.communeName,
    distanceKm: place && hit._geo ? Math.round(distanceKm({ lat: place.latitude, lng: place.longitude }, hit._geo)) : null,
    contractType: hit.contractType,
    durationMonths: hit.durationMonths,
    startDate: hit.startDate,
    publishedAt: hit.publishedAt,
    vteEligible: hit.vteEligible,
    vteTerritory: hit.vteTerritory,
    vteGreen: hit.vteGreen,
  };
}

/** When no offer holds every word of a query of several words: the offers holding most of them. */
async function closestOffers(
  client: Meilisearch,
  query: OfferQuery,
  place: Place | null,
  now: Date,
  indexUid: string,
): Promise<OfferHit[]> {
  if (significantFoldedWords(query.text).length < 2) return [];
  const result = await client.index<OfferDocument>(indexUid).search(query.text, {
    ...closestWords,
    filter: offerFilter(query, place, now),
    sort: sortFor(query, place),
    limit: pageSize,
    ...hitAttributes(place),
  });
  return result.hits.map((hit) => offerHit(hit, place));
}

/** The engine counts the most frequent values only; a chosen value outside them gets its exact count. */
async function countChosenOutsideTop(
  client: Meilisearch,
  query: OfferQuery,
  place: Place | null,
  now: Date,
  indexUid: string,
  selected: QueryFacet[],
  facets: Record<QueryFacet, Record<string, number>>,
) {
  const missing = selected
    .flatMap((key) =>
      (query[key] as string[])
        .filter((value) => !(value in facets[key]) && !(key === "sectors" && isNafDivision(value)))
        .map((value) => ({ key, value })),
    )
    .slice(0, queryBudget.exactCounts);
  if (missing.length === 0) return;
  const { results } = await client.multiSearch({
    queries: missing.map(({ key, value }) => ({
      indexUid,
      q: query.text,
      ...allWords,
      filter: [...offerFilter(query, place, now, key), `${facetAttributes[key]} = ${quoted(value)}`],
      hitsPerPage: 0,
    })),
  });
  missing.forEach(({ key, value }, i) => {
    const count = results[i].totalHits ?? 0;
    if (count > 0) facets[key][value] = count;
  });
}

/** For an empty result: the count each single part's removal would give. */
async function loosenings(
  client: Meilisearch,
  query: OfferQuery,
  place: Place | null,
  now: Date,
  indexUid: string,
): Promise<OfferSearchResult["loosen"]> {
  const parts: { part: QueryPart; value?: string }[] = [];
  if (query.text) parts.push({ part: "text" });
  for (const key of queryFacets) for (const value of query[key] as string[]) parts.push({ part: key, value });
  if (query.greenOnly) parts.push({ part: "greenOnly" });
  if (place) parts.push({ part: "place" });
  if (query.startsFrom) parts.push({ part: "startsFrom" });
  if (parts.length === 0) return [];
  const queries: MultiSearchQuery[] = parts.slice(0, queryBudget.loosenings).map(({ part, value }) => {
    // A facet value is dropped from its facet; any other part is left out whole.
    const loosened = value === undefined ? query : { ...query, [part]: (query[part as QueryFacet] as string[]).filter((v) => v !== value) };
    return {
      indexUid,
      q: part === "text" ? "" : query.text,
      ...allWords,
      filter: offerFilter(loosened, place, now, value === undefined && part !== "text" ? part : undefined),
      limit: 0,
    };
  });
  const { results } = await client.multiSearch({ queries });
  return parts
    .slice(0, queryBudget.loosenings)
    .map((part, i) => ({ ...part, count: results[i].estimatedTotalHits ?? results[i].totalHits ?? 0 }))
    .filter((suggestion) => suggestion.count > 0)
    .sort((a, b) => b.count - a.count)
    .slice(0, 5);
}

const summaryAttributes = ["id", "title", "companyId", "companyName", "communeName"];

/** Offers of a saved search published after `sinceSeconds`, newest first (the alert mails). */
export async function offersPublishedSince(
  client: Meilisearch,
  query: OfferQuery,
  options: { place: Place | null; sinceSeconds: number; now?: Date; limit?: number; indexName?: string },
): Promise<OfferSummary[]> {
  const result = await client.index<OfferDocument>(options.indexName ?? offerIndexName).search(query.text, {
    ...allWords,
    filter: [...offerFilter(query, options.place, options.now ?? new Date()), `publishedAt > ${options.sinceSeconds}`],
    sort: ["publishedAt:desc"],
    limit: options.limit ?? 50,
    attributesToRetrieve: summaryAttributes,
  });
  return result.hits.map((hit) => ({
    id: hit.id,
    title: hit.title,
    companyId: hit.companyId,
    companyName: hit.companyName,
    communeName: hit.communeName,
  }));
}

/** Offers like this one: the same ROME fiche or sector, within 100 km when it has coordinates. */
export async function offersLike(
  client: Meilisearch,
  offer: { id: string; romeCode: string; romeLabel: string; nafSection: string; latitude: number | null; longitude: number | null },
  limit = 5,
): Promise<OfferSummary[]> {
  const filter = [
    ...publicOfferSearchFilter(new Date()),
    `(romeCode = ${quoted(offer.romeCode)} OR nafSection = ${quoted(offer.nafSection)})`,
    ...(offer.latitude != null && offer.longitude != null ? [`_geoRadius(${offer.latitude}, ${offer.longitude}, 100000)`] : []),
  ];
  const result = await client.index<OfferDocument>(offerIndexName).search(offer.romeLabel, {
    filter,
    limit: limit + 1, // the offer itself may be among them (ids are not filterable)
    matchingStrategy: "last",
    attributesToRetrieve: summaryAttributes,
  });
  return result.hits
    .filter((hit) => hit.id !== offer.id)
    .slice(0, limit)
    .map((hit) => ({ id: hit.id, title: hit.title, companyId: hit.companyId, companyName: hit.companyName, communeName: hit.communeName }));
}

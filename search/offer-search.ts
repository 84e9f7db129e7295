// The offer search on Meilisearch: filters the server controls (only published, unexpired offers),
// disjunctive facet counts (choosing a region still counts the other regions) through one
// multi-search, highlighted titles, and suggestions when nothing matches.
import type { Meilisearch, MultiSearchQuery, SearchResponse } from "meilisearch";
import { distanceKm, type Place } from "#app/domain/geo";
import { publicOfferSearchFilter } from "#app/domain/public-offer";
import { facetKeys, pageSize, type FacetKey, type OfferSearchParams } from "#app/domain/offer-search-params";
import { offerIndexName, type OfferDocument } from "./offer-index";
import { isNafDivision, splitNafCodes } from "#app/domain/naf";

interface OfferHit {
  id: string;
  title: { text: string; match: boolean }[];
  companyName: string;
  companySiren: string;
  territoryId: string | null;
  territoryName: string | null;
  communeName: string;
  distanceKm: number | null;
  contractType: string;
  durationMonths: number | null;
  startDate: number;
  publishedAt: number;
  vteEligible: boolean;
  vteTerritory: boolean;
  vteGreen: boolean;
}

export interface OfferSearchResult {
  hits: OfferHit[];
  total: number;
  page: number;
  pages: number;
  /** Facet value -> count, per facet; null when the engine cannot count (degraded mode). */
  facets: Record<FacetKey, Record<string, number>> | null;
  /** Once a NAF section is chosen: its divisions ("25") with their counts, disjunctive among them. */
  divisions: Record<string, number> | null;
  /** When nothing matches: which single filter to drop, and how many offers that gives. */
  loosen: { key: FacetKey | "q" | "vert" | "autour" | "debut"; value?: string; count: number }[];
}

const facetAttributes: Record<FacetKey, string> = {
  region: "regionCode",
  territoire: "territoryId",
  departement: "departmentCode",
  secteur: "nafSection",
  metier: "romeCode",
  contrat: "contractType",
  niveau: "degreeLevel",
  ecole: "schoolKinds",
  teletravail: "remote",
};

const quoted = (value: string) => JSON.stringify(value);

function facetFilter(key: FacetKey, values: string[]): string[] {
  if (values.length === 0) return [];
  if (key === "secteur") {
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
function departmentsCounted(params: OfferSearchParams): boolean {
  return params.region.length > 0 || params.departement.length > 0;
}

/**
 * The most queries a page may add for exact counts of chosen values and for loosening
 * suggestions: with the main query and one per facet, a page costs at most about 50 queries.
 */
const queryBudget = { exactCounts: 30, loosenings: 12 };

export type FilterPart = FacetKey | "q" | "vert" | "autour" | "debut";

/** The Meilisearch filter for a state; `without` leaves one part out (facet counts, suggestions). */
export function offerFilter(params: OfferSearchParams, place: Place | null, now: Date, without?: FilterPart): string[] {
  const filter = publicOfferSearchFilter(now);
  for (const key of facetKeys) if (key !== without) filter.push(...facetFilter(key, params[key] as string[]));
  if (params.vert && without !== "vert") filter.push("vteGreen = true");
  if (params.debut && without !== "debut") filter.push(`startDate >= ${Math.floor(Date.parse(`${params.debut}T00:00:00Z`) / 1000)}`);
  if (place && without !== "autour") filter.push(`_geoRadius(${place.latitude}, ${place.longitude}, ${params.rayon * 1000})`);
  return filter;
}

function sortFor(params: OfferSearchParams, place: Place | null): string[] | undefined {
  switch (params.tri) {
    case "recent":
      return ["publishedAt:desc"];
    case "debut":
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
  params: OfferSearchParams,
  options: { place: Place | null; now?: Date; indexName?: string },
): Promise<OfferSearchResult> {
  const now = options.now ?? new Date();
  const indexUid = options.indexName ?? offerIndexName;
  const { place } = options;
  // One more query per facet in use, without its own filter, for disjunctive counts; the main
  // query does not count those facets again.
  const selected = facetKeys.filter((key) => (params[key] as string[]).length > 0);
  const main: MultiSearchQuery = {
    indexUid,
    q: params.q,
    filter: offerFilter(params, place, now),
    facets: facetKeys
      .filter((key) => !selected.includes(key) && (key !== "departement" || departmentsCounted(params)))
      .map((key) => facetAttributes[key]),
    page: params.page,
    hitsPerPage: pageSize,
    sort: sortFor(params, place),
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
  const disjunctive: MultiSearchQuery[] = selected.map((key) => ({
    indexUid,
    q: params.q,
    filter: offerFilter(params, place, now, key),
    facets: [facetAttributes[key]],
    limit: 0,
  }));
  // Divisions of the chosen sections, counted without the chosen divisions (so others keep theirs).
  const { sections } = splitNafCodes(params.secteur);
  const divisionQuery: MultiSearchQuery[] = sections.length
    ? [{ indexUid, q: params.q, filter: offerFilter({ ...params, secteur: sections }, place, now), facets: ["nafDivision"], limit: 0 }]
    : [];
  const { results } = await client.multiSearch({ queries: [main, ...disjunctive, ...divisionQuery] });
  const first = results[0] as unknown as SearchResponse<OfferDocument>;
  const facets = Object.fromEntries(facetKeys.map((key) => [key, first.facetDistribution?.[facetAttributes[key]] ?? {}])) as Record<
    FacetKey,
    Record<string, number>
  >;
  selected.forEach((key, i) => {
    facets[key] = (results[i + 1] as SearchResponse).facetDistribution?.[facetAttributes[key]] ?? {};
  });
  await countChosenOutsideTop(client, params, place, now, indexUid, selected, facets);
  const total = first.totalHits ?? first.estimatedTotalHits ?? 0;
  const hits: OfferHit[] = first.hits.map((hit) => ({
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
  }));
  const divisions = sections.length ? ((results.at(-1) as SearchResponse).facetDistribution?.nafDivision ?? {}) : null;
  return {
    hits,
    total,
    page: params.page,
    pages: Math.max(1, Math.ceil(total / pageSize)),
    facets,
    divisions,
    loosen: total === 0 ? await loosenings(client, params, place, now, indexUid) : [],
  };
}

/** The engine counts the most frequent values only; a chosen value outside them gets its exact count. */
async function countChosenOutsideTop(
  client: Meilisearch,
  params: OfferSearchParams,
  place: Place | null,
  now: Date,
  indexUid: string,
  selected: FacetKey[],
  facets: Record<FacetKey, Record<string, number>>,
) {
  const missing = selected
    .flatMap((key) =>
      (params[key] as string[])
        .filter((value) => !(value in facets[key]) && !(key === "secteur" && isNafDivision(value)))
        .map((value) => ({ key, value })),
    )
    .slice(0, queryBudget.exactCounts);
  if (missing.length === 0) return;
  const { results } = await client.multiSearch({
    queries: missing.map(({ key, value }) => ({
      indexUid,
      q: params.q,
      filter: [...offerFilter(params, place, now, key), `${facetAttributes[key]} = ${quoted(value)}`],
      hitsPerPage: 0,
    })),
  });
  missing.forEach(({ key, value }, i) => {
    const count = results[i].totalHits ?? 0;
    if (count > 0) facets[key][value] = count;
  });
}

/** For an empty result: the count each single filter's removal would give. */
async function loosenings(
  client: Meilisearch,
  params: OfferSearchParams,
  place: Place | null,
  now: Date,
  indexUid: string,
): Promise<OfferSearchResult["loosen"]> {
  const parts: { key: FilterPart; value?: string }[] = [];
  if (params.q) parts.push({ key: "q" });
  for (const key of facetKeys) for (const value of params[key] as string[]) parts.push({ key, value });
  if (params.vert) parts.push({ key: "vert" });
  if (params.autour) parts.push({ key: "autour" });
  if (params.debut) parts.push({ key: "debut" });
  if (parts.length === 0) return [];
  const queries: MultiSearchQuery[] = parts.slice(0, queryBudget.loosenings).map((part) => {
    const loosened =
      part.value && part.key !== "q"
        ? { ...params, [part.key]: (params[part.key as FacetKey] as string[]).filter((v) => v !== part.value) }
        : params;
    const skip = part.value ? undefined : part.key;
    return {
      indexUid,
      q: part.key === "q" ? "" : params.q,
      filter: offerFilter(loosened, place, now, skip === "q" ? undefined : skip),
      limit: 0,
    };
  });
  const { results } = await client.multiSearch({ queries });
  return parts
    .slice(0, queryBudget.loosenings)
    .map((part, i) => ({ ...part, count: results[i].estimatedTotalHits ?? results[i].totalHits ?? 0 }))
    .filter((suggestion) => suggestion.count > 0)
    .sort((a, b) => b.count - a.count)
    .slice(0, 5) as OfferSearchResult["loosen"];
}

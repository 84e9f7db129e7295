// What the platform asks of an offer search engine, and what it gets back. The app owns this
// contract: the URL's French words are read once (app/domain/offer-search-params.ts) and turned
// into an English query here; Meilisearch (search/offer-search.ts) and the PostgreSQL fallback
// (search-fallback.server.ts) both answer it. Pure: no I/O.
import type { ContractType, DegreeLevel, RemotePolicy } from "#app/generated/prisma/enums";
import type { offerSchoolKinds } from "#app/domain/codes";
import { facetKeys, type FacetKey, type OfferSearchParams } from "#app/domain/offer-search-params";

/** The filters a search counts values of (facets), by their English name. */
export const queryFacets = [
  "regions",
  "territories",
  "departments",
  "sectors",
  "jobs",
  "contracts",
  "degrees",
  "schoolKinds",
  "remote",
] as const;
export type QueryFacet = (typeof queryFacets)[number];

/** Each URL filter word and the query facet it becomes: one table, both directions. */
const facetOfUrlKey: Record<FacetKey, QueryFacet> = {
  region: "regions",
  territoire: "territories",
  departement: "departments",
  secteur: "sectors",
  metier: "jobs",
  contrat: "contracts",
  niveau: "degrees",
  ecole: "schoolKinds",
  teletravail: "remote",
};
export const queryFacetOf = (key: FacetKey): QueryFacet => facetOfUrlKey[key];
export const urlKeyOf = (facet: QueryFacet): FacetKey => facetKeys.find((key) => facetOfUrlKey[key] === facet) as FacetKey;

type OfferSort = "relevance" | "recent" | "start" | "distance";

export interface OfferQuery {
  text: string;
  regions: string[];
  territories: string[];
  departments: string[];
  /** NAF sections ("C") or divisions ("25"). */
  sectors: string[];
  /** ROME codes. */
  jobs: string[];
  contracts: ContractType[];
  degrees: DegreeLevel[];
  schoolKinds: (typeof offerSchoolKinds)[number][];
  remote: RemotePolicy[];
  greenOnly: boolean;
  /** Offers starting on this day (YYYY-MM-DD) or later; "" for any. */
  startsFrom: string;
  /** Around the place the page resolved, within this radius. */
  radiusKm: number;
  sort: OfferSort;
  page: number;
}

const sortOfUrl: Record<OfferSearchParams["tri"], OfferSort> = {
  pertinence: "relevance",
  recent: "recent",
  debut: "start",
  distance: "distance",
};

/** The URL state as the engines read it (the place is resolved apart: it needs the database). */
export function toOfferQuery(params: OfferSearchParams): OfferQuery {
  return {
    text: params.q,
    regions: params.region,
    territories: params.territoire,
    departments: params.departement,
    sectors: params.secteur,
    jobs: params.metier,
    contracts: params.contrat,
    degrees: params.niveau,
    schoolKinds: params.ecole,
    remote: params.teletravail,
    greenOnly: params.vert,
    startsFrom: params.debut,
    radiusKm: params.rayon,
    sort: sortOfUrl[params.tri],
    page: params.page,
  };
}

/** A part of a query that an empty result may suggest dropping. */
export type QueryPart = QueryFacet | "text" | "greenOnly" | "place" | "startsFrom";

export interface OfferHit {
  id: string;
  /** The title in runs, the matched ones marked, so that the page never renders the engine's HTML. */
  title: { text: string; match: boolean }[];
  companyName: string;
  companySiren: string;
  territoryId: string | null;
  territoryName: string | null;
  communeName: string;
  distanceKm: number | null;
  contractType: string;
  durationMonths: number | null;
  /** Unix seconds. */
  startDate: number;
  publishedAt: number;
  vteEligible: boolean;
  vteTerritory: boolean;
  vteGreen: boolean;
}

export interface OfferSearchResult {
  hits: OfferHit[];
  /** Offers holding every word typed (typo-tolerant) and matching the filters. */
  total: number;
  /** The engine counts exactly up to a limit: the total is then "more than" it. */
  totalCapped: boolean;
  page: number;
  pages: number;
  /** Facet value -> count, per facet; null when the engine cannot count (degraded mode). */
  facets: Record<QueryFacet, Record<string, number>> | null;
  /** Once a NAF section is chosen: its divisions ("25") with their counts, disjunctive among them. */
  divisions: Record<string, number> | null;
  /** When nothing matches: which single part to drop, and how many offers that gives. */
  loosen: { part: QueryPart; value?: string; count: number }[];
  /** When no offer holds every word typed: the offers holding most of them, shown apart. */
  closest: OfferHit[];
}

/** A few offers to show in a list (alerts, similar offers). */
export interface OfferSummary {
  id: string;
  title: string;
  companyId: string;
  companyName: string;
  communeName: string;
}

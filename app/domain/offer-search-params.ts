// The state of the offer search page, as it lives in the URL (French keys and values, so links are
// readable and shareable). Pure: the server parses it, the page builds its links with it.
import type { ContractType, DegreeLevel, RemotePolicy } from "#app/generated/prisma/enums";
import { codesByUrlWord, contractTypes, degreeLevels, offerSchoolKinds, remotePolicies, schoolKinds } from "./codes";
import { territoryKeyPattern } from "./territory-phase";
import { nafFilterLevel } from "./naf";

type SortOrder = "pertinence" | "recent" | "debut" | "distance";

export interface OfferSearchParams {
  q: string;
  territoire: string[];
  region: string[];
  departement: string[];
  secteur: string[]; // NAF section letters ("C") or divisions ("25")
  metier: string[]; // ROME codes
  contrat: ContractType[];
  niveau: DegreeLevel[];
  ecole: (typeof offerSchoolKinds)[number][];
  teletravail: RemotePolicy[];
  vert: boolean;
  autour: string;
  rayon: number;
  debut: string; // YYYY-MM-DD
  tri: SortOrder;
  page: number;
}

export const facetKeys = ["region", "territoire", "departement", "secteur", "metier", "contrat", "niveau", "ecole", "teletravail"] as const;
export type FacetKey = (typeof facetKeys)[number];

// URL words <-> stored values, for the fields whose values are enums.
const urlValues = {
  contrat: codesByUrlWord(contractTypes),
  niveau: codesByUrlWord(degreeLevels),
  ecole: codesByUrlWord(schoolKinds) as Record<string, (typeof offerSchoolKinds)[number]>,
  teletravail: codesByUrlWord(remotePolicies),
};

const codePatterns: Record<"territoire" | "region" | "departement" | "secteur" | "metier", Pick<RegExp, "test">> = {
  territoire: territoryKeyPattern,
  region: /^\d{2,3}$/,
  departement: /^(\d{2,3}|2[AB])$/,
  secteur: { test: (code: string) => nafFilterLevel(code) !== null },
  metier: /^[A-N]\d{4}$/,
};

const defaultRadiusKm = 30;
export const pageSize = 20;
/** What one URL may ask for, so that no URL costs the engine more than a bounded number of queries. */
export const searchLimits = { queryLength: 200, valuesPerFilter: 20, lastPage: 500 };

function enumList<K extends keyof typeof urlValues>(search: URLSearchParams, key: K) {
  const map = urlValues[key] as Record<string, string>;
  return [
    ...new Set(
      search
        .getAll(key)
        .map((v) => map[v.toLowerCase()])
        .filter(Boolean),
    ),
  ].slice(0, searchLimits.valuesPerFilter) as (typeof urlValues)[K][string][];
}

function codeList(search: URLSearchParams, key: keyof typeof codePatterns) {
  return [
    ...new Set(
      search
        .getAll(key)
        .map((v) => v.trim())
        .filter((v) => codePatterns[key].test(v)),
    ),
  ].slice(0, searchLimits.valuesPerFilter);
}

/** A calendar date that exists ("2026-02-30" does not), within the years a start date can take. */
export function isRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 2000 && year <= 2100 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Reads the URL; anything malformed is dropped rather than refused, so a shared link always opens. */
export function parseOfferSearch(search: URLSearchParams): OfferSearchParams {
  const rayon = Number.parseInt(search.get("rayon") ?? "", 10);
  const page = Number.parseInt(search.get("page") ?? "", 10);
  const debut = search.get("debut") ?? "";
  const tri = search.get("tri") as SortOrder;
  const autour = (search.get("autour") ?? "").trim().slice(0, 80);
  return {
    q: (search.get("q") ?? "").trim().slice(0, searchLimits.queryLength),
    territoire: codeList(search, "territoire"),
    region: codeList(search, "region"),
    departement: codeList(search, "departement"),
    secteur: codeList(search, "secteur"),
    metier: codeList(search, "metier"),
    contrat: enumList(search, "contrat"),
    niveau: enumList(search, "niveau"),
    ecole: enumList(search, "ecole"),
    teletravail: enumList(search, "teletravail"),
    vert: search.get("vert") === "1" || search.get("vert") === "oui",
    autour,
    rayon: Number.isFinite(rayon) && rayon > 0 ? Math.min(rayon, 300) : defaultRadiusKm,
    debut: isRealDate(debut) ? debut : "",
    tri: ["pertinence", "recent", "debut", "distance"].includes(tri) && (tri !== "distance" || autour) ? tri : "pertinence",
    page: Number.isFinite(page) && page > 0 ? Math.min(page, searchLimits.lastPage) : 1,
  };
}

/**
 * What the URL asked for that the search could not take as it was, in French for the page: the
 * search still runs on the rest (a shared link always opens).
 */
export function searchInputNotices(search: URLSearchParams): string[] {
  const notices: string[] = [];
  const q = (search.get("q") ?? "").trim();
  if (q.length > searchLimits.queryLength) notices.push(`Votre recherche a été raccourcie à ${searchLimits.queryLength} caractères.`);
  const debut = search.get("debut") ?? "";
  if (debut && !isRealDate(debut))
    notices.push(`La date « ${debut.slice(0, 20)} » n'existe pas : le filtre de date de début n'est pas appliqué.`);
  const crowded = facetKeys.filter((key) => new Set(search.getAll(key)).size > searchLimits.valuesPerFilter);
  if (crowded.length)
    notices.push(
      `Au plus ${searchLimits.valuesPerFilter} valeurs par filtre : seules les ${searchLimits.valuesPerFilter} premières sont appliquées (${crowded.join(", ")}).`,
    );
  return notices;
}

/** The word a facet value takes in the URL ("ALTERNANCE" -> "alternance"); codes stay as they are. */
export function facetUrlValue(key: FacetKey, value: string): string {
  if (!(key in urlValues)) return value;
  const entry = Object.entries(urlValues[key as keyof typeof urlValues]).find(([, stored]) => stored === value);
  return entry ? entry[0] : value;
}

/** The URL of a search state, with defaults left out and a stable key order. */
export function offerSearchUrl(params: OfferSearchParams, base = "/offres"): string {
  const search = new URLSearchParams();
  if (params.q) search.set("q", params.q);
  for (const key of facetKeys) {
    for (const value of params[key] as string[]) {
      search.append(key, facetUrlValue(key, value));
    }
  }
  if (params.vert) search.set("vert", "1");
  if (params.autour) {
    search.set("autour", params.autour);
    if (params.rayon !== defaultRadiusKm) search.set("rayon", String(params.rayon));
  }
  if (params.debut) search.set("debut", params.debut);
  if (params.tri !== "pertinence") search.set("tri", params.tri);
  if (params.page > 1) search.set("page", String(params.page));
  const query = search.toString();
  return query ? `${base}?${query}` : base;
}

/** The same search with one filter value added or removed (back to page 1). */
export function toggleFacet(params: OfferSearchParams, key: FacetKey, value: string): OfferSearchParams {
  const current = params[key] as string[];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return { ...params, [key]: next, page: 1 };
}

export function activeFilterCount(params: OfferSearchParams): number {
  return (
    facetKeys.reduce((n, key) => n + (params[key] as string[]).length, 0) +
    (params.vert ? 1 : 0) +
    (params.autour ? 1 : 0) +
    (params.debut ? 1 : 0)
  );
}

/** The query string as the search page would write it, so equal searches look equal. */
export function canonicalSearchQuery(query: string): string {
  return offerSearchUrl({ ...parseOfferSearch(new URLSearchParams(query)), page: 1 }).replace(/^\/offres\??/, "");
}

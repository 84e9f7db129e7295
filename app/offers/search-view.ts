// What the search page shows around its results, from the URL state and the engine's answer: each
// filter's values with their French label and count (chosen values always shown), a chosen
// sector's divisions, and, when nothing matches, links that drop one part of the search. Pure.
import { isNafDivision } from "#app/domain/naf";
import {
  facetKeys,
  facetUrlValue,
  offerSearchUrl,
  toggleFacet,
  type FacetKey,
  type OfferSearchParams,
} from "#app/domain/offer-search-params";
import { isOfferSchoolKind } from "#app/domain/codes";
import { queryFacetOf, urlKeyOf, type OfferSearchResult, type QueryPart } from "./search-contract";

export const facetTitles: Record<FacetKey, string> = {
  region: "Région",
  territoire: "Territoire d'industrie",
  departement: "Département",
  secteur: "Secteur d'activité",
  metier: "Métier",
  contrat: "Contrat",
  niveau: "Niveau d'études",
  ecole: "École",
  teletravail: "Télétravail",
};

/** Values shown per filter before the rest (chosen values are shown whatever their rank). */
const facetLimits: Partial<Record<FacetKey, number>> = { territoire: 12, departement: 12, metier: 12, secteur: 12 };
const defaultFacetLimit = 30;

export interface FacetOption {
  /** As the URL says it ("alternance", "ti-8417"…). */
  value: string;
  label: string;
  /** Null when the engine could not count (degraded mode). */
  count: number | null;
  checked: boolean;
}

export interface SearchPageModel {
  facets: { key: FacetKey; values: FacetOption[] }[];
  divisions: FacetOption[];
  loosen: { url: string; text: string; count: number }[];
}

/** How a value reads on the page: a region's name, a NAF label, a contract's label… */
export type LabelOf = (key: FacetKey, value: string) => string;

export function searchPageModel(
  params: OfferSearchParams,
  result: OfferSearchResult,
  label: LabelOf,
  placeName = params.autour,
): SearchPageModel {
  const facets = facetKeys.map((key) => {
    const counts = result.facets?.[queryFacetOf(key)] ?? {};
    // Chosen NAF divisions are listed under their section, not among the sections.
    const chosen = (params[key] as string[]).filter((value) => key !== "secteur" || !isNafDivision(value));
    const values = Object.entries(counts)
      .filter(([value]) => key !== "ecole" || isOfferSchoolKind(value))
      .sort((a, b) => b[1] - a[1]);
    const limit = facetLimits[key] ?? defaultFacetLimit;
    const shown = [...values.slice(0, limit), ...values.slice(limit).filter(([value]) => chosen.includes(value))];
    for (const value of chosen) if (!shown.some(([v]) => v === value)) shown.push([value, 0]);
    return {
      key,
      values: shown.map(([value, count]) => ({
        value: facetUrlValue(key, value),
        label: label(key, value),
        count: result.facets ? count : null,
        checked: chosen.includes(value),
      })),
    };
  });

  const chosenDivisions = params.secteur.filter(isNafDivision);
  const divisionCounts = Object.entries(result.divisions ?? {}).sort((a, b) => b[1] - a[1]);
  for (const value of chosenDivisions) if (!divisionCounts.some(([v]) => v === value)) divisionCounts.push([value, 0]);
  const divisions = result.divisions
    ? divisionCounts.map(([value, count]) => ({
        value,
        label: `${label("secteur", value)} (${value})`,
        count,
        checked: chosenDivisions.includes(value),
      }))
    : [];

  const loosen = result.loosen.map(({ part, value, count }) => {
    const { without, what } = dropPart(params, part, value, label, placeName);
    return { url: offerSearchUrl(without), text: `Sans ${what}`, count };
  });
  return { facets, divisions, loosen };
}

/** The search without one part, and how the page names that part. */
function dropPart(
  params: OfferSearchParams,
  part: QueryPart,
  value: string | undefined,
  label: LabelOf,
  placeName: string,
): { without: OfferSearchParams; what: string } {
  switch (part) {
    case "text":
      return { without: { ...params, q: "", page: 1 }, what: `les mots « ${params.q} »` };
    case "greenOnly":
      return { without: { ...params, vert: false, page: 1 }, what: "le filtre VTE Vert" };
    case "place":
      return { without: { ...params, autour: "", page: 1 }, what: `le rayon autour de ${placeName}` };
    case "startsFrom":
      return { without: { ...params, debut: "", page: 1 }, what: "la date de disponibilité" };
    default: {
      const key = urlKeyOf(part);
      return {
        without: toggleFacet(params, key, value as string),
        what: `${facetTitles[key].toLowerCase()} « ${label(key, value as string)} »`,
      };
    }
  }
}

/** A search in a few words, for a saved search: « ingénieur » · Auvergne-Rhône-Alpes · CDI · autour de Roanne (30 km). */
export function describeSearch(params: OfferSearchParams, label: LabelOf): string {
  const parts = [
    ...(params.q ? [`« ${params.q} »`] : []),
    ...facetKeys.flatMap((key) => (params[key] as string[]).map((value) => label(key, value))),
    ...(params.autour ? [`autour de ${params.autour} (${params.rayon} km)`] : []),
    ...(params.vert ? ["VTE Vert uniquement"] : []),
    ...(params.debut ? [`à partir du ${params.debut.split("-").reverse().join("/")}`] : []),
  ];
  return parts.length ? parts.join(" · ") : "toutes les offres";
}

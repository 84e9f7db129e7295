// The `offers` index: its settings (applied idempotently at start) and its document shape.
import type { Meilisearch, Settings } from "meilisearch";
import { meilisearchSynonyms } from "./synonyms";
import { frenchStopWords } from "./stop-words";

/** How many values of each facet the engine counts, most frequent first. */
const facetValuesShown = 20;

/** Counts are exact up to this many offers (the platform's scale with room); past it a page says "plus de". */
export const exactCountLimit = 100_000;

export const offerIndexName = process.env.MEILI_OFFER_INDEX ?? "offers";

/** One published offer as search sees it. Dates are Unix seconds so they filter and sort. */
export interface OfferDocument {
  id: string;
  title: string;
  description: string;
  romeCode: string;
  romeLabel: string;
  /** The words of the job titles (ROME appellations) of the offer's fiche, each once. */
  jobWords: string;
  companyId: string;
  companyName: string;
  companySiren: string;
  nafCode: string;
  nafSection: string;
  nafDivision: string;
  territoryId: string | null;
  territoryName: string | null;
  regionCode: string;
  departmentCode: string;
  communeCode: string;
  communeName: string;
  contractType: string;
  /** Words a person types for the contract and level ("alternance", "CDI", "Bac+5"), searchable. */
  contractLabel: string;
  degreeLabel: string;
  durationMonths: number | null;
  degreeLevel: string;
  schoolKinds: string[];
  remote: string;
  vteEligible: boolean;
  vteTerritory: boolean;
  vteGreen: boolean;
  status: string;
  startDate: number;
  publishedAt: number;
  expiresAt: number | null;
  _geo?: { lat: number; lng: number };
}

const offerIndexSettings: Settings = {
  // Order matters: a match in the title outranks one in the fiche's name and job titles, the
  // company, the text (decision 014).
  searchableAttributes: ["title", "romeLabel", "jobWords", "companyName", "description", "contractLabel", "degreeLabel"],
  // The text names places ("installée à Boulange"): a typo there would make "boulanger" find them.
  // Job words live in the title and the job titles, which keep their typo tolerance.
  typoTolerance: { disableOnAttributes: ["description"] },
  displayedAttributes: ["*"],
  filterableAttributes: [
    "territoryId",
    "regionCode",
    "departmentCode",
    "nafSection",
    "nafDivision",
    "romeCode",
    "contractType",
    "degreeLevel",
    "schoolKinds",
    "remote",
    "vteEligible",
    "vteGreen",
    "status",
    "_geo",
    "publishedAt",
    "expiresAt",
    "startDate",
    "companyId",
  ],
  sortableAttributes: ["publishedAt", "startDate", "_geo"],
  localizedAttributes: [{ attributePatterns: ["*"], locales: ["fra"] }],
  stopWords: frenchStopWords,
  synonyms: meilisearchSynonyms(),
  // The page shows the most frequent values of each facet; counting only the top 20 by count costs
  // Meilisearch half the CPU of counting all 149 territories (bench). Chosen values outside the
  // top get their exact count from one more query (search/offer-search.ts).
  faceting: { maxValuesPerFacet: facetValuesShown, sortFacetValuesBy: { "*": "count" } },
  pagination: { maxTotalHits: exactCountLimit },
};

// Meilisearch answers lists in its own order, strings decomposed (NFD), and objects with extra
// defaults; compare as sets of NFC strings, on the keys we set, so an unchanged setting is not resent.
function normalized(value: unknown, wanted: unknown = value): string {
  if (typeof value === "string") return JSON.stringify(value.normalize("NFC"));
  if (Array.isArray(value)) return JSON.stringify(value.map((v) => normalized(v)).sort());
  if (value && typeof value === "object" && wanted && typeof wanted === "object") {
    return JSON.stringify(
      Object.keys(wanted)
        .sort()
        .map((key) => [key, normalized((value as Record<string, unknown>)[key], (wanted as Record<string, unknown>)[key])]),
    );
  }
  return JSON.stringify(value);
}

const orderedSettings = new Set(["searchableAttributes", "rankingRules"]);

/** Creates the index if needed and updates only the settings that differ; returns their names. */
export async function applyOfferIndexSettings(
  client: Meilisearch,
  indexName = offerIndexName,
  settings: Settings = offerIndexSettings,
): Promise<string[]> {
  const existing = await client.getIndex(indexName).catch(() => null);
  if (!existing) await client.createIndex(indexName, { primaryKey: "id" }).waitTask();
  const index = client.index(indexName);
  const current = (await index.getSettings()) as Record<string, unknown>;
  const changed: Partial<Settings> = {};
  for (const [key, wanted] of Object.entries(settings)) {
    const same = orderedSettings.has(key)
      ? JSON.stringify(current[key]) === JSON.stringify(wanted)
      : normalized(current[key], wanted) === normalized(wanted);
    if (!same) (changed as Record<string, unknown>)[key] = wanted;
  }
  const names = Object.keys(changed);
  if (names.length > 0) await index.updateSettings(changed).waitTask({ timeout: 120_000 });
  return names;
}

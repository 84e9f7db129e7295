import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Meilisearch } from "meilisearch";
import { applyOfferIndexSettings, type OfferDocument } from "#search/offer-index";
import { testSearchClient, uniqueIndexName } from "./support";

function offer(id: string, title: string, extra: Partial<OfferDocument> = {}): OfferDocument {
  return {
    id,
    title,
    description: "Poste en Volontariat Territorial en Entreprise.",
    romeCode: "H1206",
    romeLabel: "Ingénieur / Ingénieure R&D en industrie",
    jobWords: "Ingénieur Ingénieure R&D industrie recherche",
    companyId: "c1",
    companyName: "Forges Martin",
    companySiren: "542107651",
    nafCode: "25.62B",
    nafSection: "C",
    nafDivision: "25",
    territoryId: "ti-8411",
    territoryName: "Roanne - Tarare",
    regionCode: "84",
    departmentCode: "42",
    communeCode: "42187",
    communeName: "Roanne",
    contractType: "CDI",
    contractLabel: "CDI",
    degreeLabel: "Bac+5",
    durationMonths: null,
    degreeLevel: "BAC5",
    schoolKinds: ["ENGINEERING"],
    remote: "NONE",
    vteEligible: true,
    vteTerritory: true,
    vteGreen: false,
    status: "PUBLISHED",
    startDate: 1_800_000_000,
    publishedAt: 1_790_000_000,
    expiresAt: null,
    _geo: { lat: 46.0449, lng: 4.0722 },
    ...extra,
  };
}

describe("the offers index", () => {
  let search: Meilisearch;
  const indexName = uniqueIndexName("offers_settings");

  beforeAll(async () => {
    search = testSearchClient();
    await applyOfferIndexSettings(search, indexName);
    await search
      .index(indexName)
      .addDocuments([
        offer("roanne", "Ingénieur mécanique"),
        offer("lyon", "Responsable qualité", { communeName: "Lyon", territoryId: null, _geo: { lat: 45.758, lng: 4.835 } }),
        offer("brest", "Acheteur industriel", {
          contractType: "ALTERNANCE",
          contractLabel: "Alternance",
          regionCode: "53",
          territoryId: "ti-5302",
          _geo: { lat: 48.39, lng: -4.486 },
        }),
      ])
      .waitTask({ timeout: 60_000 });
  });
  afterAll(async () => {
    await search.deleteIndex(indexName).waitTask({ timeout: 60_000 });
  });

  test("applying the settings a second time changes nothing", async () => {
    expect(await applyOfferIndexSettings(search, indexName)).toEqual([]);
  });

  test("filters on territory, region and contract, and counts the most frequent facet values", async () => {
    const settings = await search.index(indexName).getSettings();
    expect(settings.filterableAttributes).toEqual(
      expect.arrayContaining(["territoryId", "regionCode", "nafSection", "romeCode", "contractType", "vteGreen", "_geo", "status"]),
    );
    expect(settings.searchableAttributes?.slice(0, 5)).toEqual(["title", "romeLabel", "jobWords", "companyName", "description"]);
    expect(settings.faceting).toMatchObject({ maxValuesPerFacet: 20, sortFacetValuesBy: { "*": "count" } });
    const result = await search
      .index(indexName)
      .search("", { filter: ['regionCode = "84"', 'contractType = "CDI"'], facets: ["territoryId"] });
    expect(result.hits.map((h) => h.id).sort()).toEqual(["lyon", "roanne"]);
    expect(result.facetDistribution?.territoryId).toEqual({ "ti-8411": 1 });
  });

  test("a radius around Roanne finds the Roanne offer and not Lyon's, 80 km away", async () => {
    const result = await search.index(indexName).search("", { filter: ["_geoRadius(46.0449, 4.0722, 30000)"] });
    expect(result.hits.map((h) => h.id)).toEqual(["roanne"]);
  });

  test("French synonyms and typos: 'ingé meca' and 'apprentissage' find what a person means", async () => {
    const inge = await search.index(indexName).search("ingé mecanique");
    expect(inge.hits[0]?.id).toBe("roanne");
    const apprentissage = await search.index(indexName).search("apprentissage acheteur");
    expect(apprentissage.hits[0]?.id).toBe("brest");
    const typo = await search.index(indexName).search("responsible qualite");
    expect(typo.hits[0]?.id).toBe("lyon");
  });
});

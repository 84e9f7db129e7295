import { describe, expect, test } from "vitest";
import { parseOfferSearch } from "#app/domain/offer-search-params";
import { queryFacets, toOfferQuery, type OfferSearchResult } from "./search-contract";
import { describeSearch, searchPageModel, type LabelOf } from "./search-view";

const params = (query: string) => parseOfferSearch(new URLSearchParams(query));
const label: LabelOf = (key, value) => `${key}:${value}`;
const noFacets = Object.fromEntries(queryFacets.map((facet) => [facet, {}])) as NonNullable<OfferSearchResult["facets"]>;
const result = (changes: Partial<OfferSearchResult> = {}): OfferSearchResult => ({
  hits: [],
  total: 0,
  totalCapped: false,
  page: 1,
  pages: 1,
  facets: noFacets,
  divisions: null,
  loosen: [],
  closest: [],
  ...changes,
});

describe("the search page around its results", () => {
  test("the URL's words become the engine's query once", () => {
    expect(toOfferQuery(params("q=soudeur&region=84&contrat=alternance&ecole=ingenieur&vert=1&tri=debut&page=2"))).toMatchObject({
      text: "soudeur",
      regions: ["84"],
      contracts: ["ALTERNANCE"],
      schoolKinds: ["ENGINEERING"],
      greenOnly: true,
      sort: "start",
      page: 2,
    });
  });

  test("values are listed by count with their label and URL word; a chosen value outside the top stays, checked", () => {
    const counts = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`ti-${1000 + i}`, 100 - i]));
    const model = searchPageModel(
      params("territoire=2023-2027/ti-9999&contrat=cdi"),
      result({ facets: { ...noFacets, territories: counts, contracts: { CDI: 5, ALTERNANCE: 7 } } }),
      label,
    );
    const territories = model.facets.find((f) => f.key === "territoire")?.values ?? [];
    expect(territories).toHaveLength(13);
    expect(territories[0]).toEqual({ value: "ti-1000", label: "territoire:ti-1000", count: 100, checked: false });
    expect(territories.at(-1)).toEqual({ value: "2023-2027/ti-9999", label: "territoire:2023-2027/ti-9999", count: 0, checked: true });
    expect(model.facets.find((f) => f.key === "contrat")?.values).toEqual([
      { value: "alternance", label: "contrat:ALTERNANCE", count: 7, checked: false },
      { value: "cdi", label: "contrat:CDI", count: 5, checked: true },
    ]);
  });

  test("in degraded mode the chosen values show without counts", () => {
    const model = searchPageModel(params("region=84"), result({ facets: null }), label);
    expect(model.facets.find((f) => f.key === "region")?.values).toEqual([{ value: "84", label: "region:84", count: null, checked: true }]);
  });

  test("a chosen section lists its divisions; a chosen division is not listed among sections", () => {
    const model = searchPageModel(
      params("secteur=C&secteur=25"),
      result({ facets: { ...noFacets, sectors: { C: 40 } }, divisions: { "28": 9 } }),
      label,
    );
    expect(model.facets.find((f) => f.key === "secteur")?.values.map((v) => v.value)).toEqual(["C"]);
    expect(model.divisions).toEqual([
      { value: "28", label: "secteur:28 (28)", count: 9, checked: false },
      { value: "25", label: "secteur:25 (25)", count: 0, checked: true },
    ]);
  });

  test("an empty result offers links that each drop one part, with what they would give", () => {
    const model = searchPageModel(
      params("q=soudeur&region=84&vert=1&autour=Roanne"),
      result({
        loosen: [
          { part: "text", count: 12 },
          { part: "regions", value: "84", count: 3 },
          { part: "greenOnly", count: 2 },
          { part: "place", count: 1 },
        ],
      }),
      label,
      "Roanne",
    );
    expect(model.loosen).toEqual([
      { url: "/offres?region=84&vert=1&autour=Roanne", text: "Sans les mots « soudeur »", count: 12 },
      { url: "/offres?q=soudeur&vert=1&autour=Roanne", text: "Sans région « region:84 »", count: 3 },
      { url: "/offres?q=soudeur&region=84&autour=Roanne", text: "Sans le filtre VTE Vert", count: 2 },
      { url: "/offres?q=soudeur&region=84&vert=1", text: "Sans le rayon autour de Roanne", count: 1 },
    ]);
  });
});

describe("a saved search in a few words", () => {
  test("says its text, each chosen value by its label, the place and the other criteria", () => {
    const search = params("q=ingénieur&region=84&contrat=cdi&autour=Roanne&rayon=30&vert=1");
    expect(describeSearch(search, label)).toBe("« ingénieur » · region:84 · contrat:CDI · autour de Roanne (30 km) · VTE Vert uniquement");
    expect(describeSearch(params(""), label)).toBe("toutes les offres");
  });
});

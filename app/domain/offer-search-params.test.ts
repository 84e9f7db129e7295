import { describe, expect, test } from "vitest";
import {
  canonicalSearchQuery,
  offerSearchUrl,
  parseOfferSearch,
  searchInputNotices,
  searchLimits,
  toggleFacet,
} from "./offer-search-params";

const parse = (query: string) => parseOfferSearch(new URLSearchParams(query));

describe("the search state lives in the URL", () => {
  test("a shared link reads back to the same state and the same URL", () => {
    const url =
      "/offres?q=ing%C3%A9nieur&region=84&region=93&contrat=cdi&ecole=ingenieur&vert=1&autour=Roanne&rayon=50&tri=distance&page=2";
    expect(offerSearchUrl(parse(url.split("?")[1]))).toBe(url);
  });
  test("malformed values are dropped, so a broken link still opens", () => {
    const state = parse("region=%22%20OR%201%3D1&contrat=freelance&page=-3&rayon=abc&territoire=2023-2027%2Fti-8417&territoire=ti-8411");
    expect(state.region).toEqual([]);
    expect(state.contrat).toEqual([]);
    expect(state.page).toBe(1);
    expect(state.rayon).toBe(30);
    // An id alone does not name a territory: only "<phase>/<id>" does.
    expect(state.territoire).toEqual(["2023-2027/ti-8417"]);
  });
  test("sorting by distance needs a place", () => expect(parse("tri=distance").tri).toBe("pertinence"));
  test("choosing a filter value goes back to page 1, choosing it again removes it", () => {
    const state = parse("region=84&page=3");
    const withBrittany = toggleFacet(state, "region", "53");
    expect(offerSearchUrl(withBrittany)).toBe("/offres?region=84&region=53");
    expect(offerSearchUrl(toggleFacet(withBrittany, "region", "84"))).toBe("/offres?region=53");
  });
});

describe("what a URL may ask for is bounded", () => {
  test("dates that do not exist are dropped and named in a French notice", () => {
    for (const debut of ["2026-02-30", "0000-01-01", "2026-13-01"]) {
      expect(parse(`debut=${debut}`).debut).toBe("");
      expect(searchInputNotices(new URLSearchParams(`debut=${debut}`))).toEqual([
        `La date « ${debut} » n'existe pas : le filtre de date de début n'est pas appliqué.`,
      ]);
    }
    expect(parse("debut=2028-02-29").debut).toBe("2028-02-29");
  });
  test("at most 20 values per filter are applied, and the page says so", () => {
    const query = Array.from({ length: 50 }, (_, i) => `territoire=2023-2027/ti-${8400 + i}`).join("&");
    expect(parse(query).territoire).toHaveLength(searchLimits.valuesPerFilter);
    expect(searchInputNotices(new URLSearchParams(query))[0]).toContain("Au plus 20 valeurs par filtre");
  });
  test("the text is cut at 200 characters, with a notice", () => {
    const long = "a".repeat(250);
    expect(parse(`q=${long}`).q).toHaveLength(200);
    expect(searchInputNotices(new URLSearchParams(`q=${long}`))).toEqual(["Votre recherche a été raccourcie à 200 caractères."]);
  });
});

describe("a saved search's query", () => {
  test("equal searches are stored alike: order, case of URL words and defaults do not matter", () => {
    expect(canonicalSearchQuery("contrat=CDI&region=84&q=soudeur&page=3")).toBe(canonicalSearchQuery("q=soudeur&region=84&contrat=cdi"));
    expect(canonicalSearchQuery("q=soudeur&tri=pertinence")).toBe("q=soudeur");
  });
  test("what the search page would drop is dropped", () => {
    expect(canonicalSearchQuery("region=abc&contrat=cdi&inconnu=1")).toBe("contrat=cdi");
  });
});

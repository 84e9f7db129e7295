import { describe, expect, test } from "vitest";
import { searchName } from "./search-name";

describe("searchName", () => {
  test.each([
    ["Saint-Étienne", "SAINT ETIENNE"],
    ["st etienne", "SAINT ETIENNE"],
    ["L'Haÿ-les-Roses", "L HAY LES ROSES"],
    ["Sainte-Foy-lès-Lyon", "SAINTE FOY LES LYON"],
    ["Ste Foy les Lyon", "SAINTE FOY LES LYON"],
    ["Œuilly", "OEUILLY"],
    ["  Fos-sur-Mer ", "FOS SUR MER"],
  ])("%s is compared as %s", (input, expected) => {
    expect(searchName(input)).toBe(expected);
  });
});

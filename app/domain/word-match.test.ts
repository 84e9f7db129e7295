import { describe, expect, test } from "vitest";
import { distinctWords, foldText, wordMatcher } from "./word-match";

const establishments = wordMatcher([
  { label: "École des hautes études commerciales de Paris", aliases: [null, "HEC Paris"] },
  { label: "École des hautes études commerciales du nord", aliases: [null, "Edhec"] },
  { label: "Arts et Métiers Sciences et Technologies", aliases: ["ENSAM", "Arts et Métiers"] },
  { label: "Conservatoire national des arts et métiers", aliases: ["CNAM"] },
  { label: "Institut national des sciences appliquées de Lyon", aliases: ["INSA Lyon", "INSA de Lyon", "Villeurbanne"] },
  { label: "Université de Technologie de Compiègne", aliases: ["UTC"] },
]);
const labels = (query: string) => establishments.find(query, 5).map((e) => e.label);

describe("suggestions as people type them", () => {
  test("an acronym or a short name finds its establishment first", () => {
    expect(labels("HEC")[0]).toBe("École des hautes études commerciales de Paris");
    expect(labels("hec")).not.toContain("École des hautes études commerciales du nord");
    expect(labels("ENSAM")).toEqual(["Arts et Métiers Sciences et Technologies"]);
    expect(labels("utc")).toEqual(["Université de Technologie de Compiègne"]);
    expect(labels("INSA Lyon")).toEqual(["Institut national des sciences appliquées de Lyon"]);
  });

  test("words without accents, in any case, the last one unfinished", () => {
    expect(labels("arts et metiers")[0]).toBe("Arts et Métiers Sciences et Technologies");
    expect(labels("arts et metiers")).toContain("Conservatoire national des arts et métiers");
    expect(labels("COMPIEGNE techno")).toEqual(["Université de Technologie de Compiègne"]);
    expect(labels("hautes etudes comm")).toHaveLength(2);
  });

  test("link words alone or a single letter suggest nothing", () => {
    expect(labels("de")).toEqual([]);
    expect(labels("a")).toEqual([]);
    expect(labels("zzz")).toEqual([]);
  });

  test("whole words rank before prefixes, then shorter labels", () => {
    const skills = wordMatcher([
      { label: "Soudure à l'arc" },
      { label: "Techniques de soudage" },
      { label: "Conception assistée par ordinateur (CAO) pour circuits" },
      { label: "CAO" },
      { label: "Caoutchouc" },
    ]);
    expect(skills.find("cao", 5).map((s) => s.label)).toEqual([
      "CAO",
      "Conception assistée par ordinateur (CAO) pour circuits",
      "Caoutchouc",
    ]);
    expect(skills.find("soud", 5).map((s) => s.label)).toEqual(["Soudure à l'arc", "Techniques de soudage"]);
  });

  test("folding drops accents, ligatures and punctuation", () => {
    expect(foldText("Chef(fe) d'Œuvre — Métiers")).toBe("chef fe d oeuvre metiers");
  });

  test("the words of several job titles, each once, as first written, link words left out", () => {
    expect(
      distinctWords(["Chaudronnier / Chaudronnière", "Chaudronnier soudeur / Chaudronnière soudeuse", "Aide chaudronnier en atelier"]),
    ).toBe("Chaudronnier Chaudronnière soudeur soudeuse Aide atelier");
  });
});

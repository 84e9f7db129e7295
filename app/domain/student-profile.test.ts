import { describe, expect, test } from "vitest";
import { cvProblem, maxCvBytes, parseSkills } from "./student-profile";

const pdf = new TextEncoder().encode("%PDF-1.7\n…");

describe("the CV", () => {
  test("a PDF under 2 MB is accepted", () => {
    expect(cvProblem(pdf, 150_000)).toBeNull();
  });
  test("a file over 2 MB is refused with its size", () => {
    expect(cvProblem(pdf, maxCvBytes + 1)).toMatch(/^Le CV dépasse 2 Mo \(2 Mo\)/);
  });
  test("a file named .pdf that is not a PDF is refused by its content", () => {
    expect(cvProblem(new TextEncoder().encode("PK\u0003\u0004 a zip"), 1000)).toMatch(/doit être un fichier PDF/);
  });
});

describe("the skills typed as a list", () => {
  test("commas, semicolons and lines separate them; spaces are tidied; duplicates by their accent-free form are dropped", () => {
    expect(parseSkills(" CAO,  SolidWorks ;soudure TIG\nSoudure   tig, ,cao ")).toEqual(["CAO", "SolidWorks", "soudure TIG"]);
  });
  test("at most 20 are kept", () => {
    expect(parseSkills(Array.from({ length: 30 }, (_, i) => `compétence ${i}`).join(","))).toHaveLength(20);
  });
});

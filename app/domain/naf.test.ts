import { expect, test } from "vitest";
import { nafFilterLevel, splitNafCodes } from "./naf";

test("a letter is a section, two digits a division, anything else neither", () => {
  expect(nafFilterLevel("C")).toBe("section");
  expect(nafFilterLevel("25")).toBe("division");
  expect(nafFilterLevel("25.62B")).toBeNull();
  expect(nafFilterLevel("V")).toBeNull();
  expect(nafFilterLevel("c")).toBeNull();
  expect(splitNafCodes(["C", "25", "x", "28", "A"])).toEqual({ sections: ["C", "A"], divisions: ["25", "28"] });
});

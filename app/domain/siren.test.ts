import { describe, expect, test } from "vitest";
import { isValidSiren, normalizeSiren, withLuhnKey } from "./siren";

describe("SIREN validation", () => {
  test.each([
    ["542107651", true, "a real SIREN (Engie) passes the Luhn check"],
    ["542 107 651", true, "spaces typed between groups are accepted"],
    ["542107652", false, "one wrong digit fails the Luhn check"],
    ["356000000", true, "La Poste is accepted despite the rule"],
    ["12345678", false, "eight digits are too few"],
    ["1234567890", false, "ten digits are too many"],
    ["54210765A", false, "letters are refused"],
    ["", false, "an empty value is refused"],
  ])("%s -> %s (%s)", (input, expected) => {
    expect(isValidSiren(input)).toBe(expected);
  });

  test("a generated key always makes a valid SIREN", () => {
    for (const stem of ["00000000", "12345678", "99999999", "42187001"]) {
      expect(isValidSiren(withLuhnKey(stem))).toBe(true);
    }
  });

  test("normalizeSiren keeps only the nine digits", () => {
    expect(normalizeSiren(" 542.107.651 ")).toBe("542107651");
    expect(normalizeSiren("abc")).toBeNull();
  });
});

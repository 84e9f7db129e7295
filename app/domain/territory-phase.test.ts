import { describe, expect, test } from "vitest";
import { phaseInForce, splitTerritoryKey, territoryKey } from "./territory-phase";

const phases = [
  { id: "2019-2022", startsOn: new Date("2019-01-01T00:00:00Z") },
  { id: "2023-2027", startsOn: new Date("2023-11-01T00:00:00Z") },
];

describe("a territory is its phase and its id", () => {
  test("the key names both, and reads back", () => {
    expect(territoryKey("2019-2022", "ti-8411")).toBe("2019-2022/ti-8411");
    expect(splitTerritoryKey("2023-2027/ti-8417")).toEqual({ phase: "2023-2027", code: "ti-8417" });
    expect(splitTerritoryKey("ti-8411")).toBeNull();
  });
  test("the phase in force is decided by the date", () => {
    expect(phaseInForce(phases, new Date("2023-10-31T23:00:00Z"))).toBe("2019-2022");
    expect(phaseInForce(phases, new Date("2023-11-01T00:00:00Z"))).toBe("2023-2027");
    expect(phaseInForce(phases, new Date("2026-11-30T00:00:00Z"))).toBe("2023-2027");
    expect(phaseInForce(phases, new Date("2018-06-01T00:00:00Z"))).toBe("2019-2022");
  });
});

import { describe, expect, test } from "vitest";
import { estimateAids, programmeAids } from "./programme-aids";
import { programmeSources } from "./programme-sources";
import { eligibilityRuleSources } from "./vte-eligibility";

describe("the aids a hire may open", () => {
  test("a VTE Territoires d'industrie offer opens the 4 000 € aid", () => {
    expect(estimateAids({ territoryLabel: true, green: false, contractType: "CDI", greenHiresOfCompany: 0 })).toEqual([
      { label: "Aide VTE Territoires d'industrie", amountEuros: 4000, why: expect.any(String) },
    ]);
  });
  test("VTE Vert: 12 000 €, 8 000 € with the apprenticeship aid, no more once the company has five", () => {
    expect(estimateAids({ territoryLabel: false, green: true, contractType: "CDD", greenHiresOfCompany: 0 })[0].amountEuros).toBe(12000);
    expect(estimateAids({ territoryLabel: false, green: true, contractType: "ALTERNANCE", greenHiresOfCompany: 0 })[0].amountEuros).toBe(
      8000,
    );
    expect(estimateAids({ territoryLabel: false, green: true, contractType: "CDI", greenHiresOfCompany: 5 })).toEqual([]);
  });
  test("every aid names its sources", () => {
    for (const aid of Object.values(programmeAids)) expect(aid.sources.length).toBeGreaterThan(0);
  });
  test("every eligibility rule names a source, and every source is an https page with a real date or none", () => {
    for (const entry of eligibilityRuleSources) expect(Object.values(programmeSources)).toContain(entry.source);
    for (const source of Object.values(programmeSources)) {
      expect(source.url).toMatch(/^https:\/\//);
      if (source.dated) expect(new Date(source.dated).toISOString().slice(0, 10)).toBe(source.dated);
    }
  });
});

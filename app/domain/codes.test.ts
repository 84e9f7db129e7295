// Changing a code's French label is a one-line change in codes.ts: every place that says a
// contract type reads it from there. The label is changed here at run time, and each place must
// say the new one.
import { afterEach, describe, expect, test } from "vitest";
import { offerDocument } from "#search/offer-document";
import { codesByUrlWord, codesOf, contractTypes, formLabel, inSentence, optionsOf, schoolKinds, searchWords } from "./codes";
import { matchScore, type MatchOffer, type MatchStudent } from "./match-score";
import { vteEligibility } from "./vte-eligibility";

const original = contractTypes.CDD.label;
afterEach(() => {
  contractTypes.CDD.label = original;
});

const student: MatchStudent = {
  degreeLevel: "BAC5",
  schoolKind: "ENGINEERING",
  field: "Génie mécanique",
  skills: [],
  contractTypes: ["CDI"],
  wishedRegions: [],
  wishedTerritories: [],
  wishedPlace: null,
  availableFrom: null,
};
const offer: MatchOffer = {
  title: "Ingénieur méthodes",
  romeLabel: "Ingénieur / Ingénieure méthodes",
  description: "",
  jobWords: new Set(),
  regionCode: "84",
  territoryId: null,
  communeName: "Roanne",
  location: null,
  contractType: "CDD",
  degreeLevel: "BAC5",
  schoolKinds: ["ENGINEERING"],
  startDate: new Date("2027-02-01T00:00:00Z"),
};

describe("one source for the words of a code", () => {
  test("a contract type's new label reaches the form, the reasons, the index document and the URL words", () => {
    contractTypes.CDD.label = "Contrat à durée déterminée";
    // The offer form and the profile offer it as an option.
    expect(optionsOf(contractTypes, formLabel)).toContainEqual({ value: "CDD", label: "Contrat à durée déterminée" });
    expect(optionsOf(contractTypes)).toContainEqual({ value: "CDD", label: "Contrat à durée déterminée" });
    // Matching says it inside a sentence, the eligibility engine as a subject.
    const reasons = matchScore(student, offer)
      .reasons.map((r) => r.text)
      .join(" ");
    expect(reasons).toContain("contrat à durée déterminée");
    const decision = vteEligibility(
      { contractType: "CDD", durationMonths: 6, degreeLevel: "BAC5", workplaceTerritory: null, romeEcologicalTransition: false },
      { sizeBand: "PME", headOfficeInFrance: true },
    );
    expect(decision.reasons.find((r) => r.code === "contract.too_short")?.message).toMatch(
      /^Le contrat à durée déterminée de 6 mois est trop court/,
    );
    // The search document carries it, so typing it finds the offer.
    const document = offerDocument(
      {
        id: "o1",
        title: "Ingénieur méthodes",
        description: "…",
        romeCode: "H1206",
        rome: { label: "Ingénieur méthodes" },
        company: { id: "c1", name: "Forges", siren: "552081317", nafCode: "25.62B", nafSection: "C" },
        territoryId: null,
        territory: null,
        regionCode: "84",
        departmentCode: "42",
        communeCode: "42187",
        commune: { name: "Roanne" },
        contractType: "CDD",
        durationMonths: 18,
        degreeLevel: "BAC5",
        schoolKinds: ["ENGINEERING"],
        remote: "NONE",
        startDate: new Date("2027-02-01"),
        publishedAt: new Date("2026-11-01"),
        expiresAt: null,
        latitude: 46.04,
        longitude: 4.07,
        vteEligible: true,
        vteTerritory: false,
        vteGreen: false,
        payMin: null,
        payMax: null,
        payPeriod: null,
        positions: 1,
      } as unknown as Parameters<typeof offerDocument>[0],
      new Map(),
    );
    expect(document.contractLabel).toContain("Contrat à durée déterminée");
    // The URL word does not follow the label: shared links keep working.
    expect(codesByUrlWord(contractTypes).cdd).toBe("CDD");
  });

  test("words in a sentence: acronyms stay, other labels lose their capital, an explicit form wins", () => {
    expect(inSentence(contractTypes.CDI)).toBe("CDI");
    expect(inSentence(contractTypes.ALTERNANCE)).toBe("alternance");
    expect(inSentence(schoolKinds.OTHER)).toBe("autres formations");
    expect(formLabel(contractTypes.ALTERNANCE)).toBe("Alternance (apprentissage ou professionnalisation)");
    expect(searchWords(contractTypes.ALTERNANCE)).toBe("Alternance apprentissage professionnalisation");
    expect(codesOf(contractTypes)).toEqual(["CDI", "CDD", "ALTERNANCE", "STAGE_PRE_VTE"]);
  });
});

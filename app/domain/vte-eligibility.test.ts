import { describe, expect, test } from "vitest";
import {
  eligibilityRuleSources,
  minimumContractMonths,
  publishable,
  vteEligibility,
  type CompanyFacts,
  type OfferFacts,
  type ReasonCode,
} from "./vte-eligibility";

const offer: OfferFacts = {
  contractType: "CDI",
  durationMonths: null,
  degreeLevel: "BAC5",
  workplaceTerritory: { name: "Roannais Forez", phase: "2023-2027" },
  romeEcologicalTransition: false,
};
const company: CompanyFacts = { sizeBand: "PME", headOfficeInFrance: true };

type Case = {
  rule: string;
  offer?: Partial<OfferFacts>;
  company?: Partial<CompanyFacts>;
  eligible: boolean;
  territoryLabel: boolean;
  green: boolean;
  reason: ReasonCode;
};

const cases: Case[] = [
  { rule: "company size: a PME is eligible", eligible: true, territoryLabel: true, green: false, reason: "company.size_ok" },
  {
    rule: "company size: an ETI is eligible",
    company: { sizeBand: "ETI" },
    eligible: true,
    territoryLabel: true,
    green: false,
    reason: "company.size_ok",
  },
  {
    rule: "company size: a large company (5 000+) is not",
    company: { sizeBand: "GE" },
    eligible: false,
    territoryLabel: false,
    green: false,
    reason: "company.too_large",
  },
  {
    rule: "head office: in France is required",
    company: { headOfficeInFrance: false },
    eligible: false,
    territoryLabel: false,
    green: false,
    reason: "company.head_office_abroad",
  },
  { rule: "contract: a CDI is eligible whatever its duration", eligible: true, territoryLabel: true, green: false, reason: "contract.cdi" },
  {
    rule: "contract: a 12-month CDD is eligible",
    offer: { contractType: "CDD", durationMonths: 12 },
    eligible: true,
    territoryLabel: true,
    green: false,
    reason: "contract.long_enough",
  },
  {
    rule: "contract: an 11-month CDD is too short",
    offer: { contractType: "CDD", durationMonths: 11 },
    eligible: false,
    territoryLabel: false,
    green: false,
    reason: "contract.too_short",
  },
  {
    rule: "contract: a 36-month CDD is eligible",
    offer: { contractType: "CDD", durationMonths: 36 },
    eligible: true,
    territoryLabel: true,
    green: false,
    reason: "contract.long_enough",
  },
  {
    rule: "contract: a CDD without duration is refused",
    offer: { contractType: "CDD", durationMonths: null },
    eligible: false,
    territoryLabel: false,
    green: false,
    reason: "contract.duration_missing",
  },
  {
    rule: "contract: a 12-month alternance is eligible",
    offer: { contractType: "ALTERNANCE", durationMonths: 12 },
    eligible: true,
    territoryLabel: true,
    green: false,
    reason: "contract.long_enough",
  },
  {
    rule: "contract: a 24-month alternance is eligible",
    offer: { contractType: "ALTERNANCE", durationMonths: 24 },
    eligible: true,
    territoryLabel: true,
    green: false,
    reason: "contract.long_enough",
  },
  {
    rule: "contract: a 6-month alternance is too short",
    offer: { contractType: "ALTERNANCE", durationMonths: 6 },
    eligible: false,
    territoryLabel: false,
    green: false,
    reason: "contract.too_short",
  },
  {
    rule: "contract: an alternance without duration is refused",
    offer: { contractType: "ALTERNANCE", durationMonths: null },
    eligible: false,
    territoryLabel: false,
    green: false,
    reason: "contract.duration_missing",
  },
  {
    rule: "contract: an internship is a pré-VTE, without the label",
    offer: { contractType: "STAGE_PRE_VTE", durationMonths: 6 },
    eligible: false,
    territoryLabel: false,
    green: false,
    reason: "contract.internship_pre_vte",
  },
  {
    rule: "degree: bac+2 is enough",
    offer: { degreeLevel: "BAC2" },
    eligible: true,
    territoryLabel: true,
    green: false,
    reason: "degree.ok",
  },
  {
    rule: "degree: a doctorate is eligible",
    offer: { degreeLevel: "DOCTORATE" },
    eligible: true,
    territoryLabel: true,
    green: false,
    reason: "degree.ok",
  },
  {
    rule: "degree: a missing level is refused",
    offer: { degreeLevel: null },
    eligible: false,
    territoryLabel: false,
    green: false,
    reason: "degree.missing",
  },
  {
    rule: "territory: a workplace in a territory gets the TI label",
    eligible: true,
    territoryLabel: true,
    green: false,
    reason: "territory.inside",
  },
  {
    rule: "territory: outside every territory, VTE without the TI label",
    offer: { workplaceTerritory: null },
    eligible: true,
    territoryLabel: false,
    green: false,
    reason: "territory.outside",
  },
  {
    rule: "territory: an ineligible offer gets no TI label even inside a territory",
    company: { sizeBand: "GE" },
    eligible: false,
    territoryLabel: false,
    green: false,
    reason: "territory.inside",
  },
  {
    rule: "green: a fiche flagged for the ecological transition proposes VTE Vert",
    offer: { romeEcologicalTransition: true },
    eligible: true,
    territoryLabel: true,
    green: true,
    reason: "green.flagged",
  },
  { rule: "green: an unflagged fiche gets no VTE Vert", eligible: true, territoryLabel: true, green: false, reason: "green.not_flagged" },
  {
    rule: "green: an ineligible offer gets no VTE Vert even when flagged",
    offer: { romeEcologicalTransition: true, contractType: "CDD", durationMonths: 6 },
    eligible: false,
    territoryLabel: false,
    green: false,
    reason: "green.flagged",
  },
  {
    rule: "green: an internship on a green fiche is still a pré-VTE",
    offer: { romeEcologicalTransition: true, contractType: "STAGE_PRE_VTE", durationMonths: 6 },
    eligible: false,
    territoryLabel: false,
    green: false,
    reason: "contract.internship_pre_vte",
  },
];

describe("VTE eligibility", () => {
  test.each(cases)("$rule", (c) => {
    const decision = vteEligibility({ ...offer, ...c.offer }, { ...company, ...c.company });
    expect(decision.eligible).toBe(c.eligible);
    expect(decision.territoryLabel).toBe(c.territoryLabel);
    expect(decision.green).toBe(c.green);
    expect(decision.reasons.map((r) => r.code)).toContain(c.reason);
  });

  test("every reason has a French message and says whether it counts for or against", () => {
    const decision = vteEligibility({ ...offer, contractType: "CDD", durationMonths: 6 }, company);
    for (const reason of decision.reasons) expect(reason.message).toMatch(/[a-zé]/);
    expect(decision.reasons.find((r) => r.code === "contract.too_short")).toMatchObject({
      ok: false,
      message: "Le CDD de 6 mois est trop court : il faut au moins 12 mois.",
    });
  });

  test("an internship is flagged as pré-VTE so the UI can show it as such", () => {
    expect(vteEligibility({ ...offer, contractType: "STAGE_PRE_VTE", durationMonths: 6 }, company).preVte).toBe(true);
    expect(vteEligibility(offer, company).preVte).toBe(false);
  });
});

test("the territory reason names the territory and its phase", () => {
  const decision = vteEligibility(offer, company);
  expect(decision.reasons.find((r) => r.code === "territory.inside")?.message).toBe(
    "Le lieu de travail est dans le Territoire d'industrie Roannais Forez (2023–2027) : label VTE Territoires d'industrie.",
  );
});

describe("only VTE offers are published as VTE offers", () => {
  test("an eligible offer may be published", () => expect(publishable(vteEligibility(offer, company))).toEqual({ ok: true, blocking: [] }));
  test("a 6-month CDD may not, and says why", () => {
    const result = publishable(vteEligibility({ ...offer, contractType: "CDD", durationMonths: 6 }, company));
    expect(result.ok).toBe(false);
    expect(result.blocking.map((r) => r.code)).toEqual(["contract.too_short"]);
  });
  test("an internship may, as a pré-VTE, unless another rule refuses it", () => {
    expect(publishable(vteEligibility({ ...offer, contractType: "STAGE_PRE_VTE", durationMonths: 6 }, company)).ok).toBe(true);
    expect(
      publishable(
        vteEligibility({ ...offer, contractType: "STAGE_PRE_VTE", durationMonths: 6 }, { ...company, sizeBand: "GE" }),
      ).blocking.map((r) => r.code),
    ).toEqual(["company.too_large"]);
  });
  test("being outside every territory does not stop publication", () =>
    expect(publishable(vteEligibility({ ...offer, workplaceTerritory: null }, company)).ok).toBe(true));
});

test("every eligibility rule names a dated public source", () => {
  expect(eligibilityRuleSources.length).toBeGreaterThanOrEqual(3);
  for (const entry of eligibilityRuleSources) expect(entry.source.dated).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(eligibilityRuleSources.some((entry) => entry.rule.includes(`${minimumContractMonths} mois`))).toBe(true);
});

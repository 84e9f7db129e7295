import { describe, expect, test } from "vitest";
import { matchScore, matchWeights, matchWords, rankMatches, type MatchCriterion, type MatchOffer, type MatchStudent } from "./match-score";

const lyon = { lat: 45.758, lng: 4.835 };
const roanne = { lat: 46.0449, lng: 4.0722 }; // about 70 km from Lyon
const brest = { lat: 48.39, lng: -4.486 };

// A student who fits the offer on every criterion: 100 points.
const student: MatchStudent = {
  degreeLevel: "BAC5",
  schoolKind: "ENGINEERING",
  field: "Génie mécanique",
  skills: ["soudage", "conception mécanique"],
  contractTypes: ["CDI", "ALTERNANCE"],
  wishedRegions: [{ code: "84", name: "Auvergne-Rhône-Alpes" }],
  wishedTerritories: [{ id: "ti-8411", name: "Roanne - Tarare" }],
  wishedPlace: null,
  availableFrom: new Date("2027-01-01T00:00:00Z"),
};
const offer: MatchOffer = {
  title: "Ingénieur conception mécanique et soudage",
  romeLabel: "Ingénieur / Ingénieure mécanique",
  description: "Vous concevrez nos machines spéciales avec le bureau d'études.",
  // What the fiche says of the métier: its job titles and its definition.
  jobWords: matchWords("Ingénieur / Ingénieure R&D en industrie. Conçoit des produits en CAO (SolidWorks, CATIA) et mène les essais."),
  regionCode: "84",
  territoryId: "ti-8411",
  communeName: "Roanne",
  location: roanne,
  contractType: "CDI",
  degreeLevel: "BAC5",
  schoolKinds: ["ENGINEERING", "BUSINESS"],
  startDate: new Date("2027-02-01T00:00:00Z"),
};

type Case = {
  rule: string;
  student?: Partial<MatchStudent>;
  offer?: Partial<MatchOffer>;
  score: number;
  criterion: MatchCriterion;
  ok: boolean;
  text: RegExp;
};

const cases: Case[] = [
  { rule: "everything fits: 100", score: 100, criterion: "area", ok: true, text: /Territoire d'industrie souhaité \(Roanne - Tarare\)/ },
  {
    rule: "wished region only: 80 % of the area points",
    student: { wishedTerritories: [] },
    score: 95,
    criterion: "area",
    ok: true,
    text: /dans votre région souhaitée \(Auvergne-Rhône-Alpes\)/,
  },
  {
    rule: "outside every wished area: no area points",
    offer: { regionCode: "53", territoryId: "ti-5301", communeName: "Brest", location: brest },
    score: 75,
    criterion: "area",
    ok: false,
    text: /hors de vos zones souhaitées \(Brest\)/,
  },
  {
    rule: "no wished area: half the area points, no reason",
    student: { wishedRegions: [], wishedTerritories: [] },
    score: 88,
    criterion: "degree",
    ok: true,
    text: /niveau bac\+5 demandé, vous avez bac\+5/,
  },
  {
    rule: "within the radius: points shrink with distance, to 85 % at its edge",
    student: { wishedRegions: [], wishedTerritories: [], wishedPlace: { name: "Lyon", location: lyon, radiusKm: 100 } },
    score: 97,
    criterion: "area",
    ok: true,
    text: /à 6\d km de Lyon/,
  },
  {
    rule: "beyond the radius: no area points",
    student: { wishedRegions: [], wishedTerritories: [], wishedPlace: { name: "Lyon", location: lyon, radiusKm: 30 } },
    score: 75,
    criterion: "area",
    ok: false,
    text: /au-delà de votre rayon de 30 km/,
  },
  {
    rule: "degree: bac+5 asked, bac+3 held",
    student: { degreeLevel: "BAC3" },
    score: 80,
    criterion: "degree",
    ok: false,
    text: /niveau bac\+5 demandé, vous avez bac\+3/,
  },
  {
    rule: "near the wished commune and in the wished region: both said, the commune's points",
    student: { wishedTerritories: [], wishedPlace: { name: "Roanne", location: roanne, radiusKm: 30 } },
    score: 100,
    criterion: "area",
    ok: true,
    text: /^à 0 km de Roanne, dans votre région souhaitée \(Auvergne-Rhône-Alpes\)$/,
  },
  {
    rule: "degree: a doctorate takes a bac+5 offer, ranked below one that fits",
    student: { degreeLevel: "DOCTORATE" },
    score: 95,
    criterion: "degree",
    ok: false,
    text: /poste de niveau bac\+5, en dessous de votre doctorat/,
  },
  {
    rule: "degree: a bac+2 offer keeps a quarter of the degree points for a bac+5 student",
    offer: { degreeLevel: "BAC2" },
    score: 85,
    criterion: "degree",
    ok: false,
    text: /poste de niveau bac\+2, en dessous de votre bac\+5/,
  },
  {
    rule: "skills: a skill written in the description counts in full",
    student: { field: "Chimie", skills: ["SolidWorks"] },
    offer: { description: "Conception sous SolidWorks de nos machines." },
    score: 90,
    criterion: "skills",
    ok: true,
    text: /^correspond à « SolidWorks » \(dans l'offre\)$/,
  },
  {
    rule: "skills: a skill usual in the métier counts half",
    student: { field: "Chimie", skills: ["solidworks"] },
    score: 85,
    criterion: "skills",
    ok: true,
    text: /^correspond à « solidworks » \(courant dans ce métier\)$/,
  },
  {
    rule: "degree: the bac or below never fits",
    student: { degreeLevel: null },
    offer: { degreeLevel: "BAC2" },
    score: 80,
    criterion: "degree",
    ok: false,
    text: /vous avez le bac ou moins/,
  },
  {
    rule: "skills: one skill alone gives half the skill points",
    student: { field: "Chimie", skills: ["soudage"] },
    score: 90,
    criterion: "skills",
    ok: true,
    text: /correspond à « soudage »/,
  },
  {
    rule: "skills: field and skills absent from the offer",
    student: { field: "Marketing digital", skills: ["SEO"] },
    score: 80,
    criterion: "skills",
    ok: false,
    text: /ni votre domaine ni vos compétences/,
  },
  {
    rule: "skills: a field sharing half its words with the offer counts half",
    student: { field: "GENIE MECANIQUE", skills: [] },
    score: 85,
    criterion: "skills",
    ok: true,
    text: /votre domaine \(GENIE MECANIQUE\)/,
  },
  {
    rule: "skills: a field the offer holds whole counts in full; accents and case do not matter",
    student: { field: "CONCEPTION MECANIQUE", skills: [] },
    score: 90,
    criterion: "skills",
    ok: true,
    text: /votre domaine \(CONCEPTION MECANIQUE\)/,
  },
  {
    rule: "contract: a CDD when looking for CDI or alternance",
    offer: { contractType: "CDD" },
    score: 85,
    criterion: "contract",
    ok: false,
    text: /contrat CDD, vous cherchez : CDI, alternance/,
  },
  {
    rule: "contract: no preference takes any contract",
    student: { contractTypes: [] },
    offer: { contractType: "CDD" },
    score: 100,
    criterion: "area",
    ok: true,
    text: /Roanne/,
  },
  {
    rule: "school kind: an offer for business schools only",
    offer: { schoolKinds: ["BUSINESS"] },
    score: 90,
    criterion: "schoolKind",
    ok: false,
    text: /réservée aux écoles de commerce/,
  },
  {
    rule: "dates: the offer starts before the student is available",
    offer: { startDate: new Date("2026-12-01T00:00:00Z") },
    score: 90,
    criterion: "dates",
    ok: false,
    text: /avant votre date de disponibilité/,
  },
  {
    rule: "dates: more than 3 months after availability is half the date points",
    offer: { startDate: new Date("2027-06-01T00:00:00Z") },
    score: 95,
    criterion: "dates",
    ok: false,
    text: /démarre le 1 juin 2027, plus de 3 mois après votre date de disponibilité/,
  },
  {
    rule: "dates: a start two months after availability loses part of the date points",
    offer: { startDate: new Date("2027-03-01T00:00:00Z") },
    score: 99,
    criterion: "dates",
    ok: true,
    text: /démarre le 1 mars 2027, peu après/,
  },
  {
    rule: "dates: no availability given takes any start",
    student: { availableFrom: null },
    offer: { startDate: new Date("2026-12-01T00:00:00Z") },
    score: 100,
    criterion: "degree",
    ok: true,
    text: /bac\+5/,
  },
];

describe("match score", () => {
  test("the weights add up to 100", () => {
    expect(Object.values(matchWeights).reduce((a, b) => a + b, 0)).toBe(100);
  });

  test.each(cases)("$rule", ({ student: s, offer: o, score, criterion, ok, text }) => {
    const match = matchScore({ ...student, ...s }, { ...offer, ...o });
    expect(match.score).toBe(score);
    const reason = match.reasons.find((r) => r.criterion === criterion);
    expect(reason, `a ${criterion} reason`).toBeDefined();
    expect(reason?.ok).toBe(ok);
    expect(reason?.text).toMatch(text);
  });

  test("the company sees the same score, in its own words", () => {
    const forStudent = matchScore({ ...student, degreeLevel: "BAC3" }, offer, "student");
    const forCompany = matchScore({ ...student, degreeLevel: "BAC3" }, offer, "company");
    expect(forCompany.score).toBe(forStudent.score);
    expect(forCompany.reasons.find((r) => r.criterion === "degree")?.text).toBe("niveau bac+3, en dessous du bac+5 demandé");
  });

  test("strengths come before what does not fit", () => {
    const { reasons } = matchScore({ ...student, degreeLevel: "BAC3" }, { ...offer, contractType: "CDD" });
    const firstMiss = reasons.findIndex((r) => !r.ok);
    expect(firstMiss).toBeGreaterThan(0);
    expect(reasons.slice(firstMiss).every((r) => !r.ok)).toBe(true);
  });

  test("an offer nearer the wished commune ranks first even when both show the same score", () => {
    const wishing = {
      ...student,
      wishedTerritories: [],
      wishedRegions: [],
      wishedPlace: { name: "Roanne", location: roanne, radiusKm: 100 },
    };
    const near = matchScore(wishing, { ...offer, location: { lat: 46.05, lng: 4.08 } });
    const farther = matchScore(wishing, { ...offer, location: { lat: 46.08, lng: 4.12 } });
    expect(near.score).toBe(farther.score);
    const ranked = rankMatches(
      [
        { id: "a-farther", match: farther, startDate: offer.startDate },
        { id: "b-near", match: near, startDate: offer.startDate },
      ],
      2,
    );
    expect(ranked.map((r) => r.id)).toEqual(["b-near", "a-farther"]);
  });

  test("ranking is deterministic: score, then earlier start, then id", () => {
    const item = (id: string, score: number, start: string) => ({
      id,
      match: { score, exactScore: score, reasons: [] },
      startDate: new Date(start),
    });
    const ranked = rankMatches(
      [item("b", 80, "2027-03-01"), item("a", 80, "2027-03-01"), item("c", 90, "2027-05-01"), item("d", 80, "2027-01-01")],
      3,
    );
    expect(ranked.map((r) => r.id)).toEqual(["c", "d", "a"]);
  });
});

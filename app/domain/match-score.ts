// How well an offer and a student fit, out of 100, with the reasons in French (flow 3). Pure and
// deterministic: the student's "Pour vous" page and the company's list of profiles both call it,
// each from its own point of view. The weights live here and nowhere else.
import type { ContractType, DegreeLevel, SchoolKind, StudentStatus } from "#app/generated/prisma/enums";
import { contractTypes, degreeLevels, inSentence, schoolKinds } from "./codes";
import { degreeOrder, degreeRank } from "./degree";
import { distanceKm, type LatLng } from "./geo";

/** Points for each criterion; they add up to 100. */
export const matchWeights = { area: 25, degree: 20, skills: 20, contract: 15, schoolKind: 10, dates: 10 } as const;

/**
 * How the points of a criterion fall off; with the weights above, every number the score uses.
 * - area: a wished region alone earns 80 % of the points; an offer at the edge of the wished radius
 *   loses 15 % (linearly from the centre), so near the wished commune ranks above the rest of the region;
 * - degree: an offer asking less than the student's level loses 25 % per level below (at most 75 %);
 * - skills: a skill usual in the offer's métier (its ROME fiche) counts half one written in the offer;
 *   a field of study counts in full when the offer or its métier holds all its words, half with half of them;
 * - dates: a start within a month of the availability counts in full, then falls to 70 % at three
 *   months; later starts earn half, earlier ones nothing.
 */
const decay = {
  regionOnlyShare: 0.8,
  atRadiusLoss: 0.15,
  perLevelBelow: 0.25,
  skillInJobShare: 0.5,
  fieldNearShare: 0.5,
  fullStartDays: 31,
  startWindowDays: 92,
  endOfWindowShare: 0.7,
  lateShare: 0.5,
} as const;

export interface MatchStudent {
  degreeLevel: DegreeLevel | null;
  schoolKind: SchoolKind;
  status?: StudentStatus;
  field: string;
  skills: string[];
  contractTypes: ContractType[];
  wishedRegions: { code: string; name: string }[];
  wishedTerritories: { id: string; name: string }[];
  /** A commune and a radius around it. */
  wishedPlace: { name: string; location: LatLng; radiusKm: number } | null;
  availableFrom: Date | null;
}

export interface MatchOffer {
  title: string;
  romeLabel: string;
  description: string;
  /** The words of the offer's ROME fiche: its name, job titles, definition and access (see matchWords). */
  jobWords: ReadonlySet<string>;
  regionCode: string;
  territoryId: string | null;
  communeName: string;
  location: LatLng | null;
  contractType: ContractType;
  degreeLevel: DegreeLevel;
  schoolKinds: SchoolKind[];
  startDate: Date;
}

export type MatchCriterion = keyof typeof matchWeights;
export type Viewpoint = "student" | "company";

export interface MatchReason {
  criterion: MatchCriterion;
  ok: boolean;
  text: string;
}

export interface Match {
  /** Out of 100, rounded: what the page shows. */
  score: number;
  /** The same before rounding: what ranks offers, so 3 km nearer or a closer start still counts. */
  exactScore: number;
  reasons: MatchReason[];
}

const contractName = (code: ContractType) => inSentence(contractTypes[code]);
const schoolKindName = (code: SchoolKind) => inSentence(schoolKinds[code]);
const degreeName = (code: DegreeLevel) => inSentence(degreeLevels[code]);
const stopWords = new Set([
  "les",
  "des",
  "une",
  "pour",
  "avec",
  "dans",
  "sur",
  "par",
  "aux",
  "est",
  "son",
  "ses",
  "leur",
  "vos",
  "nos",
  "and",
  "the",
]);

/** The words matching compares: lower case, without accents, 3 letters or more, common words left out. */
export function matchWords(text: string): Set<string> {
  return new Set(significantWords(text));
}

function significantWords(text: string): string[] {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .split(/[^a-z0-9+#]+/)
    .filter((word) => word.length >= 3 && !stopWords.has(word));
}

// One formatter for all calls: toLocaleDateString builds a new one each time, which dominated scoring.
const longDay = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const day = (date: Date) => longDay.format(date);

function say(viewpoint: Viewpoint, student: string, company: string): string {
  return viewpoint === "student" ? student : company;
}

interface Scored {
  points: number;
  reason?: Omit<MatchReason, "criterion">;
}

function areaScore(student: MatchStudent, offer: MatchOffer, v: Viewpoint): Scored {
  const full = matchWeights.area;
  const wishes = student.wishedTerritories.length + student.wishedRegions.length + (student.wishedPlace ? 1 : 0);
  if (wishes === 0) return { points: full / 2 };
  // Every wish the offer meets is said; the points are those of the best one.
  const met: { share: number; text: string }[] = [];
  const territory = student.wishedTerritories.find((t) => t.id === offer.territoryId);
  if (territory) {
    met.push({
      share: 1,
      text: say(
        v,
        `dans votre Territoire d'industrie souhaité (${territory.name})`,
        `souhaite travailler dans le Territoire d'industrie ${territory.name}`,
      ),
    });
  }
  const place = student.wishedPlace;
  const exactKm = place && offer.location ? distanceKm(place.location, offer.location) : null;
  const km = exactKm === null ? null : Math.round(exactKm);
  if (place && exactKm !== null && km !== null && km <= place.radiusKm) {
    met.push({
      share: 1 - (decay.atRadiusLoss * Math.min(exactKm, place.radiusKm)) / Math.max(place.radiusKm, 1),
      text: say(v, `à ${km} km de ${place.name}`, `souhaite travailler à moins de ${place.radiusKm} km de ${place.name} (${km} km)`),
    });
  }
  const region = student.wishedRegions.find((r) => r.code === offer.regionCode);
  if (region) {
    met.push({
      share: decay.regionOnlyShare,
      text: say(v, `dans votre région souhaitée (${region.name})`, `souhaite travailler en ${region.name}`),
    });
  }
  if (met.length > 0) {
    met.sort((a, b) => b.share - a.share);
    return { points: full * met[0].share, reason: { ok: true, text: met.map((m) => m.text).join(", ") } };
  }
  if (place && km !== null) {
    return {
      points: 0,
      reason: {
        ok: false,
        text: say(
          v,
          `à ${km} km de ${place.name}, au-delà de votre rayon de ${place.radiusKm} km`,
          `cherche à moins de ${place.radiusKm} km de ${place.name} (${km} km)`,
        ),
      },
    };
  }
  return {
    points: 0,
    reason: {
      ok: false,
      text: say(v, `hors de vos zones souhaitées (${offer.communeName})`, `ne cherche pas dans cette zone (${offer.communeName})`),
    },
  };
}

function degreeScore(student: MatchStudent, offer: MatchOffer, v: Viewpoint): Scored {
  const asked = degreeName(offer.degreeLevel);
  const has = student.degreeLevel ? degreeName(student.degreeLevel) : "le bac ou moins";
  const enough = student.degreeLevel !== null && degreeRank[student.degreeLevel] >= degreeRank[offer.degreeLevel];
  if (!enough) {
    return {
      points: 0,
      reason: { ok: false, text: say(v, `niveau ${asked} demandé, vous avez ${has}`, `niveau ${has}, en dessous du ${asked} demandé`) },
    };
  }
  const levelsBelow = degreeOrder.indexOf(student.degreeLevel as DegreeLevel) - degreeOrder.indexOf(offer.degreeLevel);
  if (levelsBelow === 0) {
    return {
      points: matchWeights.degree,
      reason: { ok: true, text: say(v, `niveau ${asked} demandé, vous avez ${has}`, `niveau ${has} pour ${asked} demandé`) },
    };
  }
  return {
    points: matchWeights.degree * Math.max(1 - decay.perLevelBelow * levelsBelow, 1 - 3 * decay.perLevelBelow),
    reason: {
      ok: false,
      text: say(v, `poste de niveau ${asked}, en dessous de votre ${has}`, `niveau ${has}, au-dessus du ${asked} demandé`),
    },
  };
}

// The offer's words are read once per offer, however many students it is scored against.
const offerWordsCache = new WeakMap<MatchOffer, Set<string>>();
function offerWords(offer: MatchOffer): Set<string> {
  let words = offerWordsCache.get(offer);
  if (!words) {
    words = matchWords(`${offer.title} ${offer.romeLabel} ${offer.description}`);
    offerWordsCache.set(offer, words);
  }
  return words;
}

function skillsScore(student: MatchStudent, offer: MatchOffer, v: Viewpoint): Scored {
  const inOffer = offerWords(offer);
  const within = (words: ReadonlySet<string>) => (phrase: string) => {
    const phraseWords = significantWords(phrase);
    return phraseWords.length > 0 && phraseWords.every((word) => words.has(word));
  };
  const written = student.skills.filter(within(inOffer));
  const usual = student.skills.filter((skill) => !written.includes(skill) && within(offer.jobWords)(skill));
  // A field whose every word the offer or its métier holds names it; half of them, only comes near.
  const fieldWords = significantWords(student.field);
  const fieldShared = fieldWords.filter((w) => inOffer.has(w) || offer.jobWords.has(w)).length;
  const fieldMatch = fieldWords.length > 0 && fieldShared * 2 >= fieldWords.length;
  const fieldShare = fieldShared === fieldWords.length ? 1 : decay.fieldNearShare;
  const found = written.length + usual.length * decay.skillInJobShare + (fieldMatch ? fieldShare : 0);
  if (found === 0) {
    return {
      points: 0,
      reason: {
        ok: false,
        text: say(
          v,
          "ni votre domaine ni vos compétences n'apparaissent dans l'offre ou son métier",
          "ni son domaine ni ses compétences n'apparaissent dans l'offre ou son métier",
        ),
      },
    };
  }
  const parts = [
    ...(fieldMatch ? [say(v, `votre domaine (${student.field})`, `son domaine (${student.field})`)] : []),
    ...written.map((skill) => `« ${skill} » (dans l'offre)`),
    ...usual.map((skill) => `« ${skill} » (courant dans ce métier)`),
  ];
  return {
    points: matchWeights.skills * Math.min(1, found / 2),
    reason: { ok: true, text: `correspond à ${parts.join(", ")}` },
  };
}

function contractScore(student: MatchStudent, offer: MatchOffer, v: Viewpoint): Scored {
  const name = contractName(offer.contractType);
  if (student.contractTypes.length === 0) return { points: matchWeights.contract };
  return student.contractTypes.includes(offer.contractType)
    ? {
        points: matchWeights.contract,
        reason: { ok: true, text: say(v, `${name}, le contrat que vous cherchez`, `cherche un contrat de ce type (${name})`) },
      }
    : {
        points: 0,
        reason: {
          ok: false,
          text: say(
            v,
            `contrat ${name}, vous cherchez : ${student.contractTypes.map((c) => contractName(c)).join(", ")}`,
            `cherche : ${student.contractTypes.map((c) => contractName(c)).join(", ")}`,
          ),
        },
      };
}

function schoolKindScore(student: MatchStudent, offer: MatchOffer, v: Viewpoint): Scored {
  return offer.schoolKinds.includes(student.schoolKind)
    ? {
        points: matchWeights.schoolKind,
        reason: {
          ok: true,
          text: say(v, `ouverte aux ${schoolKindName(student.schoolKind)}`, `formé(e) dans les ${schoolKindName(student.schoolKind)}`),
        },
      }
    : {
        points: 0,
        reason: {
          ok: false,
          text: say(
            v,
            `réservée aux ${offer.schoolKinds.map((k) => schoolKindName(k)).join(" et ")}`,
            `formé(e) dans les ${schoolKindName(student.schoolKind)}, hors de votre cible`,
          ),
        },
      };
}

function datesScore(student: MatchStudent, offer: MatchOffer, v: Viewpoint): Scored {
  if (!student.availableFrom) return { points: matchWeights.dates };
  const daysAfter = Math.round((offer.startDate.getTime() - student.availableFrom.getTime()) / 86_400_000);
  if (daysAfter < 0) {
    return {
      points: 0,
      reason: {
        ok: false,
        text: say(
          v,
          `démarre le ${day(offer.startDate)}, avant votre date de disponibilité (${day(student.availableFrom)})`,
          `disponible le ${day(student.availableFrom)}, après le début prévu`,
        ),
      },
    };
  }
  if (daysAfter > decay.startWindowDays) {
    return {
      points: matchWeights.dates * decay.lateShare,
      reason: {
        ok: false,
        text: say(
          v,
          `démarre le ${day(offer.startDate)}, plus de 3 mois après votre date de disponibilité`,
          `disponible dès le ${day(student.availableFrom)}, plus de 3 mois avant le début`,
        ),
      },
    };
  }
  const late = Math.max(0, daysAfter - decay.fullStartDays) / (decay.startWindowDays - decay.fullStartDays);
  return {
    points: matchWeights.dates * (1 - (1 - decay.endOfWindowShare) * late),
    reason: {
      ok: true,
      text: say(
        v,
        `démarre le ${day(offer.startDate)}, peu après votre date de disponibilité`,
        `disponible le ${day(student.availableFrom)}, avant le début prévu`,
      ),
    },
  };
}

const criteria: Record<MatchCriterion, (s: MatchStudent, o: MatchOffer, v: Viewpoint) => Scored> = {
  area: areaScore,
  degree: degreeScore,
  skills: skillsScore,
  contract: contractScore,
  schoolKind: schoolKindScore,
  dates: datesScore,
};

export function matchScore(student: MatchStudent, offer: MatchOffer, viewpoint: Viewpoint = "student"): Match {
  let score = 0;
  const reasons: MatchReason[] = [];
  for (const [criterion, scoreOf] of Object.entries(criteria) as [MatchCriterion, typeof areaScore][]) {
    const { points, reason } = scoreOf(student, offer, viewpoint);
    score += points;
    if (reason) reasons.push({ criterion, ...reason });
  }
  // Strengths first, then what does not fit, each in the order of the weights.
  reasons.sort((a, b) => Number(b.ok) - Number(a.ok));
  return { score: Math.round(score), exactScore: score, reasons };
}

/** Best first; ties by earlier start, then by id, so the same inputs always give the same list. */
export function rankMatches<T extends { id: string; match: Match; startDate: Date }>(items: T[], limit: number): T[] {
  return [...items]
    .sort((a, b) => b.match.exactScore - a.match.exactScore || a.startDate.getTime() - b.startDate.getTime() || a.id.localeCompare(b.id))
    .slice(0, limit);
}

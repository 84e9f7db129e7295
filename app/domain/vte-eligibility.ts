// Does an offer carry the VTE label, and why? A pure rule set: the offer editor, the moderation
// queue, the search badges and the statistics all read the same decision and reasons.

import type { ContractType, DegreeLevel, SizeBand } from "#app/generated/prisma/enums";
import { contractTypes, inSentence, minimumDegreeWords } from "./codes";
import { graduateYears } from "./student-eligibility";
import { phaseLabel } from "./territory-phase";
import { programmeSources } from "./programme-sources";

export interface OfferFacts {
  contractType: ContractType;
  durationMonths: number | null;
  degreeLevel: DegreeLevel | null;
  /** The workplace commune's Territoire d'industrie in the phase in force, if any. */
  workplaceTerritory: { name: string; phase: string } | null;
  /** The ROME fiche is flagged for the ecological transition. */
  romeEcologicalTransition: boolean;
}

export interface CompanyFacts {
  sizeBand: SizeBand;
  headOfficeInFrance: boolean;
}

export type ReasonCode =
  | "company.size_ok"
  | "company.too_large"
  | "company.head_office_ok"
  | "company.head_office_abroad"
  | "contract.cdi"
  | "contract.long_enough"
  | "contract.too_short"
  | "contract.duration_missing"
  | "contract.internship_pre_vte"
  | "degree.ok"
  | "degree.missing"
  | "territory.inside"
  | "territory.outside"
  | "green.flagged"
  | "green.not_flagged";

export interface Reason {
  code: ReasonCode;
  ok: boolean;
  message: string;
}

export interface VteDecision {
  /** The offer carries the VTE label. */
  eligible: boolean;
  /** …and the "VTE Territoires d'industrie" label (eligible and workplace in a territory). */
  territoryLabel: boolean;
  /** VTE Vert is proposed (eligible and the ROME fiche is flagged for the ecological transition). */
  green: boolean;
  /** An internship is accepted as a pré-VTE, shown as such, without the VTE label. */
  preVte: boolean;
  reasons: Reason[];
}

export const minimumContractMonths = 12;
/** "Le CDD", "L'alternance": a contract as the subject of a reason (every contract name is masculine or elided). */
function contractSubject(contractType: ContractType): string {
  const name = inSentence(contractTypes[contractType]);
  return /^[aeiouyéh]/i.test(name) ? `L'${name}` : `Le ${name}`;
}

function reason(code: ReasonCode, ok: boolean, message: string): Reason {
  return { code, ok, message };
}

function contractReason(offer: OfferFacts): Reason {
  if (offer.contractType === "STAGE_PRE_VTE") {
    return reason("contract.internship_pre_vte", false, "Un stage est accepté comme stage de pré-VTE, sans le label VTE.");
  }
  const name = contractSubject(offer.contractType);
  if (offer.contractType === "CDI") return reason("contract.cdi", true, `${name} ouvre droit au VTE.`);
  if (offer.durationMonths == null) {
    return reason("contract.duration_missing", false, `${name} doit indiquer sa durée (au moins ${minimumContractMonths} mois).`);
  }
  return offer.durationMonths >= minimumContractMonths
    ? reason("contract.long_enough", true, `${name} de ${offer.durationMonths} mois dure au moins ${minimumContractMonths} mois.`)
    : reason(
        "contract.too_short",
        false,
        `${name} de ${offer.durationMonths} mois est trop court : il faut au moins ${minimumContractMonths} mois.`,
      );
}

export function vteEligibility(offer: OfferFacts, company: CompanyFacts): VteDecision {
  const reasons: Reason[] = [
    company.sizeBand === "GE"
      ? reason("company.too_large", false, "Le VTE est réservé aux PME et ETI (moins de 5 000 salariés).")
      : reason("company.size_ok", true, company.sizeBand === "PME" ? "L'entreprise est une PME." : "L'entreprise est une ETI."),
    company.headOfficeInFrance
      ? reason("company.head_office_ok", true, "Le siège de l'entreprise est en France.")
      : reason("company.head_office_abroad", false, "Le siège de l'entreprise doit être en France."),
    contractReason(offer),
    offer.degreeLevel
      ? reason("degree.ok", true, `Le niveau demandé est d'au moins ${minimumDegreeWords()}.`)
      : reason("degree.missing", false, `Le niveau d'études demandé (${minimumDegreeWords()} au moins) doit être indiqué.`),
  ];
  const eligible = reasons.every((r) => r.ok);
  const territory = offer.workplaceTerritory;
  const inTerritory = territory !== null;
  reasons.push(
    territory
      ? reason(
          "territory.inside",
          true,
          `Le lieu de travail est dans le Territoire d'industrie ${territory.name} (${phaseLabel(territory.phase)}) : label VTE Territoires d'industrie.`,
        )
      : reason(
          "territory.outside",
          false,
          "Le lieu de travail n'est dans aucun Territoire d'industrie de la liste en vigueur : pas de label Territoires d'industrie.",
        ),
    offer.romeEcologicalTransition
      ? reason("green.flagged", true, "Le métier contribue à la transition écologique : VTE Vert proposé.")
      : reason("green.not_flagged", false, "Le métier n'est pas repéré pour la transition écologique : pas de VTE Vert."),
  );
  return {
    eligible,
    territoryLabel: eligible && inTerritory,
    green: eligible && offer.romeEcologicalTransition,
    preVte: offer.contractType === "STAGE_PRE_VTE",
    reasons,
  };
}

/** Reasons that only name labels (Territoires d'industrie, VTE Vert): they never stop publication. */
const labelReasons: ReasonCode[] = ["territory.inside", "territory.outside", "green.flagged", "green.not_flagged"];

/** A reason that says which label the offer gets, not whether it may be a VTE. */
export const isLabelReason = (code: ReasonCode) => labelReasons.includes(code);

/**
 * Whether an offer may be published: a VTE offer, or an internship that every other rule accepts
 * (published as a "stage de pré-VTE", labelled so). `blocking` are the reasons it may not.
 */
export function publishable(decision: VteDecision): { ok: boolean; blocking: Reason[] } {
  const blocking = decision.reasons.filter(
    (r) => !r.ok && !labelReasons.includes(r.code) && !(decision.preVte && r.code === "contract.internship_pre_vte"),
  );
  return { ok: blocking.length === 0, blocking };
}

/**
 * The decision stored with an offer when it was last saved or reassessed: its labels are columns,
 * its reasons JSON. Null for an offer saved before reasons were stored whole (codes only): its
 * decision is computed again until `npm run offers:reassess` stores it.
 */
export function storedDecision(offer: {
  vteEligible: boolean;
  vteTerritory: boolean;
  vteGreen: boolean;
  contractType: ContractType;
  eligibilityReasons: unknown;
}): VteDecision | null {
  const reasons = offer.eligibilityReasons;
  const whole = (reason: unknown): reason is Reason =>
    typeof reason === "object" && reason !== null && "code" in reason && "ok" in reason && "message" in reason;
  if (!Array.isArray(reasons) || reasons.length === 0 || !reasons.every(whole)) return null;
  return {
    eligible: offer.vteEligible,
    territoryLabel: offer.vteTerritory,
    green: offer.vteGreen,
    preVte: offer.contractType === "STAGE_PRE_VTE",
    reasons,
  };
}

/**
 * Where the eligibility rules above come from, with the date each source gives: the rules apply as
 * these public pages state them on those dates (Bpifrance's charter decides).
 */
export const eligibilityRuleSources = [
  {
    rule: "Entreprise : PME ou ETI (TPE comprises), immatriculée en France",
    source: programmeSources.datalegal,
  },
  {
    rule: `Contrat : CDI, ou CDD et alternance d'au moins ${minimumContractMonths} mois`,
    source: programmeSources.datalegal,
  },
  {
    rule: `Jeune : à partir de ${minimumDegreeWords()}, en alternance ou diplômé depuis moins de ${graduateYears} ans`,
    source: programmeSources.prefecturePuyDeDome,
  },
] as const;

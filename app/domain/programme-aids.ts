// The aids a VTE hire may open, as published by the sources named here: one place for the amounts,
// their conditions, the date each source gives and the sources themselves. The platform shows
// them as an estimate (Bpifrance decides and pays); a changed amount is a change here, dated.

import { programmeSources as sources } from "./programme-sources";

export const programmeAids = {
  territories: {
    label: "Aide VTE Territoires d'industrie",
    amountEuros: 4_000,
    condition: "pour une entreprise dont le poste est dans un Territoire d'industrie, sur une offre labellisée VTE Territoires d'industrie",
    appliesFrom: null,
    sources: [sources.cciParis, sources.capMetiers],
  },
  green: {
    label: "Aide VTE Vert",
    amountEuros: 12_000,
    /** When the hire also opens the apprenticeship aid (a work-study contract). */
    amountWithApprenticeshipAidEuros: 8_000,
    condition:
      "pour une mission contribuant à la transition écologique de l'entreprise ; une aide par établissement, cinq établissements au plus par entreprise",
    maxPerCompany: 5,
    appliesFrom: "2022-02-28",
    sources: [sources.prefecturePuyDeDome, sources.prefectureNord, sources.cciParis],
  },
} as const;

export interface AidEstimate {
  label: string;
  amountEuros: number;
  why: string;
}

/**
 * What a hire may open, as an estimate: the facts of the offer (its labels and contract) and how
 * many VTE Vert aids the company already opened on the platform.
 */
export function estimateAids(facts: {
  territoryLabel: boolean;
  green: boolean;
  contractType: string;
  greenHiresOfCompany: number;
}): AidEstimate[] {
  const aids: AidEstimate[] = [];
  if (facts.territoryLabel) {
    aids.push({
      label: programmeAids.territories.label,
      amountEuros: programmeAids.territories.amountEuros,
      why: "l'offre porte le label VTE Territoires d'industrie",
    });
  }
  if (facts.green && facts.greenHiresOfCompany < programmeAids.green.maxPerCompany) {
    const workStudy = facts.contractType === "ALTERNANCE";
    aids.push({
      label: programmeAids.green.label,
      amountEuros: workStudy ? programmeAids.green.amountWithApprenticeshipAidEuros : programmeAids.green.amountEuros,
      why: workStudy
        ? "le métier contribue à la transition écologique ; montant réduit en cas de cumul avec l'aide à l'alternance"
        : "le métier contribue à la transition écologique, si l'établissement n'en a pas déjà reçu une",
    });
  }
  return aids;
}

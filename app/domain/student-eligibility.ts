// Can a student or young graduate take a VTE, and why? A pure rule set, in the style of the offer
// eligibility: the profile page, matching and the school dashboard read the same decision.
import type { DegreeLevel, StudentStatus } from "#app/generated/prisma/enums";
import { degreeLevels, inSentence, minimumDegreeWords } from "./codes";

export interface StudentFacts {
  /** Null: the bac or below. */
  degreeLevel: DegreeLevel | null;
  status: StudentStatus;
  /** For a graduate: when the degree was obtained. */
  graduationDate: Date | null;
}

export type StudentReasonCode =
  | "degree.ok"
  | "degree.too_low"
  | "status.work_study"
  | "status.recent_graduate"
  | "status.graduated_too_long_ago"
  | "status.graduation_date_missing"
  | "status.initial_training";

interface StudentReason {
  code: StudentReasonCode;
  ok: boolean;
  message: string;
}

export interface StudentDecision {
  eligible: boolean;
  reasons: StudentReason[];
}

/** A graduate stays eligible this many years after the degree. */
export const graduateYears = 2;

function addYears(date: Date, years: number): Date {
  const copy = new Date(date);
  copy.setUTCFullYear(copy.getUTCFullYear() + years);
  return copy;
}

function statusReason(student: StudentFacts, today: Date): StudentReason {
  switch (student.status) {
    case "WORK_STUDY":
      return { code: "status.work_study", ok: true, message: "Vous êtes en alternance." };
    case "STUDENT":
      return {
        code: "status.initial_training",
        ok: false,
        message: "Le VTE s'adresse aux alternants et aux jeunes diplômés ; en formation initiale, un stage de pré-VTE vous est ouvert.",
      };
    case "GRADUATED": {
      if (!student.graduationDate) {
        return {
          code: "status.graduation_date_missing",
          ok: false,
          message: "Indiquez la date de votre diplôme : le VTE est ouvert pendant 2 ans après le diplôme.",
        };
      }
      const limit = addYears(student.graduationDate, graduateYears);
      const until = limit.toLocaleDateString("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
      return limit >= today
        ? {
            code: "status.recent_graduate",
            ok: true,
            message: `Vous êtes diplômé(e) depuis moins de ${graduateYears} ans (jusqu'au ${until}).`,
          }
        : {
            code: "status.graduated_too_long_ago",
            ok: false,
            message: `Votre diplôme a plus de ${graduateYears} ans (le délai a pris fin le ${until}).`,
          };
    }
  }
}

export function studentEligibility(student: StudentFacts, today = new Date()): StudentDecision {
  const reasons: StudentReason[] = [
    student.degreeLevel
      ? {
          code: "degree.ok",
          ok: true,
          message: `Votre niveau (${inSentence(degreeLevels[student.degreeLevel])}) est d'au moins ${minimumDegreeWords()}.`,
        }
      : { code: "degree.too_low", ok: false, message: `Le VTE demande un niveau d'au moins ${minimumDegreeWords()}.` },
    statusReason(student, today),
  ];
  return { eligible: reasons.every((r) => r.ok), reasons };
}

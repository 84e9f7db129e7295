// The French words of every enumerated code an offer or a profile carries: its label, the form it
// takes inside a sentence, the words search finds it by and the word it takes in a URL. One place:
// a page, a reason, a search document or a link reads them from here, so changing a label is one
// line. Typed from the Prisma enums, so a new code cannot be left without words.
import type { ContractType, DegreeLevel, PayPeriod, RemotePolicy, SchoolKind, StudentStatus } from "#app/generated/prisma/enums";

export interface CodeWords {
  /** As a label or a list item: "Alternance". */
  label: string;
  /** Inside a sentence, when it is not the label with a lower-case initial: "autres formations". */
  inSentence?: string;
  /** Said once more in a form, after the label: "(apprentissage ou professionnalisation)". */
  detail?: string;
  /** Words people type for it besides the label (typo tolerance does not reach synonyms). */
  synonyms?: string[];
  /** Its word in a search URL (`contrat=alternance`); codes without one are not filters. */
  urlWord?: string;
}

export const contractTypes = {
  CDI: { label: "CDI", urlWord: "cdi" },
  CDD: { label: "CDD", urlWord: "cdd" },
  ALTERNANCE: {
    label: "Alternance",
    detail: "apprentissage ou professionnalisation",
    synonyms: ["apprentissage", "professionnalisation"],
    urlWord: "alternance",
  },
  STAGE_PRE_VTE: { label: "Stage de pré-VTE", urlWord: "stage" },
} satisfies Record<ContractType, CodeWords>;

export const degreeLevels = {
  BAC2: { label: "Bac+2", urlWord: "bac2" },
  BAC3: { label: "Bac+3", urlWord: "bac3" },
  BAC4: { label: "Bac+4", urlWord: "bac4" },
  BAC5: { label: "Bac+5", urlWord: "bac5" },
  DOCTORATE: { label: "Doctorat", urlWord: "doctorat" },
} satisfies Record<DegreeLevel, CodeWords>;

/** The lowest degree the VTE accepts, and its words ("bac+2"). */
const minimumDegree = "BAC2" as const satisfies DegreeLevel;
export const minimumDegreeWords = (): string => inSentence(degreeLevels[minimumDegree]);

/** A profile's degree below bac+2 (stored as null: not VTE-eligible). */
export const belowBac2 = { code: "BAC", label: "Bac ou moins" } as const;

/** Kinds of school, in the plural (a filter, a list of schools) and the singular (one's own). */
export const schoolKinds = {
  ENGINEERING: { label: "Écoles d'ingénieurs", one: "École d'ingénieurs", urlWord: "ingenieur" },
  BUSINESS: { label: "Écoles de commerce", one: "École de commerce", urlWord: "commerce" },
  UNIVERSITY: { label: "Universités", one: "Université" },
  OTHER: { label: "Autres", one: "Autre", inSentence: "autres formations" },
} satisfies Record<SchoolKind, CodeWords & { one: string }>;

/** The school kinds the VTE recruits from, which an offer targets. */
export const offerSchoolKinds = ["ENGINEERING", "BUSINESS"] as const satisfies readonly SchoolKind[];

/** Whether offers can target this kind of school (a university student is not filtered out by it). */
export function isOfferSchoolKind(kind: string): kind is (typeof offerSchoolKinds)[number] {
  return (offerSchoolKinds as readonly string[]).includes(kind);
}

export const remotePolicies = {
  NONE: { label: "Sur site", urlWord: "aucun" },
  PARTIAL: { label: "Télétravail partiel", urlWord: "partiel" },
  FULL: { label: "Télétravail complet", urlWord: "complet" },
} satisfies Record<RemotePolicy, CodeWords>;

export const studentStatuses = {
  WORK_STUDY: { label: "En alternance" },
  STUDENT: { label: "Étudiant(e) en formation initiale" },
  GRADUATED: { label: "Diplômé(e)" },
} satisfies Record<StudentStatus, CodeWords>;

export const payPeriods = {
  YEAR: { label: "brut par an" },
  MONTH: { label: "brut par mois" },
} satisfies Record<PayPeriod, CodeWords>;

type Codes<C extends string> = Record<C, CodeWords>;

/** The codes of a list, in its order, as a tuple zod's `z.enum` takes. */
export function codesOf<C extends string>(codes: Codes<C>): [C, ...C[]] {
  return Object.keys(codes) as [C, ...C[]];
}

/** The label of a code, or the code itself when it is unknown (an old value in a URL). */
export function labelOf<C extends string>(codes: Codes<C>, code: string): string {
  return (codes as Record<string, CodeWords>)[code]?.label ?? code;
}

/** A label as a sentence says it: acronyms stay ("CDI"), other words lose their capital. */
export function inSentence(words: CodeWords): string {
  if (words.inSentence) return words.inSentence;
  return /^[A-Z]{2,}\b/.test(words.label) ? words.label : words.label.charAt(0).toLowerCase() + words.label.slice(1);
}

/** A label with its detail, as a form offers it: "Alternance (apprentissage ou professionnalisation)". */
export function formLabel(words: CodeWords): string {
  return words.detail ? `${words.label} (${words.detail})` : words.label;
}

/** Everything search finds a code by: its label and its synonyms. */
export function searchWords(words: CodeWords): string {
  return [words.label, ...(words.synonyms ?? [])].join(" ");
}

/** The options of a select or a group of boxes, in the list's order. */
export function optionsOf<C extends string>(
  codes: Codes<C>,
  label: (words: CodeWords) => string = (words) => words.label,
): { value: C; label: string }[] {
  return (Object.entries(codes) as [C, CodeWords][]).map(([value, words]) => ({ value, label: label(words) }));
}

/** URL word -> code, for the codes that have one. */
export function codesByUrlWord<C extends string>(codes: Codes<C>): Record<string, C> {
  return Object.fromEntries(
    (Object.entries(codes) as [C, CodeWords][]).filter(([, words]) => words.urlWord).map(([code, words]) => [words.urlWord, code]),
  );
}

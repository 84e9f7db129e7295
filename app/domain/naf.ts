// NAF rev. 2 codes as the platform filters by them: a section is a letter (C, "Industrie
// manufacturière"), a division two digits (25, "Fabrication de produits métalliques").

/** The levels a search or a dashboard filters by. */
export type NafFilterLevel = "section" | "division";

const patterns: Record<NafFilterLevel, RegExp> = { section: /^[A-U]$/, division: /^\d{2}$/ };

/** The level of a filter code, or null when it is neither a section nor a division. */
export function nafFilterLevel(code: string): NafFilterLevel | null {
  if (patterns.section.test(code)) return "section";
  if (patterns.division.test(code)) return "division";
  return null;
}

export const isNafSection = (code: string): boolean => nafFilterLevel(code) === "section";
export const isNafDivision = (code: string): boolean => nafFilterLevel(code) === "division";

/** Splits chosen sector codes into sections and divisions (anything else is dropped). */
export function splitNafCodes(codes: string[]): { sections: string[]; divisions: string[] } {
  return { sections: codes.filter(isNafSection), divisions: codes.filter(isNafDivision) };
}

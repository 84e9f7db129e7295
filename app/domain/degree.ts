// Degree levels: their order (for "at least") and how a sentence names them.
import type { DegreeLevel } from "./vte-eligibility";

/** Years after the bac; a doctorate counts as 8. */
export const degreeRank: Record<DegreeLevel, number> = { BAC2: 2, BAC3: 3, BAC4: 4, BAC5: 5, DOCTORATE: 8 };

export const degreeNames: Record<DegreeLevel, string> = { BAC2: "bac+2", BAC3: "bac+3", BAC4: "bac+4", BAC5: "bac+5", DOCTORATE: "doctorat" };

/** The levels a holder of `level` has reached, lowest first. */
export function levelsUpTo(level: DegreeLevel): DegreeLevel[] {
  return (Object.keys(degreeRank) as DegreeLevel[]).filter((l) => degreeRank[l] <= degreeRank[level]);
}

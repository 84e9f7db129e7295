// Degree levels: their order (for "at least"); their words are in codes.ts.
import type { DegreeLevel } from "#app/generated/prisma/enums";

/** Years after the bac; a doctorate counts as 8. */
export const degreeRank: Record<DegreeLevel, number> = { BAC2: 2, BAC3: 3, BAC4: 4, BAC5: 5, DOCTORATE: 8 };

/** The levels a holder of `level` has reached, lowest first. */
export function levelsUpTo(level: DegreeLevel): DegreeLevel[] {
  return (Object.keys(degreeRank) as DegreeLevel[]).filter((l) => degreeRank[l] <= degreeRank[level]);
}

/** The levels in order, lowest first. */
export const degreeOrder = (Object.keys(degreeRank) as DegreeLevel[]).sort((a, b) => degreeRank[a] - degreeRank[b]);

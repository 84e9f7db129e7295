// A hire becomes a placement: the contract the company confirms, and how long the hire can be undone.

export const undoHireDays = 30;

/** Gross yearly pay bands, as the company confirms them (no exact pay is stored). */
export const payBands = [
  { value: "LT_25K", label: "moins de 25 000 € brut par an" },
  { value: "25K_30K", label: "de 25 000 à 30 000 €" },
  { value: "30K_35K", label: "de 30 000 à 35 000 €" },
  { value: "35K_45K", label: "de 35 000 à 45 000 €" },
  { value: "GE_45K", label: "45 000 € ou plus" },
  { value: "UNDISCLOSED", label: "non communiquée" },
] as const;

export type PayBand = (typeof payBands)[number]["value"];

/** A hire can be taken back within 30 days; after that it is part of the territory's record. */
export function canUndoHire(hiredAt: Date, now: Date): boolean {
  return now.getTime() - hiredAt.getTime() <= undoHireDays * 86_400_000;
}

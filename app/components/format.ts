const countFormat = new Intl.NumberFormat("fr-FR");

/** 16151 -> "16 151", as French readers expect. */
export function formatCount(value: number): string {
  return countFormat.format(value);
}

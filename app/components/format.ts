const countFormat = new Intl.NumberFormat("fr-FR");

/** 16151 -> "16 151", as French readers expect. */
export function formatCount(value: number): string {
  return countFormat.format(value);
}

/** 1 -> "1 minute", 5 -> "5 minutes": how long a rate-limited person waits. */
export function formatMinutes(minutes: number): string {
  return `${minutes} minute${minutes > 1 ? "s" : ""}`;
}

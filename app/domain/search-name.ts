/**
 * A commune or place name reduced for comparison: upper case, no accents, no punctuation, and
 * "St"/"Ste" spelled out, so "saint etienne", "St-Étienne" and "SAINT-ETIENNE" are the same key.
 */
export function searchName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toUpperCase()
    .replace(/Œ/g, "OE")
    .replace(/Æ/g, "AE")
    .replace(/[^A-Z0-9]+/g, " ")
    .replace(/\bSTE\b/g, "SAINTE")
    .replace(/\bST\b/g, "SAINT")
    .trim();
}

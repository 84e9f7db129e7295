// Rules on what a student gives the profile form: the CV file and the list of skills.
import { searchName } from "./search-name";

/** At most 2 MB, and a PDF by its content ("%PDF-" at the start), whatever its name says. */
export const maxCvBytes = 2 * 1024 * 1024;

export function cvProblem(bytes: Uint8Array, size: number): string | null {
  if (size > maxCvBytes)
    return `Le CV dépasse 2 Mo (${(size / 1024 / 1024).toLocaleString("fr-FR", { maximumFractionDigits: 1 })} Mo) : réduisez-le, par exemple en l'exportant sans images haute définition.`;
  const magic = new TextDecoder("latin1").decode(bytes.subarray(0, 5));
  if (magic !== "%PDF-") return "Le CV doit être un fichier PDF : ce fichier n'en est pas un, même si son nom finit par .pdf.";
  return null;
}

/** Skills typed as a comma-separated list: trimmed, without duplicates, at most 20. */
export function parseSkills(text: string): string[] {
  const seen = new Set<string>();
  const skills: string[] = [];
  for (const raw of text.split(/[,;\n]/)) {
    const skill = raw.trim().replace(/\s+/g, " ");
    if (skill && !seen.has(searchName(skill))) {
      seen.add(searchName(skill));
      skills.push(skill);
    }
  }
  return skills.slice(0, 20);
}

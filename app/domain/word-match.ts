// Suggestions as people type them: without accents or capitals, words in any order, the last one
// possibly unfinished ("arts et metiers", "HEC", "logisticien", "soud"). Pure: the look-ups
// (job titles, skills, establishments) hold their entries in memory and rank them with this.

/** Lower case, without accents or ligatures, punctuation as spaces: "Métiers-Œuvre" -> "metiers oeuvre". */
export function foldText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/[^a-z0-9+#]+/g, " ")
    .trim();
}

export function foldedWords(text: string): string[] {
  const folded = foldText(text);
  return folded ? folded.split(" ") : [];
}

/** Words that say nothing about what is meant; a query made only of them matches nothing. */
const linkWords = new Set(["a", "au", "aux", "d", "de", "des", "du", "en", "et", "l", "la", "le", "les", "ou", "pour", "sur", "un", "une"]);

export const significantFoldedWords = (text: string) => foldedWords(text).filter((word) => !linkWords.has(word));

/** An entry as the matcher reads it: what it shows, and other names it answers to (acronyms, short names). */
export interface WordEntry {
  label: string;
  aliases?: (string | null)[];
}

interface PreparedEntry<T> {
  entry: T;
  words: string[];
  /** Each name folded whole, to recognise a query that is exactly one of them ("hec paris", "ensam"). */
  names: string[];
  labelLength: number;
}

export interface WordMatcher<T extends WordEntry> {
  /** The entries whose words start with every significant word typed, best first. */
  find(query: string, take: number): T[];
}

/**
 * Ranks entries for a query: an entry named exactly as typed first, then entries where more typed
 * words are whole words, then those whose label starts with the first word, then the shorter labels.
 */
export function wordMatcher<T extends WordEntry>(entries: T[]): WordMatcher<T> {
  const prepared: PreparedEntry<T>[] = entries.map((entry) => {
    const names = [entry.label, ...(entry.aliases ?? [])].filter((name): name is string => !!name);
    return {
      entry,
      words: [...new Set(names.flatMap(foldedWords))],
      names: names.map(foldText),
      labelLength: entry.label.length,
    };
  });
  return {
    find(query, take) {
      const typed = significantFoldedWords(query);
      if (typed.length === 0 || typed.join("").length < 2) return [];
      const whole = foldText(query);
      const scored: { item: PreparedEntry<T>; score: number }[] = [];
      for (const item of prepared) {
        let wholeWords = 0;
        let all = true;
        for (const word of typed) {
          let found = false;
          for (const candidate of item.words) {
            if (candidate === word) {
              wholeWords++;
              found = true;
              break;
            }
            if (!found && candidate.startsWith(word)) found = true;
          }
          if (!found) {
            all = false;
            break;
          }
        }
        if (!all) continue;
        const named = item.names.some((name) => name === whole || name.split(" ")[0] === whole);
        const startsWithFirst = item.names[0].startsWith(typed[0]);
        scored.push({ item, score: (named ? 1000 : 0) + wholeWords * 10 + (startsWithFirst ? 5 : 0) });
      }
      scored.sort(
        (a, b) => b.score - a.score || a.item.labelLength - b.item.labelLength || a.item.entry.label.localeCompare(b.item.entry.label),
      );
      return scored.slice(0, take).map(({ item }) => item.entry);
    },
  };
}

/** The words of several labels, each once, as first written, link words left out: "Chaudronnier Chaudronnière soudeur …". */
export function distinctWords(labels: string[]): string {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const label of labels) {
    for (const token of label.split(/[\s/,;:()]+/)) {
      const key = foldText(token);
      if (!key || linkWords.has(key) || seen.has(key)) continue;
      seen.add(key);
      kept.push(token);
    }
  }
  return kept.join(" ");
}

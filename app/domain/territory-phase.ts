// Phases of the Territoires d'industrie: each official list is in force from its date, and a
// territory is identified by its phase and its id ("2019-2022/ti-8411"), since ids are reused
// between phases for other territories. Pure: the phases themselves are data (territory_phase).

export interface Phase {
  id: string; // "2023-2027"
  startsOn: Date;
}

/** The key of a territory: its phase and its id in that phase's list. */
export function territoryKey(phase: string, code: string): string {
  return `${phase}/${code}`;
}

/** "2023-2027/ti-8417" → { phase: "2023-2027", code: "ti-8417" }; null when it is not a key. */
export function splitTerritoryKey(key: string): { phase: string; code: string } | null {
  const match = /^(\d{4}-\d{4})\/(ti-\d{4})$/.exec(key);
  return match ? { phase: match[1], code: match[2] } : null;
}

export const territoryKeyPattern = /^\d{4}-\d{4}\/ti-\d{4}$/;

/** The phase in force on a date: the latest one started by then (the earliest before any). */
export function phaseInForce(phases: Phase[], date: Date): string {
  const sorted = [...phases].sort((a, b) => a.startsOn.getTime() - b.startsOn.getTime());
  if (sorted.length === 0) throw new Error("No phase of the Territoires d'industrie is recorded.");
  return (sorted.filter((phase) => phase.startsOn.getTime() <= date.getTime()).at(-1) ?? sorted[0]).id;
}

/** "2023-2027" → "2023–2027", as the pages write it. */
export const phaseLabel = (phase: string) => phase.replace("-", "–");

/** The public address of a territory's page: its phase and its id (`/territoires/2023-2027/ti-8417`). */
export const territoryPath = (key: string) => `/territoires/${key}`;

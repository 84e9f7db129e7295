// The phases of the Territoires d'industrie recorded in the database, and the one in force.
import { db } from "#app/platform/db.server";
import { phaseInForce, type Phase } from "#app/domain/territory-phase";

let cached: { phases: Phase[]; until: number } | null = null;

/** Every recorded phase (read at most once a minute: a new list is loaded rarely). */
export async function territoryPhases(): Promise<Phase[]> {
  if (cached && cached.until > Date.now()) return cached.phases;
  const phases = await db().territoryPhase.findMany({ select: { id: true, startsOn: true }, orderBy: { startsOn: "asc" } });
  cached = { phases, until: Date.now() + 60_000 };
  return phases;
}

/** Forgets the cached phases (after a list is loaded). */
export function forgetTerritoryPhases(): void {
  cached = null;
}

/** The phase in force on a date (today by default). */
export async function phaseAt(date = new Date()): Promise<string> {
  return phaseInForce(await territoryPhases(), date);
}

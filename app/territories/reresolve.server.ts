// When the phase in force changes (its date passes, or a new list is loaded), companies and offers
// move to the territories of the new list; placements do not (they keep the territory in force on
// their hire date). Students' wished territories and saved searches move to the territories that
// took over their communes. Set-based and idempotent: a second run moves nothing.
import type { SqlConnection } from "#app/platform/db.server";
import { splitTerritoryKey, territoryKey } from "#app/domain/territory-phase";
import { rebuildTerritoryStatistics } from "#app/statistics/statistics.server";
import { enqueueMany } from "#app/platform/outbox.server";
import { reassessOffers } from "#app/offers/reassess.server";

export interface ReresolveReport {
  phase: string;
  companies: number;
  offers: number;
  /** Published offers whose territory changed: queued for reindexing. */
  reindexed: number;
  wishes: number;
  savedSearches: number;
  territoriesRecounted: number;
}

/** The territory of a phase holding a commune (a qualified column), in SQL (the lowest key when a commune is in two). */
const territoryOfCommune = (commune: string) =>
  `(SELECT tc.territory_id FROM territory_commune tc JOIN territory t ON t.id = tc.territory_id
    WHERE tc.commune_code = ${commune} AND t.phase = $1 ORDER BY tc.territory_id LIMIT 1)`;

/** For each territory of another phase, the territory of `phase` that holds most of its communes. */
async function successors(sql: SqlConnection, phase: string): Promise<Map<string, string>> {
  const rows = await sql.query<{ old: string; successor: string }>(
    `SELECT DISTINCT ON (mine.territory_id) mine.territory_id AS old, other.territory_id AS successor
     FROM territory_commune mine
     JOIN territory t_mine ON t_mine.id = mine.territory_id AND t_mine.phase <> $1
     JOIN territory_commune other ON other.commune_code = mine.commune_code
     JOIN territory t_other ON t_other.id = other.territory_id AND t_other.phase = $1
     GROUP BY mine.territory_id, other.territory_id
     ORDER BY mine.territory_id, count(*) DESC, other.territory_id`,
    [phase],
  );
  return new Map(rows.map((row) => [row.old, row.successor]));
}

export async function reresolveTerritories(
  sql: SqlConnection,
  phase: string,
  step: (name: string) => void = () => {},
): Promise<ReresolveReport> {
  return sql.transaction(async (tx) => {
    step("entreprises");
    const companies = await tx.query(
      `UPDATE company c SET territory_id = fresh.territory_id, updated_at = now()
       FROM (SELECT c0.id, ${territoryOfCommune("c0.commune_code")} AS territory_id FROM company c0) fresh
       WHERE fresh.id = c.id AND c.territory_id IS DISTINCT FROM fresh.territory_id RETURNING c.id`,
      [phase],
    );
    step("offres");
    // The Territoires d'industrie label follows the workplace's territory of the list in force.
    const offers = await tx.query<{ id: string; status: string }>(
      `UPDATE offer o SET territory_id = fresh.territory_id, vte_territory = o.vte_eligible AND fresh.territory_id IS NOT NULL, updated_at = now()
       FROM (SELECT o0.id, ${territoryOfCommune("o0.commune_code")} AS territory_id FROM offer o0) fresh
       WHERE fresh.id = o.id AND o.territory_id IS DISTINCT FROM fresh.territory_id RETURNING o.id, o.status::text AS status`,
      [phase],
    );
    const published = offers.filter((offer) => offer.status === "PUBLISHED");
    for (let i = 0; i < published.length; i += 1000) {
      await enqueueMany(
        tx,
        "search.offer",
        published.slice(i, i + 1000).map((offer) => ({ offerId: offer.id })),
      );
    }
    // Their territory reason names the new territory: the stored decisions follow.
    await reassessOffers(tx, { offerIds: offers.map((offer) => offer.id), reindex: false });
    step("souhaits des étudiants");
    const next = await successors(tx, phase);
    // An id without its phase was written before phases: it names the first list's territory.
    const [first] = await tx.query<{ id: string }>("SELECT id FROM territory_phase ORDER BY starts_on LIMIT 1");
    const moveKey = (key: string): string | null => {
      const parts = splitTerritoryKey(key);
      if (parts?.phase === phase) return key;
      return next.get(parts ? key : territoryKey(first.id, key)) ?? null;
    };
    let wishes = 0;
    const profiles = await tx.query<{ user_id: string; wished_territory_ids: string[] }>(
      `SELECT user_id, wished_territory_ids FROM student_profile WHERE EXISTS (SELECT 1 FROM unnest(wished_territory_ids) w WHERE w NOT LIKE $1)`,
      [`${phase}/%`],
    );
    for (const profile of profiles) {
      const moved = [...new Set(profile.wished_territory_ids.map(moveKey).filter((key): key is string => key !== null))];
      await tx.query("UPDATE student_profile SET wished_territory_ids = $2::text[], updated_at = now() WHERE user_id = $1", [
        profile.user_id,
        moved,
      ]);
      await enqueueMany(tx, "search.student", [{ userId: profile.user_id }]);
      wishes++;
    }
    step("alertes");
    let savedSearches = 0;
    const searches = await tx.query<{ id: string; query: string }>(`SELECT id, query FROM saved_search WHERE query LIKE '%territoire=%'`);
    for (const search of searches) {
      const params = new URLSearchParams(search.query);
      const before = params.getAll("territoire");
      const after = [...new Set(before.map(moveKey).filter((key): key is string => key !== null))];
      if (before.join() === after.join()) continue;
      params.delete("territoire");
      for (const key of after) params.append("territoire", key);
      await tx.query("UPDATE saved_search SET query = $2 WHERE id = $1", [search.id, params.toString()]);
      savedSearches++;
    }
    step("statistiques");
    // Offers and applications count where their offer now is; placements stay where they were hired.
    const { territoriesChanged } = await rebuildTerritoryStatistics(tx);
    return {
      phase,
      companies: companies.length,
      offers: offers.length,
      reindexed: published.length,
      wishes,
      savedSearches,
      territoriesRecounted: territoriesChanged,
    };
  });
}

// Territory statistics recomputed from the raw tables (placements, offers, applications).
import type { SqlConnection } from "~/db.server";

/** Recomputes the territory counters and the monthly rows; returns how many territories changed. */
export async function rebuildTerritoryStatistics(sql: SqlConnection): Promise<{ territoriesChanged: number; monthlyRows: number }> {
  return sql.transaction(async (tx) => {
    const changed = await tx.query(
      `WITH fresh AS (
         SELECT t.id,
           (SELECT count(*) FROM placement p WHERE p.territory_id = t.id)::int AS placements,
           (SELECT count(*) FROM placement p WHERE p.territory_id = t.id AND p.vte_label)::int AS vte_placements,
           (SELECT count(*) FROM placement p WHERE p.territory_id = t.id AND p.vte_green)::int AS green_placements,
           (SELECT count(*) FROM offer o WHERE o.territory_id = t.id AND o.status = 'PUBLISHED')::int AS published_offers,
           (SELECT count(*) FROM application a JOIN offer o ON o.id = a.offer_id WHERE o.territory_id = t.id)::int AS applications
         FROM territory t)
       UPDATE territory t SET placement_count = f.placements, vte_placement_count = f.vte_placements,
         green_placement_count = f.green_placements, published_offer_count = f.published_offers,
         application_count = f.applications
       FROM fresh f
       WHERE f.id = t.id AND (t.placement_count, t.vte_placement_count, t.green_placement_count, t.published_offer_count, t.application_count)
         IS DISTINCT FROM (f.placements, f.vte_placements, f.green_placements, f.published_offers, f.applications)
       RETURNING t.id`,
    );
    await tx.query("DELETE FROM territory_monthly_stat");
    const inserted = await tx.query(
      `INSERT INTO territory_monthly_stat (territory_id, month, naf_section, school_kind, placements, vte_placements, green_placements)
       SELECT territory_id, date_trunc('month', created_at)::date, naf_section, school_kind,
              count(*)::int, (count(*) FILTER (WHERE vte_label))::int, (count(*) FILTER (WHERE vte_green))::int
       FROM placement WHERE territory_id IS NOT NULL
       GROUP BY 1, 2, 3, 4
       RETURNING 1`,
    );
    return { territoriesChanged: changed.length, monthlyRows: inserted.length };
  });
}

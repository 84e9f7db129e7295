// Territory statistics (flow 4): counters on each territory and a row per territory, month, sector
// section and school kind. Updated in the same transaction as the change that moves them, and
// recomputable from the raw tables (placements, offers, applications) by `npm run stats:rebuild`.
import type { SqlConnection } from "#app/platform/db.server";
import type { Prisma } from "#app/generated/prisma/client";
import type { OfferStatus, SchoolKind } from "#app/generated/prisma/enums";

/** Each territory's counters recounted from the raw tables. */
const recountedCounters = `
  SELECT t.id,
    (SELECT count(*) FROM placement p WHERE p.territory_id = t.id)::int AS placements,
    (SELECT count(*) FROM placement p WHERE p.territory_id = t.id AND p.vte_label)::int AS vte_placements,
    (SELECT count(*) FROM placement p WHERE p.territory_id = t.id AND p.vte_green)::int AS green_placements,
    (SELECT count(*) FROM offer o WHERE o.territory_id = t.id AND o.status = 'PUBLISHED')::int AS published_offers,
    (SELECT count(*) FROM application a JOIN offer o ON o.id = a.offer_id WHERE o.territory_id = t.id)::int AS applications
  FROM territory t`;

/** The monthly rows (territory, month of the hire, NAF section, school kind) recounted from the placements. */
const recountedMonths = `
  SELECT territory_id, date_trunc('month', created_at)::date AS month, naf_section, school_kind,
         count(*)::int AS placements, (count(*) FILTER (WHERE vte_label))::int AS vte, (count(*) FILTER (WHERE vte_green))::int AS green
  FROM placement WHERE territory_id IS NOT NULL GROUP BY 1, 2, 3, 4`;

/** Recomputes the territory counters and the monthly rows; returns how many territories changed. */
export async function rebuildTerritoryStatistics(sql: SqlConnection): Promise<{ territoriesChanged: number; monthlyRows: number }> {
  return sql.transaction(async (tx) => {
    const changed = await tx.query(
      `WITH fresh AS (${recountedCounters})
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
       SELECT territory_id, month, naf_section, school_kind, placements, vte, green FROM (${recountedMonths}) AS fresh
       RETURNING 1`,
    );
    return { territoriesChanged: changed.length, monthlyRows: inserted.length };
  });
}

// ---- Kept up to date as things happen (flow 4), in the caller's transaction. ----

type Tx = Prisma.TransactionClient;

export interface PlacementFacts {
  territoryId: string | null;
  createdAt: Date;
  nafSection: string;
  schoolKind: SchoolKind;
  vteLabel: boolean;
  vteGreen: boolean;
}

/** Adds (+1) or removes (-1) a placement from its territory's counters and monthly row. */
export async function countPlacement(tx: Tx, placement: PlacementFacts, delta: 1 | -1): Promise<void> {
  if (!placement.territoryId) return;
  const vte = placement.vteLabel ? delta : 0;
  const green = placement.vteGreen ? delta : 0;
  await tx.territory.update({
    where: { id: placement.territoryId },
    data: { placementCount: { increment: delta }, vtePlacementCount: { increment: vte }, greenPlacementCount: { increment: green } },
  });
  const month = new Date(Date.UTC(placement.createdAt.getUTCFullYear(), placement.createdAt.getUTCMonth(), 1));
  await tx.$executeRaw`
    INSERT INTO territory_monthly_stat (territory_id, month, naf_section, school_kind, placements, vte_placements, green_placements)
    VALUES (${placement.territoryId}, ${month}::date, ${placement.nafSection}, ${placement.schoolKind}::"SchoolKind", ${delta}, ${vte}, ${green})
    ON CONFLICT (territory_id, month, naf_section, school_kind) DO UPDATE SET
      placements = territory_monthly_stat.placements + EXCLUDED.placements,
      vte_placements = territory_monthly_stat.vte_placements + EXCLUDED.vte_placements,
      green_placements = territory_monthly_stat.green_placements + EXCLUDED.green_placements`;
  // A month back to zero disappears, as a recount would not create it.
  if (delta < 0) {
    await tx.territoryMonthlyStat.deleteMany({
      where: {
        territoryId: placement.territoryId,
        month,
        nafSection: placement.nafSection,
        schoolKind: placement.schoolKind,
        placements: { lte: 0 },
      },
    });
  }
}

/** An offer changed status or place: moves its weight in the published-offer counters. */
export async function countPublishedOffer(
  tx: Tx,
  before: { status: OfferStatus; territoryId: string | null } | null,
  after: { status: OfferStatus; territoryId: string | null } | null,
): Promise<void> {
  const was = before?.status === "PUBLISHED" ? before.territoryId : null;
  const is = after?.status === "PUBLISHED" ? after.territoryId : null;
  if (was === is && before?.status === after?.status) return;
  if (was) await tx.territory.update({ where: { id: was }, data: { publishedOfferCount: { decrement: 1 } } });
  if (is) await tx.territory.update({ where: { id: is }, data: { publishedOfferCount: { increment: 1 } } });
}

/** A new application counts for its offer's territory. */
export async function countApplication(tx: Tx, territoryId: string | null): Promise<void> {
  if (territoryId) await tx.territory.update({ where: { id: territoryId }, data: { applicationCount: { increment: 1 } } });
}

export interface StatisticsDifference {
  what: string;
  stored: string;
  recounted: string;
}

/** Where the stored statistics differ from a recount of the raw tables (none when all is well). */
export async function statisticsDifferences(sql: SqlConnection): Promise<StatisticsDifference[]> {
  const counters = await sql.query<{ id: string; stored: string; recounted: string }>(
    `WITH fresh AS (${recountedCounters})
     SELECT t.id,
       concat_ws('/', t.placement_count, t.vte_placement_count, t.green_placement_count, t.published_offer_count, t.application_count) AS stored,
       concat_ws('/', f.placements, f.vte_placements, f.green_placements, f.published_offers, f.applications) AS recounted
     FROM territory t JOIN fresh f ON f.id = t.id
     WHERE (t.placement_count, t.vte_placement_count, t.green_placement_count, t.published_offer_count, t.application_count)
       IS DISTINCT FROM (f.placements, f.vte_placements, f.green_placements, f.published_offers, f.applications)
     ORDER BY t.id`,
  );
  const months = await sql.query<{ key: string; stored: string | null; recounted: string | null }>(
    `WITH fresh AS (${recountedMonths})
     SELECT concat_ws(' ', coalesce(s.territory_id, f.territory_id), to_char(coalesce(s.month, f.month), 'YYYY-MM'), coalesce(s.naf_section, f.naf_section), coalesce(s.school_kind, f.school_kind)::text) AS key,
            CASE WHEN s.territory_id IS NULL THEN NULL ELSE concat_ws('/', s.placements, s.vte_placements, s.green_placements) END AS stored,
            CASE WHEN f.territory_id IS NULL THEN NULL ELSE concat_ws('/', f.placements, f.vte, f.green) END AS recounted
     FROM territory_monthly_stat s
     FULL OUTER JOIN fresh f ON f.territory_id = s.territory_id AND f.month = s.month AND f.naf_section = s.naf_section AND f.school_kind = s.school_kind
     WHERE s.territory_id IS NULL OR f.territory_id IS NULL OR (s.placements, s.vte_placements, s.green_placements) IS DISTINCT FROM (f.placements, f.vte, f.green)
     ORDER BY 1`,
  );
  return [
    ...counters.map((c) => ({
      what: `territory ${c.id} (placements/VTE/VTE Vert/published offers/applications)`,
      stored: c.stored,
      recounted: c.recounted,
    })),
    ...months.map((m) => ({
      what: `month ${m.key} (placements/VTE/VTE Vert)`,
      stored: m.stored ?? "none",
      recounted: m.recounted ?? "none",
    })),
  ];
}

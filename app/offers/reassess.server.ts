// After a rule of the eligibility engine changes (or the territories move), every offer's stored
// decision is computed again from its stored facts: labels and reasons rewritten where they
// differ, published offers whose labels changed queued for reindexing. Set-based, idempotent.
import { vteEligibility, publishable, type Reason } from "#app/domain/vte-eligibility";
import type { ContractType, DegreeLevel, SizeBand } from "#app/generated/prisma/enums";
import type { SqlConnection } from "#app/platform/db.server";
import { enqueueMany } from "#app/platform/outbox.server";

export interface ReassessReport {
  offers: number;
  /** Offers whose labels or reasons changed. */
  changed: number;
  becameEligible: number;
  becameIneligible: number;
  /** Published offers whose labels changed: queued for reindexing. */
  reindexed: number;
  /** Published offers the engine now refuses (listed for operators on /pilotage/moderation). */
  publishedRefused: number;
}

interface OfferFactsRow {
  id: string;
  status: string;
  contract_type: ContractType;
  duration_months: number | null;
  degree_level: DegreeLevel;
  vte_eligible: boolean;
  vte_territory: boolean;
  vte_green: boolean;
  eligibility_reasons: unknown;
  size_band: SizeBand;
  ecological_transition: boolean;
  territory_name: string | null;
  territory_phase: string | null;
}

/** Reasons compared by what they say (jsonb does not keep the order of keys). */
const said = (reasons: unknown): string =>
  Array.isArray(reasons) ? reasons.map((r: Partial<Reason>) => `${r.code}|${r.ok}|${r.message}`).join("\n") : "";

const batchSize = 1000;

export async function reassessOffers(
  sql: SqlConnection,
  options: {
    offerIds?: string[];
    progress?: (done: number, total: number) => void;
    /** Queue published offers whose labels changed for reindexing (a caller that reindexes them itself says no). */
    reindex?: boolean;
  } = {},
): Promise<ReassessReport> {
  const rows = await sql.query<OfferFactsRow>(
    `SELECT o.id, o.status::text AS status, o.contract_type::text AS contract_type, o.duration_months, o.degree_level::text AS degree_level,
            o.vte_eligible, o.vte_territory, o.vte_green, o.eligibility_reasons, c.size_band::text AS size_band,
            COALESCE(a.ecological_transition, r.ecological_transition) AS ecological_transition,
            t.name AS territory_name, t.phase AS territory_phase
     FROM offer o JOIN company c ON c.id = o.company_id JOIN rome_fiche r ON r.code = o.rome_code
     LEFT JOIN rome_appellation a ON a.code = o.appellation_code
     LEFT JOIN territory t ON t.id = o.territory_id
     ${options.offerIds ? "WHERE o.id = ANY($1::text[])" : ""}
     ORDER BY o.id`,
    options.offerIds ? [options.offerIds] : [],
  );
  const report: ReassessReport = {
    offers: rows.length,
    changed: 0,
    becameEligible: 0,
    becameIneligible: 0,
    reindexed: 0,
    publishedRefused: 0,
  };
  const updates: { id: string; eligible: boolean; territory: boolean; green: boolean; reasons: Reason[] }[] = [];
  const reindex: { offerId: string }[] = [];
  for (const row of rows) {
    const decision = vteEligibility(
      {
        contractType: row.contract_type,
        durationMonths: row.contract_type === "CDI" ? null : row.duration_months,
        degreeLevel: row.degree_level,
        workplaceTerritory: row.territory_name && row.territory_phase ? { name: row.territory_name, phase: row.territory_phase } : null,
        romeEcologicalTransition: row.ecological_transition,
      },
      { sizeBand: row.size_band, headOfficeInFrance: true },
    );
    if (row.status === "PUBLISHED" && !publishable(decision).ok) report.publishedRefused++;
    const labelsChanged =
      decision.eligible !== row.vte_eligible || decision.territoryLabel !== row.vte_territory || decision.green !== row.vte_green;
    if (!labelsChanged && said(decision.reasons) === said(row.eligibility_reasons)) continue;
    report.changed++;
    if (decision.eligible && !row.vte_eligible) report.becameEligible++;
    if (!decision.eligible && row.vte_eligible) report.becameIneligible++;
    updates.push({
      id: row.id,
      eligible: decision.eligible,
      territory: decision.territoryLabel,
      green: decision.green,
      reasons: decision.reasons,
    });
    if (labelsChanged && row.status === "PUBLISHED") reindex.push({ offerId: row.id });
  }
  for (let start = 0; start < updates.length; start += batchSize) {
    await sql.query(
      `UPDATE offer o SET vte_eligible = x.eligible, vte_territory = x.territory, vte_green = x.green, eligibility_reasons = x.reasons, updated_at = now()
       FROM json_to_recordset($1::json) AS x(id text, eligible boolean, territory boolean, green boolean, reasons jsonb)
       WHERE o.id = x.id`,
      [JSON.stringify(updates.slice(start, start + batchSize))],
    );
    options.progress?.(Math.min(start + batchSize, updates.length), updates.length);
  }
  if (options.reindex !== false) {
    await enqueueMany(sql, "search.offer", reindex);
    report.reindexed = reindex.length;
  }
  return report;
}

/** Offers whose stored decision predates whole reasons (codes only): `npm run offers:reassess` stores them. */
export async function offersWithoutStoredDecision(sql: SqlConnection): Promise<number> {
  const [row] = await sql.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM offer WHERE jsonb_typeof(eligibility_reasons -> 0) IS DISTINCT FROM 'object'`,
  );
  return row.count;
}

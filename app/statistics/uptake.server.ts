// The read side of the programme's figures: public territory and national statistics, the open
// data (small counts suppressed), and the operators' uptake dashboard. Placements come from the
// statistics kept by flow 4; offers and applications are counted from their tables.
import { db } from "#app/platform/db.server";
import type { UptakeFilters } from "#app/domain/uptake-filters";
import { Prisma } from "#app/generated/prisma/client";
import { protectTable } from "#app/domain/disclosure";
import { phaseAt } from "#app/territories/phases.server";

export { suppressionThreshold } from "#app/domain/disclosure";

/** The first day (UTC) of the `n` months ending with the month of `now`, oldest first. */
export function lastMonths(n: number, now = new Date()): Date[] {
  return Array.from({ length: n }, (_, i) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (n - 1 - i), 1)));
}

const monthKey = (date: Date) => date.toISOString().slice(0, 7);

export interface MonthlyPoint {
  month: string; // YYYY-MM
  placements: number;
}

async function placementSeries(where: { territoryId?: string }, months: Date[]): Promise<MonthlyPoint[]> {
  const rows = await db().territoryMonthlyStat.groupBy({
    by: ["month"],
    where: { ...where, month: { gte: months[0] } },
    _sum: { placements: true },
  });
  const byMonth = new Map(rows.map((r) => [monthKey(r.month), r._sum.placements ?? 0]));
  return months.map((m) => ({ month: monthKey(m), placements: byMonth.get(monthKey(m)) ?? 0 }));
}

export async function territoryStatistics(territoryId: string, now = new Date()) {
  const [territory, companies, series] = await Promise.all([
    db().territory.findUniqueOrThrow({
      where: { id: territoryId },
      select: {
        placementCount: true,
        vtePlacementCount: true,
        greenPlacementCount: true,
        publishedOfferCount: true,
        applicationCount: true,
      },
    }),
    db().company.count({ where: { territoryId } }),
    placementSeries({ territoryId }, lastMonths(12, now)),
  ]);
  return { ...territory, companies, series };
}

/** The placements of the whole country month by month (not only inside territories), and how many territories the list in force has. */
export async function nationalStatistics(now = new Date()) {
  const months = lastMonths(12, now);
  const [territories, rows] = await Promise.all([
    db().territory.count({ where: { phaseId: await phaseAt(now) } }),
    db().$queryRaw<{ month: string; count: number }[]>`
      SELECT to_char(date_trunc('month', created_at), 'YYYY-MM') AS month, count(*)::int AS count
      FROM placement WHERE created_at >= ${months[0]} GROUP BY 1`,
  ]);
  const byMonth = new Map(rows.map((r) => [r.month, r.count]));
  return { territories, series: months.map((m) => ({ month: monthKey(m), placements: byMonth.get(monthKey(m)) ?? 0 })) };
}

/** Every territory of a phase (the one in force by default) with its figures, for the sortable table of /territoires. */
export async function territoryFigures(phase?: string) {
  const [territories, companies] = await Promise.all([
    db().territory.findMany({
      where: { phaseId: phase ?? (await phaseAt()) },
      select: {
        id: true,
        name: true,
        placementCount: true,
        vtePlacementCount: true,
        greenPlacementCount: true,
        publishedOfferCount: true,
        region: { select: { code: true, name: true } },
      },
    }),
    db().company.groupBy({ by: ["territoryId"], _count: { _all: true } }),
  ]);
  const companyCount = new Map(companies.map((c) => [c.territoryId, c._count._all]));
  return territories.map((t) => ({
    id: t.id,
    name: t.name,
    region: t.region.name,
    regionCode: t.region.code,
    placements: t.placementCount,
    vtePlacements: t.vtePlacementCount,
    greenPlacements: t.greenPlacementCount,
    publishedOffers: t.publishedOfferCount,
    companies: companyCount.get(t.id) ?? 0,
  }));
}

export interface OpenDataRow {
  phase: string;
  territoire_id: string;
  territoire: string;
  region: string;
  mois: string;
  placements: number | null;
  placements_vte: number | null;
  placements_vte_vert: number | null;
}

/**
 * Per territory (phase and id) and month, no personal data. Counts of 1 to 4 are left empty (null),
 * and, since each territory's page publishes its total, one more month of a territory where a
 * single hidden month could be found by difference (app/domain/disclosure.ts).
 */
export async function openDataRows(): Promise<OpenDataRow[]> {
  const [rows, territories] = await Promise.all([
    db().territoryMonthlyStat.groupBy({
      by: ["territoryId", "month"],
      _sum: { placements: true, vtePlacements: true, greenPlacements: true },
      orderBy: [{ territoryId: "asc" }, { month: "asc" }],
    }),
    db().territory.findMany({ select: { id: true, code: true, name: true, phaseId: true, region: { select: { name: true } } } }),
  ]);
  const byId = new Map(territories.map((t) => [t.id, t]));
  const byTerritory = new Map<string, typeof rows>();
  for (const row of rows) byTerritory.set(row.territoryId, [...(byTerritory.get(row.territoryId) ?? []), row]);
  const result: OpenDataRow[] = [];
  for (const [territoryId, months] of byTerritory) {
    const territory = byId.get(territoryId);
    const [placements, vte, green] = protectTable(
      [
        months.map((m) => m._sum.placements ?? 0),
        months.map((m) => m._sum.vtePlacements ?? 0),
        months.map((m) => m._sum.greenPlacements ?? 0),
      ],
      { ofRows: true, ofColumns: false },
    );
    months.forEach((m, i) =>
      result.push({
        phase: territory?.phaseId ?? "",
        territoire_id: territory?.code ?? territoryId,
        territoire: territory?.name ?? territoryId,
        region: territory?.region.name ?? "",
        mois: monthKey(m.month),
        placements: placements[i],
        placements_vte: vte[i],
        placements_vte_vert: green[i],
      }),
    );
  }
  return result;
}

export interface UptakeMonth {
  month: string;
  offers: number;
  applications: number;
  placements: number;
  vtePlacements: number;
  greenPlacements: number;
}

/** Territories and schools shown on the dashboard; its CSV exports hold them all. */
const shownOnPage = 10;

/** The operators' figures month by month, with the filters applied to what each figure concerns. */
export async function uptake(filters: UptakeFilters, now = new Date()) {
  const months = lastMonths(filters.months, now);
  const since = months[0];
  const place = {
    ...(filters.region ? { regionCode: filters.region } : {}),
    ...(filters.territory ? { territoryId: filters.territory } : {}),
  };
  // Offers and applications are many (tens of thousands a year): counted by month in SQL.
  const offerFilters = [
    ...(filters.region ? [Prisma.sql`o.region_code = ${filters.region}`] : []),
    ...(filters.territory ? [Prisma.sql`o.territory_id = ${filters.territory}`] : []),
    ...(filters.section ? [Prisma.sql`c.naf_section = ${filters.section}`] : []),
  ];
  const and = (conditions: Prisma.Sql[]) => (conditions.length ? Prisma.sql` AND ${Prisma.join(conditions, " AND ")}` : Prisma.empty);
  const [offers, applications, placements, pending] = await Promise.all([
    db().$queryRaw<{ month: string; count: number }[]>`
      SELECT to_char(date_trunc('month', o.published_at), 'YYYY-MM') AS month, count(*)::int AS count
      FROM offer o JOIN company c ON c.id = o.company_id
      WHERE o.published_at >= ${since}${and(offerFilters)}
      GROUP BY 1`,
    db().$queryRaw<{ month: string; count: number }[]>`
      SELECT to_char(date_trunc('month', a.created_at), 'YYYY-MM') AS month, count(*)::int AS count
      FROM application a JOIN offer o ON o.id = a.offer_id JOIN company c ON c.id = o.company_id
      LEFT JOIN student_profile sp ON sp.user_id = a.student_id
      WHERE a.created_at >= ${since}${and([...offerFilters, ...(filters.schoolKind ? [Prisma.sql`sp.school_kind = ${filters.schoolKind}::"SchoolKind"`] : [])])}
      GROUP BY 1`,
    db().placement.findMany({
      where: {
        ...place,
        createdAt: { gte: since },
        ...(filters.section ? { nafSection: filters.section } : {}),
        ...(filters.schoolKind ? { schoolKind: filters.schoolKind } : {}),
      },
      select: { createdAt: true, vteLabel: true, vteGreen: true, territoryId: true, establishmentId: true },
    }),
    db().offer.count({ where: { status: "PENDING_REVIEW" } }),
  ]);
  const series = new Map<string, UptakeMonth>(
    months.map((m) => [
      monthKey(m),
      { month: monthKey(m), offers: 0, applications: 0, placements: 0, vtePlacements: 0, greenPlacements: 0 },
    ]),
  );
  for (const row of offers) {
    const p = series.get(row.month);
    if (p) p.offers = row.count;
  }
  for (const row of applications) {
    const p = series.get(row.month);
    if (p) p.applications = row.count;
  }
  const byTerritory = new Map<string, number>();
  const byEstablishment = new Map<string, number>();
  for (const pl of placements) {
    const p = series.get(monthKey(pl.createdAt));
    if (p) {
      p.placements++;
      if (pl.vteLabel) p.vtePlacements++;
      if (pl.vteGreen) p.greenPlacements++;
    }
    if (pl.territoryId) byTerritory.set(pl.territoryId, (byTerritory.get(pl.territoryId) ?? 0) + 1);
    if (pl.establishmentId) byEstablishment.set(pl.establishmentId, (byEstablishment.get(pl.establishmentId) ?? 0) + 1);
  }
  // Every territory and school with placements, most first: the page shows the first ten, the CSV all.
  const ranked = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const territoryRanks = ranked(byTerritory);
  const schoolRanks = ranked(byEstablishment);
  const [territoryNames, schoolNames] = await Promise.all([
    db().territory.findMany({ where: { id: { in: territoryRanks.map(([id]) => id) } }, select: { id: true, name: true } }),
    db().establishment.findMany({ where: { id: { in: schoolRanks.map(([id]) => id) } }, select: { id: true, name: true } }),
  ]);
  const namesOf = (rows: { id: string; name: string }[]) => new Map(rows.map((r) => [r.id, r.name]));
  const territoryName = namesOf(territoryNames);
  const schoolName = namesOf(schoolNames);
  const territories = territoryRanks.map(([id, placements]) => ({ id, name: territoryName.get(id) ?? id, placements }));
  const schools = schoolRanks.map(([id, placements]) => ({ id, name: schoolName.get(id) ?? id, placements }));
  return {
    series: [...series.values()],
    totals: [...series.values()].reduce(
      (t, m) => ({
        offers: t.offers + m.offers,
        applications: t.applications + m.applications,
        placements: t.placements + m.placements,
        vtePlacements: t.vtePlacements + m.vtePlacements,
        greenPlacements: t.greenPlacements + m.greenPlacements,
      }),
      { offers: 0, applications: 0, placements: 0, vtePlacements: 0, greenPlacements: 0 },
    ),
    territories,
    schools,
    topTerritories: territories.slice(0, shownOnPage),
    topSchools: schools.slice(0, shownOnPage),
    pending,
  };
}

// The search when Meilisearch is down, answering the same contract (search-contract.ts): PostgreSQL
// full-text (unaccented French) with the same filters, no facet counts. Slower, and it misses typos; the page says results are degraded.
import { db } from "#app/platform/db.server";
import { pageSize } from "#app/domain/offer-search-params";
import type { Place } from "#app/domain/geo";
import { publicOfferSql } from "#app/domain/public-offer";
import type { OfferQuery, OfferSearchResult } from "./search-contract";
import { splitNafCodes } from "#app/domain/naf";

export async function searchOffersInDatabase(query: OfferQuery, place: Place | null, now = new Date()): Promise<OfferSearchResult> {
  const where: string[] = publicOfferSql("o", "$1");
  const values: unknown[] = [now];
  const bind = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  const anyOf = (column: string, list: string[], cast = "text") =>
    list.length && where.push(`${column}::text = ANY(${bind(list)}::${cast}[])`);
  anyOf("o.territory_id", query.territories);
  anyOf("o.region_code", query.regions);
  anyOf("o.department_code", query.departments);
  anyOf("o.rome_code", query.jobs);
  anyOf("o.contract_type", query.contracts);
  anyOf("o.degree_level", query.degrees);
  anyOf("o.remote", query.remote);
  if (query.schoolKinds.length) where.push(`o.school_kinds::text[] && ${bind(query.schoolKinds)}::text[]`);
  const { sections, divisions } = splitNafCodes(query.sectors);
  if (sections.length) where.push(`c.naf_section = ANY(${bind(sections)}::text[])`);
  if (divisions.length) where.push(`left(c.naf_code, 2) = ANY(${bind(divisions)}::text[])`);
  if (query.greenOnly) where.push("o.vte_green");
  if (query.startsFrom) where.push(`o.start_date >= ${bind(query.startsFrom)}::date`);
  let distance = "NULL::float8";
  if (place) {
    const lat = bind(place.latitude);
    const lng = bind(place.longitude);
    distance = `(6371 * 2 * asin(sqrt(power(sin(radians(o.latitude - ${lat}) / 2), 2) + cos(radians(${lat})) * cos(radians(o.latitude)) * power(sin(radians(o.longitude - ${lng}) / 2), 2))))`;
    where.push(`o.latitude IS NOT NULL AND ${distance} <= ${bind(query.radiusKm)}`);
  }
  // Without words there is no rank: the newest first (a constant here would read as a column number).
  let byRelevance = "o.published_at DESC";
  if (query.text) {
    const words = bind(query.text);
    where.push(`o.search_vector @@ websearch_to_tsquery('vte_french', ${words})`);
    byRelevance = `ts_rank(o.search_vector, websearch_to_tsquery('vte_french', ${words})) DESC, o.published_at DESC`;
  }
  const order =
    query.sort === "recent"
      ? "o.published_at DESC"
      : query.sort === "start"
        ? "o.start_date ASC"
        : query.sort === "distance" && place
          ? `${distance} ASC`
          : byRelevance;
  const limit = bind(pageSize);
  const offset = bind((query.page - 1) * pageSize);
  const rows = await db().$queryRawUnsafe<
    {
      id: string;
      title: string;
      company_name: string;
      siren: string;
      territory_id: string | null;
      territory_name: string | null;
      commune_name: string;
      distance: number | null;
      contract_type: string;
      duration_months: number | null;
      start_date: Date;
      published_at: Date | null;
      vte_eligible: boolean;
      vte_territory: boolean;
      vte_green: boolean;
      total: bigint;
    }[]
  >(
    `SELECT o.id, o.title, c.name AS company_name, c.siren, o.territory_id, t.name AS territory_name, m.name AS commune_name,
            ${distance} AS distance, o.contract_type::text AS contract_type, o.duration_months, o.start_date, o.published_at,
            o.vte_eligible, o.vte_territory, o.vte_green, count(*) OVER () AS total
     FROM offer o JOIN company c ON c.id = o.company_id JOIN commune m ON m.insee_code = o.commune_code
     LEFT JOIN territory t ON t.id = o.territory_id
     WHERE ${where.join(" AND ")}
     ORDER BY ${order}, o.id
     LIMIT ${limit} OFFSET ${offset}`,
    ...values,
  );
  const total = Number(rows[0]?.total ?? 0);
  return {
    hits: rows.map((row) => ({
      id: row.id,
      title: [{ text: row.title, match: false }],
      companyName: row.company_name,
      companySiren: row.siren,
      territoryId: row.territory_id,
      territoryName: row.territory_name,
      communeName: row.commune_name,
      distanceKm: row.distance === null ? null : Math.round(row.distance),
      contractType: row.contract_type,
      durationMonths: row.duration_months,
      startDate: Math.floor(row.start_date.getTime() / 1000),
      publishedAt: Math.floor((row.published_at ?? now).getTime() / 1000),
      vteEligible: row.vte_eligible,
      vteTerritory: row.vte_territory,
      vteGreen: row.vte_green,
    })),
    total,
    totalCapped: false,
    page: query.page,
    pages: Math.max(1, Math.ceil(total / pageSize)),
    facets: null,
    divisions: null,
    loosen: [],
    closest: [],
  };
}

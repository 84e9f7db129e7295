// Set-based upsert of many rows in one statement per batch, on PostgreSQL and PGlite alike:
// rows travel as one JSON parameter, and unchanged rows are neither written nor counted.
import type { SqlConnection } from "#app/platform/db.server";

export type ColumnTypes = Record<string, string>; // column name -> PostgreSQL type

export interface UpsertCount {
  inserted: number;
  updated: number;
}

const batchSize = 5000;

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

export async function bulkUpsert(
  sql: SqlConnection,
  table: string,
  columns: ColumnTypes,
  key: string[],
  rows: Record<string, unknown>[],
): Promise<UpsertCount> {
  const names = Object.keys(columns);
  const updatable = names.filter((name) => !key.includes(name));
  const recordType = names.map((name) => `${quote(name)} ${columns[name]}`).join(", ");
  const list = names.map(quote).join(", ");
  const onConflict = updatable.length
    ? `DO UPDATE SET ${updatable.map((name) => `${quote(name)} = EXCLUDED.${quote(name)}`).join(", ")}
       WHERE (${updatable.map((name) => `${quote(table)}.${quote(name)}`).join(", ")})
         IS DISTINCT FROM (${updatable.map((name) => `EXCLUDED.${quote(name)}`).join(", ")})`
    : "DO NOTHING";
  const statement = `
    WITH written AS (
      INSERT INTO ${quote(table)} (${list})
      SELECT ${list} FROM json_to_recordset($1::json) AS incoming(${recordType})
      ON CONFLICT (${key.map(quote).join(", ")}) ${onConflict}
      RETURNING (xmax = 0) AS inserted
    )
    SELECT count(*) FILTER (WHERE inserted)::int AS inserted,
           count(*) FILTER (WHERE NOT inserted)::int AS updated
    FROM written`;
  const total: UpsertCount = { inserted: 0, updated: 0 };
  for (let start = 0; start < rows.length; start += batchSize) {
    const [count] = await sql.query<UpsertCount>(statement, [JSON.stringify(rows.slice(start, start + batchSize))]);
    total.inserted += count.inserted;
    total.updated += count.updated;
  }
  return total;
}

/** Deletes the rows of `table` matching `scope` whose key is not among `keep`; returns how many. */
export async function deleteMissing(
  sql: SqlConnection,
  table: string,
  key: ColumnTypes,
  keep: Record<string, unknown>[],
  scope: { column: string; values: string[] },
): Promise<number> {
  const names = Object.keys(key);
  const recordType = names.map((name) => `${quote(name)} ${key[name]}`).join(", ");
  const rows = await sql.query<{ deleted: number }>(
    `WITH removed AS (
       DELETE FROM ${quote(table)} AS t
       WHERE t.${quote(scope.column)} = ANY($2::text[])
         AND (${names.map((name) => `t.${quote(name)}`).join(", ")}) NOT IN (
           SELECT ${names.map(quote).join(", ")} FROM json_to_recordset($1::json) AS k(${recordType}))
       RETURNING 1)
     SELECT count(*)::int AS deleted FROM removed`,
    [JSON.stringify(keep), scope.values],
  );
  return rows[0].deleted;
}

// CSV downloads that open in a spreadsheet set to French: a byte-order mark (UTF-8), semicolons,
// French headers given by the caller, empty cells for null (suppressed) values.
import { stringify } from "csv-stringify/sync";

export function csvResponse<Row extends object>(
  rows: Row[],
  headers: { [K in keyof Row]?: string },
  fileName: string,
  extraHeaders: Record<string, string> = {},
): Response {
  const csv = stringify(rows as Record<string, unknown>[], {
    header: true,
    columns: headers as Record<string, string>,
    delimiter: ";",
    bom: true,
  });
  return new Response(csv, {
    headers: { ...extraHeaders, "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${fileName}"` },
  });
}

/** One downloadable table: its rows, their French column names and the file's name. */
export interface CsvTable<Row extends object = Record<string, unknown>> {
  rows: Row[];
  headers: { [K in keyof Row]?: string };
  fileName: string;
}

/**
 * The table a `/…/<name>.csv` URL names, among `tables`, as a private download; 404 for any other
 * name. Rows of signed-in dashboards are never kept by a shared cache.
 */
export function csvTableResponse(url: URL, tables: Record<string, () => CsvTable<object>>): Response {
  const name =
    url.pathname
      .split("/")
      .pop()
      ?.replace(/\.csv$/, "") ?? "";
  const table = Object.hasOwn(tables, name) ? tables[name]() : null;
  if (!table) throw new Response("Tableau inconnu", { status: 404 });
  return csvResponse(table.rows, table.headers, table.fileName, { "Cache-Control": "private, no-store" });
}

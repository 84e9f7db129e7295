// CSV downloads that open in a spreadsheet set to French: a byte-order mark (UTF-8), semicolons,
// French headers given by the caller, empty cells for null (suppressed) values.
import { stringify } from "csv-stringify/sync";

function csvResponse<Row extends object>(
  rows: Row[],
  headers: { [K in keyof Row]?: string },
  fileName: string,
  extraHeaders: Record<string, string> = {},
): Response {
  return new Response(csvText(rows, headers), { headers: { ...extraHeaders, ...csvHeaders(fileName) } });
}

export function csvText<Row extends object>(rows: Row[], headers: { [K in keyof Row]?: string }): string {
  return stringify(rows as Record<string, unknown>[], {
    header: true,
    columns: headers as Record<string, string>,
    delimiter: ";",
    bom: true,
  });
}

export function csvHeaders(fileName: string): Record<string, string> {
  return { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${fileName}"` };
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

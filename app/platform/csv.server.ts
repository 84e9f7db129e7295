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

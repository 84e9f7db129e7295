// What the reference imports share: the data folder (prisma/data, sources in SOURCES.md), CSV
// reading, and the per-table report of what changed.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "csv-parse/sync";

export const referenceDataDir = path.join(path.dirname(new URL(import.meta.url).pathname), "data");

export interface TableChange {
  table: string;
  inserted: number;
  updated: number;
  deleted: number;
}

export type CsvRow = Record<string, string>;

/** A CSV of prisma/data (or any path) as rows keyed by its header. */
export async function readCsv(file: string): Promise<CsvRow[]> {
  const text = await readFile(path.isAbsolute(file) ? file : path.join(referenceDataDir, file), "utf8");
  return parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true });
}

/** One line per table, adding up the changes of several steps (the territory lists). */
export function mergeChanges(changes: TableChange[]): TableChange[] {
  const merged = new Map<string, TableChange>();
  for (const change of changes) {
    const seen = merged.get(change.table);
    merged.set(
      change.table,
      seen
        ? {
            table: change.table,
            inserted: seen.inserted + change.inserted,
            updated: seen.updated + change.updated,
            deleted: seen.deleted + change.deleted,
          }
        : { ...change },
    );
  }
  return [...merged.values()];
}

export function describeChanges(changes: TableChange[]): string {
  const changed = changes.filter((c) => c.inserted + c.updated + c.deleted > 0);
  if (changed.length === 0) return "Reference data: nothing changed.";
  return [
    "Reference data:",
    ...changed.map((c) => `  ${c.table.padEnd(18)} +${c.inserted} inserted, ${c.updated} updated, ${c.deleted} deleted`),
  ].join("\n");
}

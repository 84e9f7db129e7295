// What public outputs may show of a count: the one rule for every page, chart, table, export and
// open-data file the public sees. Operators see exact numbers.
//
// Primary suppression: a count from 1 to 4 is not published (too few people to stay anonymous).
// Secondary suppression: where a table publishes its row or column totals, a line with exactly one
// hidden cell would give it away by difference (total − the others); the smallest other non-zero
// cell of that line is hidden too, until no line has a single hidden cell.

export const suppressionThreshold = 5;

/** A count as the public may see it: null (not published) from 1 to 4. */
export function publicCount(count: number): number | null {
  return count > 0 && count < suppressionThreshold ? null : count;
}

/** Every count of a set as the public may see it. */
export function publicCounts<K extends string>(counts: Record<K, number>): Record<K, number | null> {
  return Object.fromEntries(Object.entries(counts).map(([key, count]) => [key, publicCount(count as number)])) as Record<K, number | null>;
}

/** How a hidden count is written in pages and charts' text. */
export const hiddenCountText = `moins de ${suppressionThreshold}`;

/** A count for a sentence or an aria-label: the number, or "moins de 5". */
export function publicCountText(count: number, format: (n: number) => string = String): string {
  const shown = publicCount(count);
  return shown === null ? hiddenCountText : format(shown);
}

/**
 * A table of counts made safe to publish with its totals. `rows[i][j]` is a count; the result holds
 * null where a cell may not be shown. `totals` says which totals the reader also sees.
 */
export function protectTable(rows: number[][], totals: { ofRows: boolean; ofColumns: boolean }): (number | null)[][] {
  const hidden = rows.map((row) => row.map((count) => publicCount(count) === null));
  const lines: [number, number][][] = [];
  if (totals.ofRows) rows.forEach((row, i) => lines.push(row.map((_, j) => [i, j])));
  if (totals.ofColumns && rows.length) rows[0].forEach((_, j) => lines.push(rows.map((_, i) => [i, j])));
  for (let changed = true; changed;) {
    changed = false;
    for (const line of lines) {
      if (line.filter(([i, j]) => hidden[i][j]).length !== 1) continue;
      const candidates = line.filter(([i, j]) => !hidden[i][j] && rows[i][j] > 0).sort(([a, b], [c, d]) => rows[a][b] - rows[c][d]);
      if (candidates.length === 0) continue;
      const [i, j] = candidates[0];
      hidden[i][j] = true;
      changed = true;
    }
  }
  return rows.map((row, i) => row.map((count, j) => (hidden[i][j] ? null : count)));
}

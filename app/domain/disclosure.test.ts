import { describe, expect, test } from "vitest";
import { protectTable, publicCount, publicCountText } from "./disclosure";

describe("small counts", () => {
  test("1 to 4 are not published; 0 and 5 are", () => {
    expect([0, 1, 4, 5, 12].map(publicCount)).toEqual([0, null, null, 5, 12]);
    expect(publicCountText(3)).toBe("moins de 5");
    expect(publicCountText(7)).toBe("7");
  });

  test("a line with one hidden cell and a published total hides one more, the smallest", () => {
    // Row totals published: 2 would be 9 − 7. The 7 is hidden too.
    expect(protectTable([[7, 2, 0]], { ofRows: true, ofColumns: false })).toEqual([[null, null, 0]]);
    // Without totals, only the small cell goes.
    expect(protectTable([[7, 2, 0]], { ofRows: false, ofColumns: false })).toEqual([[7, null, 0]]);
  });

  test("no line of a protected table ever has exactly one hidden cell", () => {
    const rows = [
      [12, 3, 8, 0],
      [6, 9, 1, 15],
      [20, 11, 7, 5],
    ];
    const safe = protectTable(rows, { ofRows: true, ofColumns: true });
    for (const row of safe) expect(row.filter((c) => c === null).length).not.toBe(1);
    for (let j = 0; j < rows[0].length; j++) expect(safe.map((row) => row[j]).filter((c) => c === null).length).not.toBe(1);
    // Every count from 1 to 4 is hidden.
    rows.forEach((row, i) => row.forEach((count, j) => count > 0 && count < 5 && expect(safe[i][j]).toBeNull()));
  });
});

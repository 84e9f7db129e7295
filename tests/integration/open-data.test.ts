// The open data, as a spreadsheet user gets it: French headers, no personal data, and no cell with
// 1 to 4 placements.
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { setDatabase, type Database } from "../../app/db.server";
import { loader } from "../../app/routes/api/stats-territories";
import { seedDemoWorld } from "../../prisma/demo/seed";
import { openTestDatabase } from "./support";

let database: Database;
const get = async (path: string) => (await loader({ request: new Request(`http://127.0.0.1${path}`), context: { session: null, clientIp: "127.0.0.1" }, params: {} })) as Response;

beforeAll(async () => {
  database = await openTestDatabase();
  setDatabase(database);
  await seedDemoWorld(database.sql, { offers: 3000, seed: 9 });
}, 120_000);
afterAll(async () => {
  setDatabase(undefined);
  await database.close();
});

describe("open data", () => {
  test("the CSV opens in a French spreadsheet and hides every count from 1 to 4", async () => {
    const response = await get("/api/stats/territoires.csv");
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const bytes = Buffer.from(await response.arrayBuffer());
    // The UTF-8 byte-order mark tells spreadsheets the encoding (accents intact).
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8");
    const rows: Record<string, string>[] = parse(text, { bom: true, columns: true, delimiter: ";" });
    expect(Object.keys(rows[0])).toEqual(["Identifiant du territoire", "Territoire d'industrie", "Région", "Mois", "Placements", "Placements VTE", "Placements VTE Vert"]);
    const cells = rows.flatMap((r) => [r.Placements, r["Placements VTE"], r["Placements VTE Vert"]]);
    expect(cells.filter((c) => /^[1-4]$/.test(c))).toEqual([]);
    // Small counts exist in the demo world: they are there, as empty cells.
    expect(cells.filter((c) => c === "").length).toBeGreaterThan(0);
    const total = await database.prisma.placement.count({ where: { territoryId: { not: null } } });
    const visible = rows.reduce((sum, r) => sum + Number(r.Placements || 0), 0);
    expect(visible).toBeLessThanOrEqual(total);
    // No personal data: only territories, months and counts.
    expect(text).not.toMatch(/@|demo-user|demo-student/);
  });

  test("the JSON says the threshold and uses null for hidden counts", async () => {
    const body = (await (await get("/api/stats/territoires.json")).json()) as { seuil_de_masquage: number; lignes: { placements: number | null }[] };
    expect(body.seuil_de_masquage).toBe(5);
    expect(body.lignes.some((l) => l.placements === null)).toBe(true);
    expect(body.lignes.every((l) => l.placements === null || l.placements === 0 || l.placements >= 5)).toBe(true);
  });
});

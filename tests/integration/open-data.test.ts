// The open data, as a spreadsheet user gets it: French headers, no personal data, and no cell with
// 1 to 4 placements.
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { setDatabase, type Database } from "#app/platform/db.server";
import { Ajv2020 } from "ajv/dist/2020.js";
import { loader as schemaLoader } from "#app/routes/api/stats-schema";
import { loader } from "#app/routes/api/stats-territories";
import { seedDemoWorld } from "#prisma/demo/seed";
import { openTestDatabase } from "./support";

let database: Database;
const get = async (path: string) =>
  (await loader({
    request: new Request(`http://127.0.0.1${path}`),
    context: { session: null, clientIp: "127.0.0.1" },
    params: {},
  })) as Response;

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
    expect(Object.keys(rows[0])).toEqual([
      "Phase",
      "Identifiant du territoire",
      "Territoire d'industrie",
      "Région",
      "Mois",
      "Placements",
      "Placements VTE",
      "Placements VTE Vert",
    ]);
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

  test("the JSON validates against its published schema, and names each territory by phase and id", async () => {
    const body = await (await get("/api/stats/territoires.json")).json();
    const schema = await (
      await schemaLoader({
        request: new Request("http://127.0.0.1/api/stats/territoires.schema.json"),
        context: { session: null, clientIp: "127.0.0.1" },
        params: {},
      })
    ).json();
    const validate = new Ajv2020({ allErrors: true }).compile(schema);
    expect(validate(body), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(body.lignes.length).toBeGreaterThan(0);
    expect(body.lignes[0]).toMatchObject({
      phase: expect.stringMatching(/^\d{4}-\d{4}$/),
      territoire_id: expect.stringMatching(/^ti-\d{4}$/),
    });
    // The schema refuses a published small count.
    expect(validate({ ...body, lignes: [{ ...body.lignes[0], placements: 3 }] })).toBe(false);
  });

  test("no territory's hidden month can be found from its published total", async () => {
    const body = (await (await get("/api/stats/territoires.json")).json()) as {
      lignes: { phase: string; territoire_id: string; placements: number | null }[];
    };
    const hiddenPerTerritory = new Map<string, number>();
    for (const line of body.lignes)
      if (line.placements === null)
        hiddenPerTerritory.set(
          `${line.phase}/${line.territoire_id}`,
          (hiddenPerTerritory.get(`${line.phase}/${line.territoire_id}`) ?? 0) + 1,
        );
    // A single hidden month is safe only where the total is itself hidden (1 to 4).
    const totals = new Map(
      (await database.prisma.territory.findMany({ select: { id: true, placementCount: true } })).map((t) => [t.id, t.placementCount]),
    );
    const deducible = [...hiddenPerTerritory].filter(([key, hidden]) => hidden === 1 && (totals.get(key) ?? 0) >= 5);
    expect(deducible).toEqual([]);
    expect(hiddenPerTerritory.size).toBeGreaterThan(0);
  });

  test("the JSON says the threshold and uses null for hidden counts", async () => {
    const body = (await (await get("/api/stats/territoires.json")).json()) as {
      seuil_de_masquage: number;
      lignes: { placements: number | null }[];
    };
    expect(body.seuil_de_masquage).toBe(5);
    expect(body.lignes.some((l) => l.placements === null)).toBe(true);
    expect(body.lignes.every((l) => l.placements === null || l.placements === 0 || l.placements >= 5)).toBe(true);
  });

  test("a CDN may keep the open data an hour and ask again with its validator: unchanged, a 304", async () => {
    for (const path of ["/api/stats/territoires.json", "/api/stats/territoires.csv"]) {
      const first = await get(path);
      expect(first.headers.get("Cache-Control"), path).toBe("public, max-age=300, s-maxage=3600, stale-while-revalidate=86400");
      const tag = first.headers.get("ETag") as string;
      expect(tag, path).toMatch(/^W\/"[\w-]+"$/);
      const again = (await loader({
        request: new Request(`http://127.0.0.1${path}`, { headers: { "If-None-Match": tag } }),
        context: { session: null, clientIp: "127.0.0.1" },
        params: {},
      })) as Response;
      expect(again.status, path).toBe(304);
      expect(await again.text(), path).toBe("");
      const other = (await loader({
        request: new Request(`http://127.0.0.1${path}`, { headers: { "If-None-Match": 'W/"autre-version"' } }),
        context: { session: null, clientIp: "127.0.0.1" },
        params: {},
      })) as Response;
      expect(other.status, path).toBe(200);
    }
  });
});

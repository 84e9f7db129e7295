// The lists of Territoires d'industrie, one per phase: territories, their members (EPCI, Grand
// Paris EPT, single communes), the communes they cover, and their outline for the map.
import path from "node:path";
import type { SqlConnection } from "#app/platform/db.server";
import { territoryKey } from "#app/domain/territory-phase";
import { bulkUpsert, deleteMissing } from "./bulk-upsert";
import { describeChanges, readCsv, referenceDataDir, type TableChange } from "./reference-files";
import { territoryOutlines, type GeometryFile } from "./territory-outlines";

/** The lists shipped with the platform, one per phase, with their geometries (SOURCES.md). */
export const bundledTerritoryLists: { phase: string; file: string; geometry: GeometryFile }[] = [
  {
    phase: "2019-2022",
    file: path.join(referenceDataDir, "territoires_industrie_2022.csv"),
    geometry: { file: path.join(referenceDataDir, "territoires_industrie_2022.geojson"), idProperty: "id_ti" },
  },
  {
    phase: "2023-2027",
    file: path.join(referenceDataDir, "territoires_industrie_2023.csv"),
    geometry: { file: path.join(referenceDataDir, "territoires_industrie_2023.geojson"), idProperty: "id_territoire" },
  },
];

/**
 * Loads the list of Territoires d'industrie of one phase: columns `id_ti, lib_ti, code_region,
 * siren_groupements` (member SIRENs separated by `;`). A member is an EPCI, a Grand Paris EPT
 * (its communes from `ept_communes_cog2026.csv`), or a single commune given by its commune SIREN.
 * Each phase is its own set of territories (keys "<phase>/<id>"): loading one never touches
 * another's, so placements keep the territory they were counted in. `startsOn` records when a
 * new phase comes into force (required for a phase not recorded yet). With a `geometry` file,
 * each territory's outline is stored for the map; without one, outlines already stored stay.
 */
export async function importTerritories(
  sql: SqlConnection,
  file: string,
  phase: string,
  options: { startsOn?: string; source?: string; geometry?: GeometryFile } = {},
): Promise<TableChange[]> {
  if (!/^\d{4}-\d{4}$/.test(phase)) throw new Error(`A phase is written like 2023-2027, not ${phase}.`);
  const territories = await readCsv(file);
  if (territories.length === 0) throw new Error(`${file} lists no territory.`);
  const key = (code: string) => territoryKey(phase, code);
  const keys = territories.map((t) => key(t.id_ti));

  const [known] = await sql.query<{ count: number }>("SELECT count(*)::int AS count FROM territory_phase WHERE id = $1", [phase]);
  if (options.startsOn) {
    await sql.query(
      `INSERT INTO territory_phase (id, starts_on, source) VALUES ($1, $2::date, $3)
       ON CONFLICT (id) DO UPDATE SET starts_on = EXCLUDED.starts_on, source = EXCLUDED.source`,
      [phase, options.startsOn, options.source ?? `List loaded from ${path.basename(file)}`],
    );
  } else if (known.count === 0) {
    throw new Error(`The phase ${phase} is not recorded yet: give the date it comes into force (--from YYYY-MM-DD).`);
  }

  const epciNames = new Map(
    (await sql.query<{ siren: string; name: string }>("SELECT siren, name FROM epci")).map((e) => [e.siren, e.name]),
  );
  const communes = await sql.query<{ insee_code: string; siren: string | null; name: string; epci_siren: string | null }>(
    "SELECT insee_code, siren, name, epci_siren FROM commune",
  );
  const communeBySiren = new Map(communes.filter((c) => c.siren).map((c) => [c.siren as string, c]));
  const communesByEpci = new Map<string, string[]>();
  for (const commune of communes) {
    if (!commune.epci_siren) continue;
    communesByEpci.set(commune.epci_siren, [...(communesByEpci.get(commune.epci_siren) ?? []), commune.insee_code]);
  }
  const ept = new Map<string, { name: string; communes: string[] }>();
  for (const row of await readCsv("ept_communes_cog2026.csv")) {
    const entry = ept.get(row.siren_ept) ?? { name: row.nom_ept, communes: [] };
    entry.communes.push(row.code_insee_commune);
    ept.set(row.siren_ept, entry);
  }
  const knownCommunes = new Set(communes.map((c) => c.insee_code));

  const members: Record<string, unknown>[] = [];
  const territoryCommunes: { territory_id: string; commune_code: string; member_siren: string }[] = [];
  for (const territory of territories) {
    const covered = new Set<string>();
    for (const siren of territory.siren_groupements
      .split(";")
      .map((s) => s.trim())
      .filter(Boolean)) {
      const epciName = epciNames.get(siren);
      const commune = communeBySiren.get(siren);
      const grandParis = ept.get(siren);
      const kind = epciName ? "EPCI" : grandParis ? "EPT" : commune ? "COMMUNE" : "OTHER";
      members.push({
        territory_id: key(territory.id_ti),
        siren,
        kind,
        name: epciName ?? grandParis?.name ?? commune?.name ?? `Groupement ${siren}`,
      });
      const codes = epciName ? (communesByEpci.get(siren) ?? []) : grandParis ? grandParis.communes : commune ? [commune.insee_code] : [];
      for (const code of codes) {
        if (covered.has(code) || !knownCommunes.has(code)) continue;
        covered.add(code);
        territoryCommunes.push({ territory_id: key(territory.id_ti), commune_code: code, member_siren: siren });
      }
    }
  }

  const outlines = options.geometry ? await territoryOutlines(options.geometry) : null;
  const territoryChange = await bulkUpsert(
    sql,
    "territory",
    { id: "text", code: "text", name: "text", region_code: "text", phase: "text", ...(outlines ? { shape: "jsonb" } : {}) },
    ["id"],
    territories.map((t) => ({
      id: key(t.id_ti),
      code: t.id_ti,
      name: t.lib_ti,
      region_code: t.code_region,
      phase,
      ...(outlines ? { shape: outlines.get(t.id_ti) ?? null } : {}),
    })),
  );
  const memberChange = await bulkUpsert(
    sql,
    "territory_member",
    { territory_id: "text", siren: "text", kind: '"TerritoryMemberKind"', name: "text" },
    ["territory_id", "siren"],
    members,
  );
  const membersDeleted = await deleteMissing(sql, "territory_member", { territory_id: "text", siren: "text" }, members, {
    column: "territory_id",
    values: keys,
  });
  const communeChange = await bulkUpsert(
    sql,
    "territory_commune",
    { territory_id: "text", commune_code: "text", member_siren: "text" },
    ["territory_id", "commune_code"],
    territoryCommunes,
  );
  const communesDeleted = await deleteMissing(sql, "territory_commune", { territory_id: "text", commune_code: "text" }, territoryCommunes, {
    column: "territory_id",
    values: keys,
  });
  return [
    { table: "territory", ...territoryChange, deleted: 0 },
    { table: "territory_member", ...memberChange, deleted: membersDeleted },
    { table: "territory_commune", ...communeChange, deleted: communesDeleted },
  ];
}

/**
 * A database made before a bundled list existed gets it at start (each phase is its own set), and
 * one made before outlines were stored gets them: the map needs them.
 */
export async function importMissingTerritoryLists(sql: SqlConnection, log: (message: string) => void): Promise<void> {
  for (const list of bundledTerritoryLists) {
    const [{ count, outlined }] = await sql.query<{ count: number; outlined: number }>(
      "SELECT count(*)::int AS count, count(shape)::int AS outlined FROM territory WHERE phase = $1",
      [list.phase],
    );
    if (count > 0 && outlined > 0) continue;
    log(
      count > 0
        ? `Storing the outlines of the Territoires d'industrie of ${list.phase}…`
        : `Loading the Territoires d'industrie of ${list.phase}…`,
    );
    log(describeChanges(await importTerritories(sql, list.file, list.phase, { geometry: list.geometry })));
  }
}

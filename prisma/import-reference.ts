// Imports the reference data of prisma/data/ (see SOURCES.md there) idempotently: a second run
// writes nothing and reports nothing changed. The territory list is its own step, so a newer
// list (the 183 territories of 2023–2027) can be loaded from a file of the same shape.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "csv-parse/sync";
import type { SqlConnection } from "~/db.server";
import { searchName } from "~/domain/search-name";
import { territoryKey } from "~/domain/territory-phase";
import { bulkUpsert, deleteMissing } from "./bulk-upsert";

export const referenceDataDir = path.join(path.dirname(new URL(import.meta.url).pathname), "data");

/** The lists of Territoires d'industrie shipped with the platform, one per phase (SOURCES.md). */
export const bundledTerritoryLists = [
  { phase: "2019-2022", file: path.join(referenceDataDir, "territoires_industrie_2022.csv") },
  { phase: "2023-2027", file: path.join(referenceDataDir, "territoires_industrie_2023.csv") },
];

export interface TableChange {
  table: string;
  inserted: number;
  updated: number;
  deleted: number;
}

type CsvRow = Record<string, string>;

async function readCsv(file: string): Promise<CsvRow[]> {
  const text = await readFile(path.isAbsolute(file) ? file : path.join(referenceDataDir, file), "utf8");
  return parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true });
}

const orNull = (value: string | undefined) => (value ? value : null);
const intOrZero = (value: string | undefined) => (value ? Number.parseInt(value, 10) : 0);
const floatOrNull = (value: string | undefined) => (value ? Number.parseFloat(value) : null);

/** The whole reference import, in dependency order. */
export async function importReferenceData(sql: SqlConnection): Promise<TableChange[]> {
  const changes: TableChange[] = [];
  const record = async (table: string, work: Promise<{ inserted: number; updated: number }>) => {
    changes.push({ table, deleted: 0, ...(await work) });
  };

  const regions = await readCsv("regions_cog2026.csv");
  await record(
    "region",
    bulkUpsert(sql, "region", { code: "text", name: "text", zone: "text" }, ["code"],
      regions.map((r) => ({ code: r.code_region, name: r.nom_region, zone: r.zone }))),
  );

  const departments = await readCsv("departements_cog2026.csv");
  await record(
    "department",
    bulkUpsert(sql, "department", { code: "text", name: "text", region_code: "text" }, ["code"],
      departments.map((d) => ({ code: d.code_departement, name: d.nom_departement, region_code: d.code_region }))),
  );

  const epcis = await readCsv("epci_cog2026.csv");
  await record(
    "epci",
    bulkUpsert(sql, "epci", { siren: "text", name: "text", kind: "text", population: "int" }, ["siren"],
      epcis.map((e) => ({ siren: e.siren_epci, name: e.nom_epci, kind: e.type, population: intOrZero(e.population_totale) }))),
  );

  // Coordinates come from the 2024 file (one row per commune); COG 2026 gives everything else.
  const coordinates = new Map<string, { lat: number | null; lng: number | null }>();
  for (const row of await readCsv("communes_geo_2024.csv")) {
    if (row.commune_type === "COM") coordinates.set(row.insee_com, { lat: floatOrNull(row.lat), lng: floatOrNull(row.lng) });
  }
  const communes = await readCsv("communes_cog2026.csv");
  await record(
    "commune",
    bulkUpsert(
      sql,
      "commune",
      {
        insee_code: "text", name: "text", search_name: "text", siren: "text", department_code: "text",
        region_code: "text", epci_siren: "text", postal_codes: "text[]", population: "int",
        latitude: "float8", longitude: "float8",
      },
      ["insee_code"],
      communes.map((c) => ({
        insee_code: c.code_insee,
        name: c.nom,
        search_name: searchName(c.nom),
        siren: orNull(c.siren_commune),
        department_code: c.code_departement,
        region_code: c.code_region,
        epci_siren: orNull(c.siren_epci),
        postal_codes: c.codes_postaux ? c.codes_postaux.split(";") : [],
        population: intOrZero(c.population),
        latitude: coordinates.get(c.code_insee)?.lat ?? null,
        longitude: coordinates.get(c.code_insee)?.lng ?? null,
      })),
    ),
  );

  const naf = await readCsv("naf_rev2.csv");
  await record(
    "naf_code",
    bulkUpsert(sql, "naf_code", { code: "text", level: "text", label: "text", parent_code: "text", section: "text" }, ["code"],
      naf.map((n) => ({ code: n.code, level: n.type, label: n.libelle, parent_code: orNull(n.code_parent), section: n.section }))),
  );

  const grandDomains = new Map((await readCsv("rome_grands_domaines.csv")).map((g) => [g.code_grand_domaine, g.libelle_grand_domaine]));
  const domains = new Map(
    (await readCsv("rome_domaines_professionnels.csv")).map((d) => [d.code_domaine_professionnel, d.libelle_domaine_professionnel]),
  );
  const fiches = await readCsv("rome_fiches_v460.csv");
  const ecologicalLabels = new Set(["Emploi Vert", "Emploi stratégique pour la Transition écologique"]);
  await record(
    "rome_fiche",
    bulkUpsert(
      sql,
      "rome_fiche",
      {
        code: "text", label: "text", domain_code: "text", domain_label: "text", grand_domain_code: "text",
        grand_domain_label: "text", historical: "boolean", ecological_transition: "boolean",
        ecological_transition_label: "text", digital_transition: "boolean", demographic_transition: "boolean",
        regulated: "boolean", executive: "boolean",
      },
      ["code"],
      fiches.map((f) => ({
        code: f.code_rome,
        label: f.libelle_rome,
        domain_code: f.code_domaine_professionnel,
        domain_label: domains.get(f.code_domaine_professionnel) ?? "",
        grand_domain_code: f.code_grand_domaine,
        grand_domain_label: grandDomains.get(f.code_grand_domaine) ?? "",
        historical: f.est_fiche_historique === "O",
        ecological_transition: ecologicalLabels.has(f.transition_eco),
        ecological_transition_label: orNull(f.transition_eco),
        digital_transition: f.transition_num === "O",
        demographic_transition: f.transition_demo === "O",
        regulated: f.emploi_reglemente === "O",
        executive: f.emploi_cadre === "O",
      })),
    ),
  );

  const establishments = await readCsv("etablissements_esr_mesr.csv");
  await record(
    "establishment",
    bulkUpsert(
      sql,
      "establishment",
      {
        id: "text", uai: "text", other_uais: "text[]", name: "text", acronym: "text", short_name: "text",
        kind: "text", sector: "text", siren: "text", commune_code: "text", commune_name: "text",
        region_code: "text", latitude: "float8", longitude: "float8", website: "text",
      },
      ["id"],
      establishments.map((e) => {
        const [uai, ...otherUais] = e.uai.split(";").map((code) => code.trim()).filter(Boolean);
        const [lat, lng] = e.geolocalisation.split(",").map((part) => floatOrNull(part.trim()));
        return {
          id: e.id_paysage,
          uai: uai ?? null,
          other_uais: otherUais,
          name: e.libelle,
          acronym: orNull(e.sigle),
          short_name: orNull(e.nom_court),
          kind: e.type_etablissement,
          sector: e.secteur,
          siren: orNull(e.siren),
          commune_code: orNull(e.code_commune),
          commune_name: orNull(e.commune),
          // "R84" -> "84"; "R99" is abroad.
          region_code: e.code_region && e.code_region !== "R99" ? e.code_region.replace(/^R/, "") : null,
          latitude: lat ?? null,
          longitude: lng ?? null,
          website: orNull(e.site_internet),
        };
      }),
    ),
  );

  for (const list of bundledTerritoryLists) changes.push(...(await importTerritories(sql, list.file, list.phase)));
  return mergeChanges(changes);
}

/** One line per table, adding up the changes of several steps (the territory lists). */
function mergeChanges(changes: TableChange[]): TableChange[] {
  const merged = new Map<string, TableChange>();
  for (const change of changes) {
    const seen = merged.get(change.table);
    merged.set(change.table, seen ? { table: change.table, inserted: seen.inserted + change.inserted, updated: seen.updated + change.updated, deleted: seen.deleted + change.deleted } : { ...change });
  }
  return [...merged.values()];
}

/**
 * Loads the list of Territoires d'industrie of one phase: columns `id_ti, lib_ti, code_region,
 * siren_groupements` (member SIRENs separated by `;`). A member is an EPCI, a Grand Paris EPT
 * (its communes from `ept_communes_cog2026.csv`), or a single commune given by its commune SIREN.
 * Each phase is its own set of territories (keys "<phase>/<id>"): loading one never touches
 * another's, so placements keep the territory they were counted in. `startsOn` records when a
 * new phase comes into force (required for a phase not recorded yet).
 */
export async function importTerritories(sql: SqlConnection, file: string, phase: string, options: { startsOn?: string; source?: string } = {}): Promise<TableChange[]> {
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
    for (const siren of territory.siren_groupements.split(";").map((s) => s.trim()).filter(Boolean)) {
      const epciName = epciNames.get(siren);
      const commune = communeBySiren.get(siren);
      const grandParis = ept.get(siren);
      const kind = epciName ? "EPCI" : grandParis ? "EPT" : commune ? "COMMUNE" : "OTHER";
      members.push({ territory_id: key(territory.id_ti), siren, kind, name: epciName ?? grandParis?.name ?? commune?.name ?? `Groupement ${siren}` });
      const codes = epciName ? (communesByEpci.get(siren) ?? []) : grandParis ? grandParis.communes : commune ? [commune.insee_code] : [];
      for (const code of codes) {
        if (covered.has(code) || !knownCommunes.has(code)) continue;
        covered.add(code);
        territoryCommunes.push({ territory_id: key(territory.id_ti), commune_code: code, member_siren: siren });
      }
    }
  }

  const territoryChange = await bulkUpsert(
    sql,
    "territory",
    { id: "text", code: "text", name: "text", region_code: "text", phase: "text" },
    ["id"],
    territories.map((t) => ({ id: key(t.id_ti), code: t.id_ti, name: t.lib_ti, region_code: t.code_region, phase })),
  );
  const memberChange = await bulkUpsert(
    sql,
    "territory_member",
    { territory_id: "text", siren: "text", kind: '"TerritoryMemberKind"', name: "text" },
    ["territory_id", "siren"],
    members,
  );
  const membersDeleted = await deleteMissing(
    sql, "territory_member", { territory_id: "text", siren: "text" }, members, { column: "territory_id", values: keys },
  );
  const communeChange = await bulkUpsert(
    sql,
    "territory_commune",
    { territory_id: "text", commune_code: "text", member_siren: "text" },
    ["territory_id", "commune_code"],
    territoryCommunes,
  );
  const communesDeleted = await deleteMissing(
    sql, "territory_commune", { territory_id: "text", commune_code: "text" }, territoryCommunes,
    { column: "territory_id", values: keys },
  );
  return [
    { table: "territory", ...territoryChange, deleted: 0 },
    { table: "territory_member", ...memberChange, deleted: membersDeleted },
    { table: "territory_commune", ...communeChange, deleted: communesDeleted },
  ];
}

/** A database made before a bundled list existed gets it at start (each phase is its own set). */
export async function importMissingTerritoryLists(sql: SqlConnection, log: (message: string) => void): Promise<void> {
  for (const list of bundledTerritoryLists) {
    const [{ count }] = await sql.query<{ count: number }>("SELECT count(*)::int AS count FROM territory WHERE phase = $1", [list.phase]);
    if (count > 0) continue;
    log(`Loading the Territoires d'industrie of ${list.phase}…`);
    log(describeChanges(await importTerritories(sql, list.file, list.phase)));
  }
}

export function describeChanges(changes: TableChange[]): string {
  const changed = changes.filter((c) => c.inserted + c.updated + c.deleted > 0);
  if (changed.length === 0) return "Reference data: nothing changed.";
  return [
    "Reference data:",
    ...changed.map((c) => `  ${c.table.padEnd(18)} +${c.inserted} inserted, ${c.updated} updated, ${c.deleted} deleted`),
  ].join("\n");
}

/** On a fresh database, imports the reference data; otherwise does nothing (a start stays fast). */
export async function importReferenceDataIfEmpty(sql: SqlConnection, log: (message: string) => void): Promise<void> {
  const [{ count }] = await sql.query<{ count: number }>("SELECT count(*)::int AS count FROM territory");
  if (count > 0) return importMissingTerritoryLists(sql, log);
  log("First start: importing the reference data (regions, communes, EPCI, territories, NAF, ROME, establishments)…");
  log(describeChanges(await importReferenceData(sql)));
}

// Imports the reference data of prisma/data/ (see SOURCES.md there) idempotently: a second run
// writes nothing and reports nothing changed. The territory lists are their own step
// (import-territories.ts), so a newer list can be loaded from a file of the same shape.
import type { SqlConnection } from "#app/platform/db.server";
import { searchName } from "#app/domain/search-name";
import { bulkUpsert } from "./bulk-upsert";
import { bundledTerritoryLists, importMissingTerritoryLists, importTerritories } from "./import-territories";
import { describeChanges, mergeChanges, readCsv, type TableChange } from "./reference-files";

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
    bulkUpsert(
      sql,
      "region",
      { code: "text", name: "text", zone: "text" },
      ["code"],
      regions.map((r) => ({ code: r.code_region, name: r.nom_region, zone: r.zone })),
    ),
  );

  const departments = await readCsv("departements_cog2026.csv");
  await record(
    "department",
    bulkUpsert(
      sql,
      "department",
      { code: "text", name: "text", region_code: "text" },
      ["code"],
      departments.map((d) => ({ code: d.code_departement, name: d.nom_departement, region_code: d.code_region })),
    ),
  );

  const epcis = await readCsv("epci_cog2026.csv");
  await record(
    "epci",
    bulkUpsert(
      sql,
      "epci",
      { siren: "text", name: "text", kind: "text", population: "int" },
      ["siren"],
      epcis.map((e) => ({ siren: e.siren_epci, name: e.nom_epci, kind: e.type, population: intOrZero(e.population_totale) })),
    ),
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
        insee_code: "text",
        name: "text",
        search_name: "text",
        siren: "text",
        department_code: "text",
        region_code: "text",
        epci_siren: "text",
        postal_codes: "text[]",
        population: "int",
        latitude: "float8",
        longitude: "float8",
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
    bulkUpsert(
      sql,
      "naf_code",
      { code: "text", level: "text", label: "text", parent_code: "text", section: "text" },
      ["code"],
      naf.map((n) => ({ code: n.code, level: n.type, label: n.libelle, parent_code: orNull(n.code_parent), section: n.section })),
    ),
  );

  changes.push(...(await importRomeFiches(sql)));

  const establishments = await readCsv("etablissements_esr_mesr.csv");
  await record(
    "establishment",
    bulkUpsert(
      sql,
      "establishment",
      {
        id: "text",
        uai: "text",
        other_uais: "text[]",
        name: "text",
        acronym: "text",
        short_name: "text",
        kind: "text",
        sector: "text",
        siren: "text",
        commune_code: "text",
        commune_name: "text",
        region_code: "text",
        latitude: "float8",
        longitude: "float8",
        website: "text",
      },
      ["id"],
      establishments.map((e) => {
        const [uai, ...otherUais] = e.uai
          .split(";")
          .map((code) => code.trim())
          .filter(Boolean);
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

  for (const list of bundledTerritoryLists)
    changes.push(...(await importTerritories(sql, list.file, list.phase, { geometry: list.geometry })));
  changes.push(...(await importRomeVocabulary(sql)));
  return mergeChanges(changes);
}

const ecologicalLabels = new Set(["Emploi Vert", "Emploi stratégique pour la Transition écologique"]);

/** The ROME fiches with their domains and transition flags. */
async function importRomeFiches(sql: SqlConnection): Promise<TableChange[]> {
  const changes: TableChange[] = [];
  const record = async (table: string, work: Promise<{ inserted: number; updated: number }>) => {
    changes.push({ table, deleted: 0, ...(await work) });
  };
  const grandDomains = new Map((await readCsv("rome_grands_domaines.csv")).map((g) => [g.code_grand_domaine, g.libelle_grand_domaine]));
  const domains = new Map(
    (await readCsv("rome_domaines_professionnels.csv")).map((d) => [d.code_domaine_professionnel, d.libelle_domaine_professionnel]),
  );
  const fiches = await readCsv("rome_fiches_v460.csv");
  await record(
    "rome_fiche",
    bulkUpsert(
      sql,
      "rome_fiche",
      {
        code: "text",
        label: "text",
        domain_code: "text",
        domain_label: "text",
        grand_domain_code: "text",
        grand_domain_label: "text",
        historical: "boolean",
        ecological_transition: "boolean",
        ecological_transition_label: "text",
        digital_transition: "boolean",
        demographic_transition: "boolean",
        regulated: "boolean",
        executive: "boolean",
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
  return changes;
}

/**
 * The words of the ROME people use: each fiche's definition and access conditions, its job titles
 * (appellations) and the skills vocabulary (savoirs). After the territories, so that a database
 * made before them (whose import stops at its territories) still gets its fiches first.
 */
async function importRomeVocabulary(sql: SqlConnection): Promise<TableChange[]> {
  const changes: TableChange[] = [];
  const record = async (table: string, work: Promise<{ inserted: number; updated: number }>) => {
    changes.push({ table, deleted: 0, ...(await work) });
  };
  // Sentences in order per fiche and kind; the source doubles its apostrophes (SQL-style).
  const texts = new Map<string, { definition: string[]; access: string[] }>();
  const sentences = (await readCsv("rome_textes_v460.csv")).sort((a, b) => Number(a.position_phrase) - Number(b.position_phrase));
  for (const row of sentences) {
    const fiche = texts.get(row.code_rome) ?? { definition: [], access: [] };
    (row.libelle_type_texte === "definition" ? fiche.definition : fiche.access).push(row.libelle_texte.replace(/''/g, "'"));
    texts.set(row.code_rome, fiche);
  }
  const [{ updated }] = await sql.query<{ updated: number }>(
    `WITH changed AS (
       UPDATE rome_fiche f SET definition = t.definition, access = t.access
       FROM json_to_recordset($1::json) AS t(code text, definition text, access text)
       WHERE f.code = t.code AND (f.definition, f.access) IS DISTINCT FROM (t.definition, t.access)
       RETURNING 1)
     SELECT count(*)::int AS updated FROM changed`,
    [JSON.stringify([...texts].map(([code, t]) => ({ code, definition: t.definition.join(" "), access: t.access.join(" ") })))],
  );
  changes.push({ table: "rome_fiche texts", inserted: 0, updated, deleted: 0 });

  const appellations = await readCsv("rome_appellations_v460.csv");
  await record(
    "rome_appellation",
    bulkUpsert(
      sql,
      "rome_appellation",
      {
        code: "text",
        label: "text",
        rome_code: "text",
        ecological_transition: "boolean",
        ecological_transition_label: "text",
        rarely_used: "boolean",
      },
      ["code"],
      appellations.map((a) => ({
        code: a.code_ogr,
        label: a.libelle_appellation_long,
        rome_code: a.code_rome,
        ecological_transition: ecologicalLabels.has(a.transition_eco),
        ecological_transition_label: orNull(a.transition_eco),
        rarely_used: a.peu_usite === "O",
      })),
    ),
  );

  const skills = await readCsv("rome_savoirs_v460.csv");
  await record(
    "rome_skill",
    bulkUpsert(
      sql,
      "rome_skill",
      { code: "text", label: "text", category: "text", subcategory: "text" },
      ["code"],
      skills.map((s) => ({
        code: s.code_ogr_savoir,
        label: s.libelle_savoir,
        category: s.categorie_savoir,
        subcategory: s.sous_categorie_savoir,
      })),
    ),
  );
  return changes;
}

/** On a fresh database, imports the reference data; otherwise does nothing (a start stays fast). */
export async function importReferenceDataIfEmpty(sql: SqlConnection, log: (message: string) => void): Promise<void> {
  const [{ count }] = await sql.query<{ count: number }>("SELECT count(*)::int AS count FROM territory");
  if (count > 0) {
    // A database from before the ROME job titles and skills were imported gets them now.
    const [{ appellations }] = await sql.query<{ appellations: number }>("SELECT count(*)::int AS appellations FROM rome_appellation");
    if (appellations === 0) log(describeChanges(await importRomeVocabulary(sql)));
    return importMissingTerritoryLists(sql, log);
  }
  log("First start: importing the reference data (regions, communes, EPCI, territories, NAF, ROME, establishments)…");
  log(describeChanges(await importReferenceData(sql)));
}

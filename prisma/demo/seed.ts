// Replaces the demo world (ids starting with "demo-") with a new one built from the reference
// data. Real data is never touched.
import { hash } from "@node-rs/argon2";
import type { SqlConnection } from "#app/platform/db.server";
import { rebuildTerritoryStatistics } from "#app/statistics/statistics.server";
import { bulkUpsert, type ColumnTypes } from "#prisma/bulk-upsert";
import { buildDemoWorld, type ReferenceCommune, type Row } from "./world";
import { enqueueMany } from "#app/platform/outbox.server";
import { termsVersion } from "#app/domain/personal-data";
import { demoAccounts, demoPassword, demoSchoolDomains } from "#app/domain/demo";

/** The phase of the Territoires d'industrie in force today, in SQL: the demo world lives today. */
const phaseInForceSql = "SELECT id FROM territory_phase WHERE starts_on <= now() ORDER BY starts_on DESC LIMIT 1";

export interface DemoSummary {
  companies: number;
  offers: number;
  publishedOffers: number;
  students: number;
  applications: number;
  placements: number;
  territoriesUpdated: number;
}

/**
 * One account per role for a first look (app/domain/demo.ts): the first company's recruiter is
 * already in the world; add a school (the establishment with the most demo students) with its
 * staff member, a student of that school with a complete profile, and an operator.
 */
async function insertDemoAccounts(tx: SqlConnection, profiles: Row[], passwordHash: string) {
  const byEstablishment = new Map<string, Row[]>();
  for (const profile of profiles) {
    const id = profile.establishment_id as string | null;
    if (id) byEstablishment.set(id, [...(byEstablishment.get(id) ?? []), profile]);
  }
  const [establishmentId, students] = [...byEstablishment].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))[0];
  const schoolKind = students[0].school_kind as string;
  const [{ name }] = await tx.query<{ name: string }>("SELECT name FROM establishment WHERE id = $1", [establishmentId]);
  await tx.query(
    `INSERT INTO school (id, name, kind, establishment_id, email_domains, staff_email_domains)
     VALUES ('demo-school', $1, $2::"SchoolKind", $3, $4, $5)`,
    [name, schoolKind, establishmentId, [demoSchoolDomains.students], [demoSchoolDomains.staff]],
  );
  const account = (role: string) => demoAccounts.find((a) => a.role === role) as { email: string; firstName: string; lastName: string };
  const now = new Date().toISOString();
  const person = async (id: string, role: string, schoolId: string | null) => {
    const { email, firstName, lastName } = account(role);
    await tx.query(
      `INSERT INTO app_user (id, email, password_hash, role, first_name, last_name, email_verified_at, terms_version, terms_accepted_at,
                             school_id, staff_approved_at, updated_at)
       VALUES ($1, $2, $3, $4::"Role", $5, $6, $7, $8, $7, $9, CASE WHEN $9::text IS NULL THEN NULL ELSE $7::timestamp END, $7)`,
      [id, email, passwordHash, role, firstName, lastName, now, termsVersion, schoolId],
    );
  };
  await person("demo-account-operator", "OPERATOR", null);
  await person("demo-account-school", "SCHOOL_STAFF", "demo-school");
  await person("demo-account-student", "STUDENT", null);
  await tx.query(
    `INSERT INTO student_profile (user_id, establishment_id, school_kind, degree_level, field, status, skills, contract_types,
                                  visible_to_companies, updated_at)
     VALUES ('demo-account-student', $1, $2::"SchoolKind", 'BAC5', 'Génie mécanique', 'WORK_STUDY', $3, '{}', true, now())`,
    [establishmentId, schoolKind, ["CAO", "SolidWorks", "Anglais technique"]],
  );
}

export async function seedDemoWorld(
  sql: SqlConnection,
  options: { offers: number; seed: number; today?: Date; log?: (message: string) => void },
): Promise<DemoSummary> {
  const log = options.log ?? (() => {});
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  const [communes, green, naf, establishments] = await Promise.all([
    sql.query<ReferenceCommune>(
      `SELECT c.insee_code, c.name, c.department_code, c.region_code, c.latitude, c.longitude, c.population,
              t.id AS territory_id, t.name AS territory_name, t.phase AS territory_phase
       FROM commune c
       LEFT JOIN LATERAL (
         SELECT t.id, t.name, t.phase FROM territory_commune tc JOIN territory t ON t.id = tc.territory_id
         WHERE tc.commune_code = c.insee_code AND t.phase = (${phaseInForceSql}) ORDER BY tc.territory_id LIMIT 1
       ) t ON true
       WHERE c.latitude IS NOT NULL ORDER BY c.insee_code`,
    ),
    sql.query<{ code: string }>("SELECT code FROM rome_fiche WHERE ecological_transition"),
    sql.query<{ code: string; section: string }>("SELECT code, section FROM naf_code"),
    sql.query<{ id: string; name: string; kind: string }>(
      "SELECT id, name, kind FROM establishment WHERE commune_code IS NOT NULL AND region_code IS NOT NULL ORDER BY id",
    ),
  ]);
  const world = buildDemoWorld(
    {
      communes,
      greenRomeCodes: new Set(green.map((r) => r.code)),
      nafSections: new Map(naf.map((r) => [r.code, r.section])),
      establishments,
    },
    { offers: options.offers, seed: options.seed, today: options.today ?? new Date() },
  );
  log(
    `Demo world built in ${elapsed()}: ${world.companies.length} companies, ${world.offers.length} offers, ${world.profiles.length} students.`,
  );

  const passwordHash = await hash(demoPassword);
  const users = world.users.map((user) => ({ ...user, password_hash: passwordHash }));

  await sql.transaction(async (tx) => {
    // Companies first: their offers, applications and histories go with them (ON DELETE CASCADE).
    await tx.query("DELETE FROM company WHERE id LIKE 'demo-%'");
    await tx.query("DELETE FROM app_user WHERE id LIKE 'demo-%'");
    await tx.query("DELETE FROM school WHERE id LIKE 'demo-%'");
    const insert = (table: string, columns: ColumnTypes, rows: Row[]) => bulkUpsert(tx, table, columns, ["id"], rows);
    await insert(
      "app_user",
      {
        id: "text",
        email: "text",
        password_hash: "text",
        role: '"Role"',
        first_name: "text",
        last_name: "text",
        email_verified_at: "timestamp(3)",
        terms_version: "text",
        terms_accepted_at: "timestamp(3)",
        updated_at: "timestamp(3)",
      },
      // Demo people signed up as anyone does: verified, the terms in force accepted.
      users.map((u) => ({
        ...u,
        email_verified_at: new Date().toISOString(),
        terms_version: termsVersion,
        terms_accepted_at: new Date().toISOString(),
        updated_at: new Date().toISOString(),
      })),
    );
    await insert(
      "company",
      {
        id: "text",
        siren: "text",
        name: "text",
        naf_code: "text",
        naf_section: "text",
        size_band: '"SizeBand"',
        commune_code: "text",
        territory_id: "text",
        description: "text",
        created_at: "timestamp(3)",
        updated_at: "timestamp(3)",
        verified_at: "timestamp(3)",
      },
      world.companies.map((c) => ({ ...c, updated_at: c.created_at, verified_at: c.created_at })),
    );
    await bulkUpsert(
      tx,
      "company_member",
      { company_id: "text", user_id: "text", role: '"CompanyRole"' },
      ["company_id", "user_id"],
      world.members,
    );
    await bulkUpsert(
      tx,
      "student_profile",
      {
        user_id: "text",
        establishment_id: "text",
        school_kind: '"SchoolKind"',
        degree_level: '"DegreeLevel"',
        field: "text",
        status: '"StudentStatus"',
        graduation_date: "date",
        skills: "text[]",
        wished_territory_ids: "text[]",
        wished_region_codes: "text[]",
        wished_commune_code: "text",
        wished_radius_km: "int",
        contract_types: '"ContractType"[]',
        available_from: "date",
        visible_to_companies: "boolean",
        updated_at: "timestamp(3)",
      },
      ["user_id"],
      world.profiles.map((p) => ({ ...p, updated_at: new Date().toISOString() })),
    );
    await insert(
      "offer",
      {
        id: "text",
        company_id: "text",
        title: "text",
        description: "text",
        rome_code: "text",
        contract_type: '"ContractType"',
        duration_months: "int",
        start_date: "date",
        degree_level: '"DegreeLevel"',
        school_kinds: '"SchoolKind"[]',
        commune_code: "text",
        territory_id: "text",
        region_code: "text",
        department_code: "text",
        latitude: "float8",
        longitude: "float8",
        remote: '"RemotePolicy"',
        pay_min: "int",
        pay_max: "int",
        pay_period: '"PayPeriod"',
        positions: "int",
        status: '"OfferStatus"',
        vte_eligible: "boolean",
        vte_territory: "boolean",
        vte_green: "boolean",
        eligibility_reasons: "jsonb",
        rejection_reason: "text",
        submitted_at: "timestamp(3)",
        published_at: "timestamp(3)",
        expires_at: "timestamp(3)",
        closed_at: "timestamp(3)",
        created_at: "timestamp(3)",
        updated_at: "timestamp(3)",
      },
      world.offers,
    );
    log(`Offers written at ${elapsed()}.`);
    await insert(
      "application",
      {
        id: "text",
        offer_id: "text",
        student_id: "text",
        message: "text",
        with_cv: "boolean",
        status: '"ApplicationStatus"',
        viewed_at: "timestamp(3)",
        notified_at: "timestamp(3)",
        reminded_at: "timestamp(3)",
        created_at: "timestamp(3)",
        updated_at: "timestamp(3)",
      },
      world.applications,
    );
    await insert(
      "application_status_change",
      {
        id: "text",
        application_id: "text",
        from_status: '"ApplicationStatus"',
        to_status: '"ApplicationStatus"',
        by_user_id: "text",
        message: "text",
        created_at: "timestamp(3)",
      },
      world.statusChanges,
    );
    await insert(
      "placement",
      {
        id: "text",
        application_id: "text",
        offer_id: "text",
        company_id: "text",
        student_id: "text",
        territory_id: "text",
        region_code: "text",
        naf_section: "text",
        school_kind: '"SchoolKind"',
        establishment_id: "text",
        contract_type: '"ContractType"',
        start_date: "date",
        duration_months: "int",
        pay_band: "text",
        vte_label: "boolean",
        vte_green: "boolean",
        created_at: "timestamp(3)",
      },
      world.placements,
    );
    await insertDemoAccounts(tx, world.profiles, passwordHash);
    // The search index follows through the outbox, like any other change (flow 1).
    await enqueueMany(tx, "search.reindex", [{ reason: "demo seed" }]);
  });
  const statistics = await rebuildTerritoryStatistics(sql);
  return {
    companies: world.companies.length,
    offers: world.offers.length,
    publishedOffers: world.offers.filter((o) => o.status === "PUBLISHED").length,
    students: world.profiles.length,
    applications: world.applications.length,
    placements: world.placements.length,
    territoriesUpdated: statistics.territoriesChanged,
  };
}

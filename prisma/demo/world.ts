// Builds the rows of a demo world from the reference data and a seed: same seed and same
// reference data, same world (dates are relative to the day of the run).
import { degreeOrder } from "#app/domain/degree";
import { Faker, base, fr } from "@faker-js/faker";
import { withLuhnKey } from "#app/domain/siren";
import { publishable, vteEligibility } from "#app/domain/vte-eligibility";
import type { SizeBand } from "#app/generated/prisma/enums";
import type { ApplicationStatus, ContractType, OfferStatus, SchoolKind } from "#app/generated/prisma/enums";
import { pipeline } from "#app/domain/application-pipeline";
import { benefits, companyNameParts, jobs, sectors, type Job } from "./catalogue";

export interface ReferenceCommune {
  insee_code: string;
  name: string;
  department_code: string;
  region_code: string;
  latitude: number | null;
  longitude: number | null;
  population: number;
  territory_id: string | null;
  territory_name: string | null;
  territory_phase: string | null;
}

interface ReferenceEstablishment {
  id: string;
  name: string;
  kind: string;
}

export interface Reference {
  communes: ReferenceCommune[];
  greenRomeCodes: Set<string>;
  nafSections: Map<string, string>;
  establishments: ReferenceEstablishment[];
}

export type Row = Record<string, unknown>;

export interface DemoWorld {
  users: Row[];
  companies: Row[];
  members: Row[];
  profiles: Row[];
  offers: Row[];
  applications: Row[];
  statusChanges: Row[];
  placements: Row[];
}

const day = 86_400_000;

class Picker {
  constructor(readonly faker: Faker) {}
  one<T>(items: readonly T[]): T {
    return items[Math.floor(this.faker.number.float({ min: 0, max: 1 }) * items.length)] ?? items[0];
  }
  chance(probability: number): boolean {
    return this.faker.number.float({ min: 0, max: 1 }) < probability;
  }
  /** Items first in the list come up more often (weights 1/1, 1/2, 1/3…). */
  skewed<T>(items: readonly T[]): T {
    const weights = items.map((_, i) => 1 / (i + 1));
    return this.weighted(items, weights);
  }
  weighted<T>(items: readonly T[], weights: number[]): T {
    let r = this.faker.number.float({ min: 0, max: 1 }) * weights.reduce((a, b) => a + b, 0);
    for (let i = 0; i < items.length; i++) {
      r -= weights[i];
      if (r <= 0) return items[i];
    }
    return items[items.length - 1];
  }
}

/** Picks communes in proportion to the square root of their population (towns, not only cities). */
function communeSampler(pick: Picker, communes: ReferenceCommune[]) {
  const cumulative: number[] = [];
  let total = 0;
  for (const commune of communes) {
    total += Math.sqrt(Math.max(commune.population, 1));
    cumulative.push(total);
  }
  return () => {
    const r = pick.faker.number.float({ min: 0, max: total });
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid] < r) low = mid + 1;
      else high = mid;
    }
    return communes[low];
  };
}

function schoolKindOf(name: string, kind: string): SchoolKind {
  if (
    /ing[ée]nieur|polytech|centrale|insa|mines|arts et m[ée]tiers|t[ée]l[ée]com|utc|ensam|ensta|supaero|supélec|chimie|enseeiht|ens /i.test(
      name,
    )
  )
    return "ENGINEERING";
  if (/commerce|management|business|kedge|neoma|essec|hec|escp|skema|em |audencia|tbs|iéseg|ieseg|grenoble ecole/i.test(name))
    return "BUSINESS";
  if (kind === "Université") return "UNIVERSITY";
  return "OTHER";
}

const statusPath: ApplicationStatus[] = ["SUBMITTED", "VIEWED", "SHORTLISTED", "INTERVIEW", "OFFERED", "HIRED"];

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? "");
}

function describeOffer(
  pick: Picker,
  job: Job,
  company: { name: string; activity: string; sizeBand: SizeBand },
  communeName: string,
  product: string,
  title: string,
): string {
  const missions = pick.faker.helpers.arrayElements(job.missions, { min: 2, max: Math.min(4, job.missions.length) });
  const perks = pick.faker.helpers.arrayElements(benefits, 2);
  const size = company.sizeBand === "PME" ? "PME" : company.sizeBand === "ETI" ? "ETI" : "groupe";
  return [
    `${company.name}, ${size} spécialisée en ${company.activity} installée à ${communeName}, recrute un ou une ${title.toLowerCase()} dans le cadre du Volontariat Territorial en Entreprise.`,
    "",
    "Vos missions :",
    ...missions.map((mission) => `- ${fill(mission, { product })}`),
    "",
    `Profil recherché : ${job.profile}`,
    "",
    `Ce que nous offrons : ${perks.join(" ; ")}.`,
  ].join("\n");
}

export function buildDemoWorld(reference: Reference, options: { offers: number; seed: number; today: Date }): DemoWorld {
  const faker = new Faker({ locale: [fr, base] });
  faker.seed(options.seed);
  const pick = new Picker(faker);
  const today = Date.UTC(options.today.getUTCFullYear(), options.today.getUTCMonth(), options.today.getUTCDate());
  const inTerritories = reference.communes.filter((c) => c.territory_id && c.population >= 1500);
  const elsewhere = reference.communes.filter((c) => !c.territory_id && c.population >= 5000);
  const territoryCommune = communeSampler(pick, inTerritories);
  const otherCommune = communeSampler(pick, elsewhere);
  const byDepartment = new Map<string, ReferenceCommune[]>();
  for (const commune of inTerritories)
    byDepartment.set(commune.department_code, [...(byDepartment.get(commune.department_code) ?? []), commune]);

  const world: DemoWorld = {
    users: [],
    companies: [],
    members: [],
    profiles: [],
    offers: [],
    applications: [],
    statusChanges: [],
    placements: [],
  };
  const companyCount = Math.max(10, Math.ceil(options.offers / 20));
  const sirens = new Set<string>();
  const companies: {
    id: string;
    name: string;
    activity: string;
    sizeBand: SizeBand;
    commune: ReferenceCommune;
    sectorIndex: number;
    nafSection: string;
    memberId: string;
  }[] = [];

  for (let i = 0; i < companyCount; i++) {
    const sectorIndex = faker.number.int({ min: 0, max: sectors.length - 1 });
    const sector = sectors[sectorIndex];
    let siren: string;
    do siren = withLuhnKey(faker.string.numeric({ length: 8, allowLeadingZeros: false }));
    while (sirens.has(siren));
    sirens.add(siren);
    const commune = pick.chance(0.85) ? territoryCommune() : otherCommune();
    const name = pick.chance(0.5)
      ? `${pick.one(companyNameParts.prefixes)} ${faker.person.lastName()}`
      : `${faker.person.lastName()} ${pick.one(companyNameParts.suffixes)}`;
    const sizeBand: SizeBand = pick.weighted(["PME", "ETI", "GE"] as const, [80, 18, 2]);
    const nafCode = pick.one(sector.naf);
    const id = `demo-co-${String(i + 1).padStart(5, "0")}`;
    const memberId = `demo-member-${String(i + 1).padStart(5, "0")}`;
    const nafSection = reference.nafSections.get(nafCode);
    if (!nafSection) throw new Error(`NAF code ${nafCode} of the demo catalogue is not in the reference data.`);
    companies.push({ id, name, activity: sector.activity, sizeBand, commune, sectorIndex, nafSection, memberId });
    world.companies.push({
      id,
      siren,
      name,
      naf_code: nafCode,
      naf_section: nafSection,
      size_band: sizeBand,
      commune_code: commune.insee_code,
      territory_id: commune.territory_id,
      description: `${name} conçoit et fabrique des ${pick.one(sector.products)} à ${commune.name}.`,
      created_at: new Date(today - faker.number.int({ min: 100, max: 900 }) * day).toISOString(),
    });
    const firstName = faker.person.firstName();
    const lastName = faker.person.lastName();
    world.users.push(demoUser(memberId, `recrutement.${i + 1}@entreprise.demo-vte.fr`, "COMPANY_MEMBER", firstName, lastName));
    world.members.push({ company_id: id, user_id: memberId, role: "OWNER" });
  }

  const studentCount = Math.max(30, Math.ceil(options.offers / 50));
  const students: { id: string; schoolKind: SchoolKind; establishmentId: string | null }[] = [];
  const schools = reference.establishments;
  for (let i = 0; i < studentCount; i++) {
    const id = `demo-student-${String(i + 1).padStart(5, "0")}`;
    const firstName = faker.person.firstName();
    const lastName = faker.person.lastName();
    const establishment = pick.one(schools);
    const schoolKind = schoolKindOf(establishment.name, establishment.kind);
    const status = pick.weighted(["STUDENT", "WORK_STUDY", "GRADUATED"] as const, [40, 35, 25]);
    const region = pick.one(inTerritories).region_code;
    const job = jobs[pick.skewed(sectors[i % sectors.length].jobs)];
    students.push({ id, schoolKind, establishmentId: establishment.id });
    world.users.push(demoUser(id, `${slug(firstName)}.${slug(lastName)}.${i + 1}@etu.demo-vte.fr`, "STUDENT", firstName, lastName));
    world.profiles.push({
      user_id: id,
      establishment_id: establishment.id,
      school_kind: schoolKind,
      degree_level: pick.weighted(degreeOrder, [10, 20, 15, 50, 5]),
      field: job.titles[0].replace(/ \{product\}/, ""),
      status,
      graduation_date: status === "GRADUATED" ? isoDay(today - faker.number.int({ min: 30, max: 600 }) * day) : null,
      skills: faker.helpers.arrayElements(
        job.missions.map((m) => m.split(" ").slice(0, 3).join(" ")),
        2,
      ),
      wished_territory_ids: [],
      wished_region_codes: [region],
      wished_commune_code: null,
      wished_radius_km: null,
      contract_types: faker.helpers.arrayElements(["ALTERNANCE", "CDD", "CDI"], { min: 1, max: 3 }),
      available_from: isoDay(today + faker.number.int({ min: 0, max: 120 }) * day),
      visible_to_companies: pick.chance(0.7),
    });
  }

  const contractChoices: ContractType[] = ["CDI", "ALTERNANCE", "CDD", "STAGE_PRE_VTE"];
  const statusChoices: OfferStatus[] = ["PUBLISHED", "PENDING_REVIEW", "DRAFT", "CLOSED", "FILLED", "EXPIRED", "REJECTED"];
  const published: {
    id: string;
    companyIndex: number;
    territoryId: string | null;
    regionCode: string;
    vte: boolean;
    green: boolean;
    contractType: ContractType;
    durationMonths: number | null;
    startDate: string;
    publishedAt: number;
  }[] = [];

  for (let i = 0; i < options.offers; i++) {
    const companyIndex = i % companies.length;
    const company = companies[companyIndex];
    const sector = sectors[company.sectorIndex];
    const job = jobs[pick.skewed(sector.jobs)];
    const product = pick.one(sector.products);
    const title = fill(pick.one(job.titles), { product });
    const contractType = pick.weighted(contractChoices, [45, 30, 20, 5]);
    const durationMonths =
      contractType === "CDI" ? null : contractType === "STAGE_PRE_VTE" ? 6 : pick.weighted([6, 12, 18, 24, 36], [5, 40, 20, 25, 10]);
    const nearby = byDepartment.get(company.commune.department_code);
    const workplace = pick.chance(0.8) || !nearby ? company.commune : pick.one(nearby);
    const degreeLevel = pick.one(job.degrees);
    const decision = vteEligibility(
      {
        contractType,
        durationMonths,
        degreeLevel,
        workplaceTerritory: workplace.territory_id
          ? { name: workplace.territory_name as string, phase: workplace.territory_phase as string }
          : null,
        romeEcologicalTransition: reference.greenRomeCodes.has(job.rome),
      },
      { sizeBand: company.sizeBand, headOfficeInFrance: true },
    );
    // Only what the eligibility engine accepts is ever published: the rest was refused by moderation.
    const allowed = publishable(decision);
    const drawn = pick.weighted(statusChoices, [80, 5, 4, 4, 3, 3, 1]);
    const status: OfferStatus = !allowed.ok && ["PUBLISHED", "CLOSED", "FILLED", "EXPIRED"].includes(drawn) ? "REJECTED" : drawn;
    const createdAt = today - faker.number.int({ min: 1, max: 120 }) * day;
    const submittedAt = status === "DRAFT" ? null : createdAt + faker.number.int({ min: 0, max: 3 }) * day;
    const wasPublished = ["PUBLISHED", "CLOSED", "FILLED", "EXPIRED"].includes(status);
    const publishedAt = wasPublished
      ? status === "EXPIRED"
        ? today - faker.number.int({ min: 91, max: 150 }) * day
        : today - faker.number.int({ min: 0, max: 85 }) * day
      : null;
    const startDate = isoDay(today + faker.number.int({ min: 15, max: 180 }) * day);
    const payPeriod = contractType === "ALTERNANCE" || contractType === "STAGE_PRE_VTE" ? "MONTH" : "YEAR";
    const payMin = payPeriod === "MONTH" ? faker.number.int({ min: 9, max: 15 }) * 100 : faker.number.int({ min: 30, max: 42 }) * 1000;
    const id = `demo-offer-${String(i + 1).padStart(6, "0")}`;
    world.offers.push({
      id,
      company_id: company.id,
      title,
      description: describeOffer(pick, job, company, workplace.name, product, title),
      rome_code: job.rome,
      contract_type: contractType,
      duration_months: durationMonths,
      start_date: startDate,
      degree_level: degreeLevel,
      school_kinds: job.schools,
      commune_code: workplace.insee_code,
      territory_id: workplace.territory_id,
      region_code: workplace.region_code,
      department_code: workplace.department_code,
      latitude: workplace.latitude,
      longitude: workplace.longitude,
      remote: pick.weighted(["NONE", "PARTIAL", "FULL"], [55, 40, 5]),
      pay_min: pick.chance(0.7) ? payMin : null,
      pay_max: null,
      pay_period: pick.chance(0.7) ? payPeriod : null,
      positions: pick.weighted([1, 2, 3], [85, 12, 3]),
      status,
      vte_eligible: decision.eligible,
      vte_territory: decision.territoryLabel,
      vte_green: decision.green,
      eligibility_reasons: decision.reasons,
      rejection_reason:
        status !== "REJECTED"
          ? null
          : allowed.ok
            ? "L'offre décrit un poste d'opérateur, pas un poste à responsabilité de niveau bac+2 au moins."
            : allowed.blocking.map((r) => r.message).join(" "),
      submitted_at: submittedAt ? new Date(submittedAt).toISOString() : null,
      published_at: publishedAt ? new Date(publishedAt).toISOString() : null,
      expires_at: publishedAt ? new Date(publishedAt + 90 * day).toISOString() : null,
      closed_at: status === "CLOSED" || status === "FILLED" ? new Date(today - day).toISOString() : null,
      created_at: new Date(createdAt).toISOString(),
      updated_at: new Date(publishedAt ?? submittedAt ?? createdAt).toISOString(),
    });
    if (wasPublished && publishedAt) {
      published.push({
        id,
        companyIndex,
        territoryId: workplace.territory_id,
        regionCode: workplace.region_code,
        vte: decision.eligible,
        green: decision.green,
        contractType,
        durationMonths,
        startDate,
        publishedAt,
      });
    }
  }

  // Applications: about one for six published offers, each from a distinct student.
  const applicationCount = Math.min(Math.floor(published.length / 6), studentCount * 20);
  const taken = new Set<string>();
  // Any stage of the pipeline, as a real world would show them.
  const finalStatuses = pipeline;
  for (let i = 0; i < applicationCount; i++) {
    const offer = pick.one(published);
    const student = pick.one(students);
    const key = `${offer.id}/${student.id}`;
    if (taken.has(key)) continue;
    taken.add(key);
    const id = `demo-app-${String(i + 1).padStart(6, "0")}`;
    const status = pick.weighted(finalStatuses, [35, 20, 10, 8, 4, 6, 14, 3]);
    const path =
      status === "DECLINED"
        ? ["SUBMITTED", "VIEWED", "DECLINED"]
        : status === "WITHDRAWN"
          ? ["SUBMITTED", "WITHDRAWN"]
          : statusPath.slice(0, statusPath.indexOf(status) + 1);
    // One day per stage, and nothing after today: a hire dated next month would count in no month.
    const latestStart = Math.max(offer.publishedAt, today - (path.length - 1) * day);
    const createdAt = offer.publishedAt + faker.number.int({ min: 0, max: Math.floor((latestStart - offer.publishedAt) / day) }) * day;
    const dayOf = (step: number) => new Date(Math.min(createdAt + step * day, today)).toISOString();
    const company = companies[offer.companyIndex];
    world.applications.push({
      id,
      offer_id: offer.id,
      student_id: student.id,
      message: "Bonjour, votre offre correspond à mon projet professionnel et à ma formation. Je serais ravi(e) d'en discuter avec vous.",
      with_cv: false,
      status,
      viewed_at: status === "SUBMITTED" ? null : dayOf(1),
      // Demo applications count as already announced and reminded: no burst of mail on a demo start.
      notified_at: dayOf(0),
      reminded_at: dayOf(0),
      created_at: dayOf(0),
      updated_at: dayOf(2),
    });
    path.forEach((to, step) => {
      world.statusChanges.push({
        id: `${id}-h${step}`,
        application_id: id,
        from_status: step === 0 ? null : path[step - 1],
        to_status: to,
        by_user_id: to === "SUBMITTED" || to === "WITHDRAWN" ? student.id : company.memberId,
        message: null,
        created_at: dayOf(step),
      });
    });
    if (status === "HIRED") {
      world.placements.push({
        id: `demo-placement-${String(i + 1).padStart(6, "0")}`,
        application_id: id,
        offer_id: offer.id,
        company_id: company.id,
        student_id: student.id,
        territory_id: offer.territoryId,
        region_code: offer.regionCode,
        naf_section: company.nafSection,
        school_kind: student.schoolKind,
        establishment_id: student.establishmentId,
        contract_type: offer.contractType,
        start_date: offer.startDate,
        duration_months: offer.durationMonths,
        pay_band: null,
        vte_label: offer.vte,
        vte_green: offer.green,
        created_at: dayOf(path.length - 1),
      });
    }
  }
  return world;
}

function demoUser(id: string, email: string, role: string, firstName: string, lastName: string): Row {
  return { id, email: email.toLowerCase(), role, first_name: firstName, last_name: lastName };
}

function slug(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-");
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

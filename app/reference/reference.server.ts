// Look-ups in the reference data for the forms: NAF sub-classes, ROME fiches, communes.
import { db } from "#app/platform/db.server";
import { searchName } from "#app/domain/search-name";
import { phaseAt } from "#app/territories/phases.server";

export interface Choice {
  code: string;
  label: string;
}

/**
 * What a person typed in a reference field: a code at the start ("25.62B — Mécanique…", "H1206"),
 * or words that match exactly one entry. "ambiguous" when several match, null when none.
 */
async function resolveChoice(
  input: string,
  codePattern: RegExp,
  byCode: (code: string) => Promise<Choice | null>,
  search: (query: string, take: number) => Promise<Choice[]>,
): Promise<Choice | "ambiguous" | null> {
  const code = codePattern.exec(input)?.[1]?.toUpperCase();
  if (code) return byCode(code);
  const matches = await search(input, 2);
  if (matches.length === 1) return matches[0];
  return matches.length > 1 ? "ambiguous" : null;
}

export function resolveNaf(input: string) {
  return resolveChoice(
    input,
    /^\s*(\d{2}\.\d{2}[A-Z])/i,
    (code) => db().nafCode.findFirst({ where: { code, level: "sous-classe" }, select: { code: true, label: true } }),
    searchNaf,
  );
}

export async function searchNaf(query: string, take = 20): Promise<Choice[]> {
  const q = query.trim();
  if (q.length < 2) return [];
  const rows = await db().nafCode.findMany({
    where: { level: "sous-classe", OR: [{ code: { startsWith: q.toUpperCase() } }, { label: { contains: q, mode: "insensitive" } }] },
    orderBy: { code: "asc" },
    take,
  });
  return rows.map((r) => ({ code: r.code, label: r.label }));
}

export function resolveRome(input: string) {
  return resolveChoice(
    input,
    /^\s*([A-N]\d{4})/i,
    (code) => db().romeFiche.findUnique({ where: { code }, select: { code: true, label: true } }),
    searchRome,
  );
}

export async function searchRome(query: string, take = 20): Promise<Choice[]> {
  const q = query.trim();
  if (q.length < 2) return [];
  const rows = await db().romeFiche.findMany({
    where: { OR: [{ code: { startsWith: q.toUpperCase() } }, { label: { contains: q, mode: "insensitive" } }] },
    orderBy: [{ historical: "desc" }, { code: "asc" }],
    take,
  });
  return rows.map((r) => ({ code: r.code, label: r.label }));
}

/** The commune a person meant with a postal code and a name, or a French message for the field. */
export async function resolveCommuneField(postalCode: string, name: string): Promise<{ commune: CommuneChoice } | { error: string }> {
  const wanted = searchName(name);
  const candidates = wanted ? await searchCommunes({ postalCode, name }) : [];
  const exact = candidates.filter((c) => searchName(c.name) === wanted);
  if (exact.length === 1) return { commune: exact[0] };
  if (candidates.length === 1) return { commune: candidates[0] };
  if (candidates.length > 1) {
    return {
      error: `Plusieurs communes correspondent : ${candidates
        .slice(0, 5)
        .map((c) => c.name)
        .join(", ")}. Précisez le nom complet.`,
    };
  }
  return { error: `Aucune commune « ${name} » avec le code postal ${postalCode}.` };
}

export interface CommuneChoice {
  inseeCode: string;
  name: string;
  postalCodes: string[];
  territory: { id: string; name: string } | null;
}

/** Communes by postal code (exact or prefix) and/or name (prefix, accents and case ignored). */
export async function searchCommunes(options: { postalCode?: string; name?: string }, take = 20): Promise<CommuneChoice[]> {
  const postalCode = options.postalCode?.trim() ?? "";
  const name = searchName(options.name ?? "");
  if (postalCode.length < 5 && name.length < 2) return [];
  const rows = await db().commune.findMany({
    where: {
      ...(postalCode.length === 5 ? { postalCodes: { has: postalCode } } : {}),
      ...(name ? { searchName: { startsWith: name } } : {}),
    },
    orderBy: { population: "desc" },
    take,
    include: {
      territories: {
        where: { territory: { phaseId: await phaseAt() } },
        take: 1,
        include: { territory: { select: { id: true, name: true } } },
      },
    },
  });
  return rows.map((c) => ({
    inseeCode: c.inseeCode,
    name: c.name,
    postalCodes: c.postalCodes,
    territory: c.territories[0]?.territory ?? null,
  }));
}

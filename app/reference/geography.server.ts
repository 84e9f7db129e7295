// Resolves a commune to its EPCI and Territoire d'industrie (or to none).
import type { PrismaClient } from "#app/generated/prisma/client";
import type { Place } from "#app/domain/geo";
import { db } from "#app/platform/db.server";
import { searchName } from "#app/domain/search-name";
import { phaseAt } from "#app/territories/phases.server";

export interface CommuneResolution {
  inseeCode: string;
  name: string;
  postalCodes: string[];
  departmentCode: string;
  regionCode: string;
  latitude: number | null;
  longitude: number | null;
  epci: { siren: string; name: string } | null;
  /** The territory of the phase asked for (the one in force by default). */
  territory: { id: string; code: string; name: string; phase: string } | null;
}

export type CommuneQuery = { inseeCode: string } | { postalCode: string; name?: string };

// Paris, Lyon and Marseille arrondissements (75101, 69381, 13201…) belong to their commune.
function communeOfArrondissement(code: string): string {
  if (/^751\d\d$/.test(code)) return "75056";
  if (/^6938\d$/.test(code)) return "69123";
  if (/^132\d\d$/.test(code)) return "13055";
  return code;
}

/** A commune and its territory in a phase (the phase in force today unless given). */
export async function resolveCommune(
  prisma: PrismaClient,
  query: CommuneQuery,
  options: { phase?: string } = {},
): Promise<CommuneResolution | null> {
  const commune =
    "inseeCode" in query
      ? await prisma.commune.findUnique({ where: { inseeCode: communeOfArrondissement(query.inseeCode.trim()) } })
      : await findByPostalCode(prisma, query.postalCode.trim(), query.name);
  if (!commune) return null;
  const phase = options.phase ?? (await phaseAt());
  const [epci, membership] = await Promise.all([
    commune.epciSiren ? prisma.epci.findUnique({ where: { siren: commune.epciSiren }, select: { siren: true, name: true } }) : null,
    prisma.territoryCommune.findFirst({
      where: { communeCode: commune.inseeCode, territory: { phaseId: phase } },
      orderBy: { territoryId: "asc" },
      select: { territory: { select: { id: true, code: true, name: true, phaseId: true } } },
    }),
  ]);
  return {
    inseeCode: commune.inseeCode,
    name: commune.name,
    postalCodes: commune.postalCodes,
    departmentCode: commune.departmentCode,
    regionCode: commune.regionCode,
    latitude: commune.latitude,
    longitude: commune.longitude,
    epci,
    territory: membership
      ? {
          id: membership.territory.id,
          code: membership.territory.code,
          name: membership.territory.name,
          phase: membership.territory.phaseId,
        }
      : null,
  };
}

async function findByPostalCode(prisma: PrismaClient, postalCode: string, name?: string) {
  const candidates = await prisma.commune.findMany({
    where: { postalCodes: { has: postalCode } },
    orderBy: { population: "desc" },
  });
  if (!name) return candidates.length === 1 ? candidates[0] : null;
  const wanted = searchName(name);
  return candidates.find((c) => c.searchName === wanted) ?? candidates.find((c) => c.searchName.startsWith(wanted)) ?? null;
}

/** A commune from what a person typed: a postal code, an INSEE code or a name. */
export async function resolvePlace(text: string): Promise<Place | null> {
  const input = text.trim();
  if (!input) return null;
  const located = { latitude: { not: null }, longitude: { not: null } } as const;
  const commune = /^\d{5}$/.test(input)
    ? ((await db().commune.findFirst({ where: { postalCodes: { has: input }, ...located }, orderBy: { population: "desc" } })) ??
      (await db().commune.findFirst({ where: { inseeCode: input, ...located } })))
    : await db().commune.findFirst({
        where: { OR: [{ searchName: searchName(input) }, { searchName: { startsWith: searchName(input) } }], ...located },
        orderBy: { population: "desc" },
      });
  return commune
    ? { name: commune.name, inseeCode: commune.inseeCode, latitude: commune.latitude as number, longitude: commune.longitude as number }
    : null;
}

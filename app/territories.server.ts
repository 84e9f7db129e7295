// Read side of the Territoires d'industrie, for the public pages.
import { db } from "~/db.server";
import { searchableOfferWhere } from "../search/offer-document";

export interface TerritorySummary {
  id: string;
  name: string;
  epciCount: number;
  communeMemberCount: number;
  communeCount: number;
  placementCount: number;
}

export interface RegionTerritories {
  code: string;
  name: string;
  territories: TerritorySummary[];
}

export async function listTerritoriesByRegion(): Promise<RegionTerritories[]> {
  const prisma = db();
  const [territories, members, communes] = await Promise.all([
    prisma.territory.findMany({
      where: { active: true },
      select: { id: true, name: true, placementCount: true, region: { select: { code: true, name: true } } },
      orderBy: [{ region: { name: "asc" } }, { name: "asc" }],
    }),
    prisma.territoryMember.groupBy({ by: ["territoryId", "kind"], _count: { _all: true } }),
    prisma.territoryCommune.groupBy({ by: ["territoryId"], _count: { _all: true } }),
  ]);
  const memberCount = (id: string, kind: "EPCI" | "COMMUNE") =>
    members.find((m) => m.territoryId === id && m.kind === kind)?._count._all ?? 0;
  const communeCount = new Map(communes.map((c) => [c.territoryId, c._count._all]));

  const regions = new Map<string, RegionTerritories>();
  for (const territory of territories) {
    const region = regions.get(territory.region.code) ?? { ...territory.region, territories: [] };
    region.territories.push({
      id: territory.id,
      name: territory.name,
      epciCount: memberCount(territory.id, "EPCI"),
      communeMemberCount: memberCount(territory.id, "COMMUNE"),
      communeCount: communeCount.get(territory.id) ?? 0,
      placementCount: territory.placementCount,
    });
    regions.set(territory.region.code, region);
  }
  return [...regions.values()];
}

export async function getTerritory(id: string) {
  const prisma = db();
  const territory = await prisma.territory.findUnique({
    where: { id },
    include: {
      region: true,
      members: { orderBy: { name: "asc" } },
      _count: { select: { communes: true, companies: true } },
    },
  });
  if (!territory) return null;
  const searchable = { territoryId: id, ...searchableOfferWhere() };
  const [population, publishedOffers, latestOffers] = await Promise.all([
    prisma.commune.aggregate({ where: { territories: { some: { territoryId: id } } }, _sum: { population: true } }),
    prisma.offer.count({ where: searchable }),
    prisma.offer.findMany({
      where: searchable,
      orderBy: { publishedAt: "desc" },
      take: 20,
      select: { id: true, title: true, contractType: true, durationMonths: true, vteGreen: true, commune: { select: { name: true } }, company: { select: { name: true } } },
    }),
  ]);
  return {
    id: territory.id,
    name: territory.name,
    phase: territory.phase,
    active: territory.active,
    region: { code: territory.region.code, name: territory.region.name },
    members: territory.members.map((m) => ({ siren: m.siren, name: m.name, kind: m.kind })),
    communeCount: territory._count.communes,
    companyCount: territory._count.companies,
    population: population._sum.population ?? 0,
    publishedOffers,
    latestOffers: latestOffers.map((o) => ({ ...o, communeName: o.commune.name, companyName: o.company.name })),
    placementCount: territory.placementCount,
  };
}

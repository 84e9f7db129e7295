// Read side of the Territoires d'industrie, for the public pages.
import { db } from "~/db.server";
import { searchableOfferWhere } from "../search/offer-document";

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

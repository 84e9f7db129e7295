// Read side of the Territoires d'industrie, for the public pages: a territory of a phase, its
// lineage in the other phases (the territories sharing communes with it), and the phases.
import { db } from "#app/platform/db.server";
import { phaseLabel, splitTerritoryKey, territoryKey } from "#app/domain/territory-phase";
import { phaseAt, territoryPhases } from "./phases.server";
import { publicOfferWhere } from "#app/domain/public-offer";

export async function getTerritory(key: string) {
  const prisma = db();
  const territory = await prisma.territory.findUnique({
    where: { id: key },
    include: {
      region: true,
      members: { orderBy: { name: "asc" } },
      _count: { select: { communes: true, companies: true } },
    },
  });
  if (!territory) return null;
  const searchable = { territoryId: key, ...publicOfferWhere() };
  const [population, latestOffers, lineage, current] = await Promise.all([
    prisma.commune.aggregate({ where: { territories: { some: { territoryId: key } } }, _sum: { population: true } }),
    prisma.offer.findMany({
      where: searchable,
      orderBy: { publishedAt: "desc" },
      take: 20,
      select: {
        id: true,
        title: true,
        contractType: true,
        durationMonths: true,
        vteGreen: true,
        commune: { select: { name: true } },
        company: { select: { name: true } },
      },
    }),
    territoryLineage(key),
    phaseAt(),
  ]);
  return {
    id: territory.id,
    code: territory.code,
    name: territory.name,
    phase: territory.phaseId,
    phaseLabel: phaseLabel(territory.phaseId),
    inForce: territory.phaseId === current,
    region: { code: territory.region.code, name: territory.region.name },
    members: territory.members.map((m) => ({ siren: m.siren, name: m.name, kind: m.kind })),
    communeCount: territory._count.communes,
    companyCount: territory._count.companies,
    population: population._sum.population ?? 0,
    latestOffers: latestOffers.map((o) => ({ ...o, communeName: o.commune.name, companyName: o.company.name })),
    lineage,
  };
}

/**
 * The territories of the other phases that share communes with this one, most shared first, with
 * how many of this territory's communes they hold: Roanne - Tarare (2019–2022) → Roannais Forez
 * (2023–2027). Empty for a territory new in its phase.
 */
async function territoryLineage(key: string) {
  const rows = await db().$queryRaw<{ id: string; code: string; name: string; phase: string; shared: number }[]>`
    SELECT t.id, t.code, t.name, t.phase, count(*)::int AS shared
    FROM territory_commune mine
    JOIN territory_commune other ON other.commune_code = mine.commune_code AND other.territory_id <> mine.territory_id
    JOIN territory t ON t.id = other.territory_id
    WHERE mine.territory_id = ${key} AND t.phase <> ${splitTerritoryKey(key)?.phase ?? ""}
    GROUP BY t.id, t.code, t.name, t.phase
    ORDER BY t.phase, shared DESC, t.name`;
  return rows.map((row) => ({ ...row, phaseLabel: phaseLabel(row.phase) }));
}

/** The territory an id names without its phase: the first phase's, as links made before phases meant. */
export async function territoryOfBareCode(code: string): Promise<string | null> {
  const [first] = await territoryPhases();
  if (!first) return null;
  const key = territoryKey(first.id, code);
  return (await db().territory.count({ where: { id: key } })) ? key : null;
}

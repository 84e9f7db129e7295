// The national figures, each counted as app/domain/figures.ts defines it: the whole country, and
// the part inside the Territoires d'industrie of the phase in force (which is the sum of the
// /territoires table's columns).
import { db } from "#app/platform/db.server";
import { phaseAt } from "#app/territories/phases.server";

export interface FigureSet {
  publishedOffers: number;
  applications: number;
  placements: number;
  vtePlacements: number;
  greenPlacements: number;
  companies: number;
}

export async function nationalFigures(): Promise<{ phase: string; whole: FigureSet; insideTerritories: FigureSet }> {
  const phase = await phaseAt();
  const prisma = db();
  const [publishedOffers, applications, placements, vtePlacements, greenPlacements, companies, counters, companiesInside] =
    await Promise.all([
      prisma.offer.count({ where: { status: "PUBLISHED" } }),
      prisma.application.count(),
      prisma.placement.count(),
      prisma.placement.count({ where: { vteLabel: true } }),
      prisma.placement.count({ where: { vteGreen: true } }),
      prisma.company.count(),
      prisma.territory.aggregate({
        where: { phaseId: phase },
        _sum: {
          placementCount: true,
          vtePlacementCount: true,
          greenPlacementCount: true,
          publishedOfferCount: true,
          applicationCount: true,
        },
      }),
      prisma.company.count({ where: { territory: { phaseId: phase } } }),
    ]);
  const sum = counters._sum;
  return {
    phase,
    whole: { publishedOffers, applications, placements, vtePlacements, greenPlacements, companies },
    insideTerritories: {
      publishedOffers: sum.publishedOfferCount ?? 0,
      applications: sum.applicationCount ?? 0,
      placements: sum.placementCount ?? 0,
      vtePlacements: sum.vtePlacementCount ?? 0,
      greenPlacements: sum.greenPlacementCount ?? 0,
      companies: companiesInside,
    },
  };
}

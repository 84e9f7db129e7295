// /pilotage/export/:table.csv — the dashboard's tables as CSV, with the same filters.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvTableResponse } from "#app/platform/csv.server";
import { requireUser } from "#app/accounts/permissions.server";
import { uptake } from "#app/statistics/uptake.server";
import { uptakeFiltersOf } from "#app/domain/uptake-filters";

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireUser(request, context, ["OPERATOR"]);
  const url = new URL(request.url);
  const figures = await uptake(uptakeFiltersOf(url));
  return csvTableResponse(url, {
    mois: () => ({
      rows: figures.series,
      headers: {
        month: "Mois",
        offers: "Offres publiées",
        applications: "Candidatures",
        placements: "Placements",
        vtePlacements: "Placements VTE",
        greenPlacements: "Placements VTE Vert",
      },
      fileName: "vte-pilotage-mois.csv",
    }),
    territoires: () => ({
      rows: figures.territories,
      headers: { id: "Identifiant", name: "Territoire d'industrie", placements: "Placements" },
      fileName: "vte-pilotage-territoires.csv",
    }),
    ecoles: () => ({
      rows: figures.schools,
      headers: { id: "Identifiant Paysage", name: "Établissement", placements: "Placements" },
      fileName: "vte-pilotage-ecoles.csv",
    }),
  });
}

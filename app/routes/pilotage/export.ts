// /pilotage/export/:table.csv — the dashboard's tables as CSV, with the same filters.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvResponse } from "#app/platform/csv.server";
import { requireUser } from "#app/accounts/permissions.server";
import { uptake } from "#app/statistics/uptake.server";
import { uptakeFiltersOf } from "#app/domain/uptake-filters";

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireUser(request, context, ["OPERATOR"]);
  const figures = await uptake(uptakeFiltersOf(new URL(request.url)));
  const noStore = { "Cache-Control": "private, no-store" };
  switch (
    new URL(request.url).pathname
      .split("/")
      .pop()
      ?.replace(/\.csv$/, "")
  ) {
    case "mois":
      return csvResponse(
        figures.series,
        {
          month: "Mois",
          offers: "Offres publiées",
          applications: "Candidatures",
          placements: "Placements",
          vtePlacements: "Placements VTE",
          greenPlacements: "Placements VTE Vert",
        },
        "vte-pilotage-mois.csv",
        noStore,
      );
    case "territoires":
      return csvResponse(
        figures.topTerritories,
        { id: "Identifiant", name: "Territoire d'industrie", placements: "Placements" },
        "vte-pilotage-territoires.csv",
        noStore,
      );
    case "ecoles":
      return csvResponse(
        figures.topSchools,
        { id: "Identifiant Paysage", name: "Établissement", placements: "Placements" },
        "vte-pilotage-ecoles.csv",
        noStore,
      );
    default:
      throw new Response("Tableau inconnu", { status: 404 });
  }
}

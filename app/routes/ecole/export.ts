// /ecole/export/:table.csv — the school's figures as CSV (staff: their school; operators: ?ecole=).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvResponse } from "#app/platform/csv.server";
import { requireUser } from "#app/accounts/permissions.server";
import { schoolDashboard, schoolForViewer } from "#app/schools/schools.server";
import { lastMonths } from "#app/statistics/uptake.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context, ["SCHOOL_STAFF", "OPERATOR"]);
  const url = new URL(request.url);
  const school = await schoolForViewer(user, url);
  const figures = await schoolDashboard(school, lastMonths(12));
  const noStore = { "Cache-Control": "private, no-store" };
  const rows = (kind: string, groups: Record<string, { label: string; count: number }[]>) =>
    Object.entries(groups).flatMap(([by, list]) => list.map((r) => ({ by, label: r.label, count: r.count, kind })));
  switch (
    url.pathname
      .split("/")
      .pop()
      ?.replace(/\.csv$/, "")
  ) {
    case "mois":
      return csvResponse(
        figures.series,
        { month: "Mois", applications: "Candidatures", placements: "Placements" },
        "ecole-par-mois.csv",
        noStore,
      );
    case "candidatures":
      return csvResponse(
        rows("candidatures", {
          territoire: figures.applicationsByTerritory,
          secteur: figures.applicationsBySector,
          contrat: figures.applicationsByContract,
        }),
        { by: "Regroupement", label: "Valeur", count: "Candidatures" },
        "ecole-candidatures.csv",
        noStore,
      );
    case "placements":
      return csvResponse(
        rows("placements", {
          territoire: figures.placementsByTerritory,
          secteur: figures.placementsBySector,
          contrat: figures.placementsByContract,
        }),
        { by: "Regroupement", label: "Valeur", count: "Placements" },
        "ecole-placements.csv",
        noStore,
      );
    default:
      throw new Response("Tableau inconnu", { status: 404 });
  }
}

// /ecole/export/:table.csv — the school's figures as CSV (staff: their school; operators: ?ecole=).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvTableResponse } from "#app/platform/csv.server";
import { requireUser } from "#app/accounts/permissions.server";
import { schoolDashboard, schoolForViewer } from "#app/schools/schools.server";
import { lastMonths } from "#app/statistics/uptake.server";

type Breakdown = { label: string; count: number }[];

/** One row per value of each breakdown (by territory, sector, contract), with what it counts. */
const breakdownRows = (kind: string, groups: Record<string, Breakdown>) =>
  Object.entries(groups).flatMap(([by, list]) => list.map((r) => ({ by, label: r.label, count: r.count, kind })));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context, ["SCHOOL_STAFF", "OPERATOR"]);
  const url = new URL(request.url);
  const school = await schoolForViewer(user, url);
  const figures = await schoolDashboard(school, lastMonths(12));
  const breakdown = (kind: "candidatures" | "placements", counted: string, groups: Record<string, Breakdown>) => ({
    rows: breakdownRows(kind, groups),
    headers: { by: "Regroupement", label: "Valeur", count: counted },
    fileName: `ecole-${kind}.csv`,
  });
  return csvTableResponse(url, {
    mois: () => ({
      rows: figures.series,
      headers: { month: "Mois", applications: "Candidatures", placements: "Placements" },
      fileName: "ecole-par-mois.csv",
    }),
    candidatures: () =>
      breakdown("candidatures", "Candidatures", {
        territoire: figures.applicationsByTerritory,
        secteur: figures.applicationsBySector,
        contrat: figures.applicationsByContract,
      }),
    placements: () =>
      breakdown("placements", "Placements", {
        territoire: figures.placementsByTerritory,
        secteur: figures.placementsBySector,
        contrat: figures.placementsByContract,
      }),
  });
}

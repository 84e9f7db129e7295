// /api/stats/territoires.json and .csv — open data: placements per Territoire d'industrie (phase
// and id) and month, no personal data, every count from 1 to 4 left empty (and any that a total
// would give away) so that no person can be singled out. Schema: /api/stats/territoires.schema.json.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvHeaders, csvText } from "#app/platform/csv.server";
import { publicResponse } from "#app/platform/http-cache.server";
import { openDataRows, suppressionThreshold } from "#app/statistics/uptake.server";

const headers = {
  phase: "Phase",
  territoire_id: "Identifiant du territoire",
  territoire: "Territoire d'industrie",
  region: "Région",
  mois: "Mois",
  placements: "Placements",
  placements_vte: "Placements VTE",
  placements_vte_vert: "Placements VTE Vert",
};

export async function loader({ request }: LoaderFunctionArgs) {
  const format = new URL(request.url).pathname.endsWith(".csv") ? "csv" : "json";
  const rows = await openDataRows();
  if (format === "json") {
    const body = JSON.stringify({
      description: `Placements VTE par Territoire d'industrie et par mois. Les effectifs de 1 à ${suppressionThreshold - 1} sont masqués (null).`,
      seuil_de_masquage: suppressionThreshold,
      lignes: rows,
    });
    return publicResponse(request, body, { "Content-Type": "application/json; charset=utf-8" });
  }
  return publicResponse(request, csvText(rows, headers), csvHeaders("vte-placements-territoires.csv"));
}

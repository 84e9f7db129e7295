// /statistiques — the programme's national figures: the whole country, and the part inside the
// Territoires d'industrie of the list in force (the sum of the /territoires table), each figure as
// app/domain/figures.ts defines it, with its definition; small counts are not published.
import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { LineChart } from "#app/components/charts";
import { FigureDefinitions } from "#app/components/definitions";
import { FigureCards } from "#app/components/figures";
import { publicCount, publicCounts } from "#app/domain/disclosure";
import { figures as labels, type FigureKey } from "#app/domain/figures";
import { phaseLabel } from "#app/domain/territory-phase";
import { nationalFigures, type FigureSet } from "#app/statistics/figures.server";
import { nationalStatistics } from "#app/statistics/uptake.server";
import { htmlOnly } from "#app/components/page-scripts";

// Links and forms only: no script to wait for (app/components/page-scripts.ts).
export const handle = htmlOnly;

export const meta: MetaFunction = () => [
  { title: "Statistiques nationales · VTE" },
  {
    name: "description",
    content:
      "Les chiffres du Volontariat Territorial en Entreprise : placements, offres, candidatures, entreprises, en France et dans les Territoires d'industrie.",
  },
];

const shown: FigureKey[] = ["placements", "vtePlacements", "greenPlacements", "publishedOffers", "applications", "companies"];

export async function loader() {
  const [national, history] = await Promise.all([nationalFigures(), nationalStatistics()]);
  return {
    phase: national.phase,
    whole: publicCounts(national.whole),
    inside: publicCounts(national.insideTerritories),
    territories: history.territories,
    series: history.series.map((p) => ({ month: p.month, placements: publicCount(p.placements) })),
  };
}

export default function NationalStatisticsPage() {
  const { phase, whole, inside, territories, series } = useLoaderData<typeof loader>();
  const cards = (values: Record<keyof FigureSet, number | null>) =>
    shown.map((key) => ({ label: labels[key].label, value: values[key as keyof FigureSet] }));
  return (
    <section>
      <h1 className="text-3xl font-bold mb-4">Statistiques nationales</h1>
      <h2 className="text-xl font-semibold mb-2">France entière</h2>
      <FigureCards columns="sm:grid-cols-3" figures={cards(whole)} />
      <h2 className="text-xl font-semibold mb-2">Dont dans les Territoires d'industrie (liste {phaseLabel(phase)})</h2>
      <FigureCards columns="sm:grid-cols-3" figures={cards(inside)} />
      <LineChart
        id="placements-national"
        title="Placements par mois en France, 12 derniers mois"
        months={series.map((p) => p.month)}
        series={[{ key: "placements", label: labels.placements.label, color: "#000091", values: series.map((p) => p.placements) }]}
      />
      <p>
        Par territoire : <Link to="/territoires?tri=placements">le tableau des {territories} Territoires d'industrie</Link> (ses colonnes
        font les chiffres « dans les Territoires d'industrie » ci-dessus). Données ouvertes (par territoire et par mois, effectifs de 1 à 4
        masqués) : <a href="/api/stats/territoires.csv">CSV</a> · <a href="/api/stats/territoires.json">JSON</a> ·{" "}
        <a href="/api/stats/territoires.schema.json">schéma</a>.
      </p>
      <FigureDefinitions keys={shown} />
    </section>
  );
}

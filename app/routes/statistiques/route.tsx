// /statistiques — the programme's national figures and their last 12 months.
import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { LineChart } from "~/components/charts";
import { FigureCards } from "~/components/figures";
import { nationalStatistics } from "~/uptake.server";

export const meta: MetaFunction = () => [
  { title: "Statistiques nationales · VTE" },
  { name: "description", content: "Les chiffres du Volontariat Territorial en Entreprise : placements, offres, entreprises, Territoires d'industrie." },
];

export async function loader() {
  return nationalStatistics();
}

export default function NationalStatisticsPage() {
  const figures = useLoaderData<typeof loader>();
  return (
    <section>
      <h1 className="text-3xl font-bold mb-4">Statistiques nationales</h1>
      <FigureCards
        columns="sm:grid-cols-3"
        figures={[
          { label: "Placements", value: figures.placements },
          { label: "dont VTE", value: figures.vtePlacements },
          { label: "dont VTE Vert", value: figures.greenPlacements },
          { label: "Offres publiées", value: figures.publishedOffers },
          { label: "Candidatures", value: figures.applications },
          { label: "Entreprises inscrites", value: figures.companies },
        ]}
      />
      <LineChart
        id="placements-national"
        title="Placements par mois, 12 derniers mois"
        months={figures.series.map((p) => p.month)}
        series={[{ key: "placements", label: "Placements", color: "#000091", values: figures.series.map((p) => p.placements) }]}
      />
      <p>
        Par territoire : <Link to="/territoires?tri=placements">le tableau des {figures.territories} Territoires d'industrie</Link>. Données ouvertes (par
        territoire et par mois, effectifs de 1 à 4 masqués) : <a href="/api/stats/territoires.csv">CSV</a> · <a href="/api/stats/territoires.json">JSON</a>.
      </p>
    </section>
  );
}

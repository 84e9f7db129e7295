// /statistiques — the programme's national figures and their last 12 months.
import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { LineChart } from "~/components/charts";
import { formatCount } from "~/components/format";
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
      <dl className="grid grid-cols-2 sm:grid-cols-3 gap-4 mb-8">
        {[
          ["Placements", figures.placements],
          ["dont VTE", figures.vtePlacements],
          ["dont VTE Vert", figures.greenPlacements],
          ["Offres publiées", figures.publishedOffers],
          ["Candidatures", figures.applications],
          ["Entreprises inscrites", figures.companies],
        ].map(([label, value]) => (
          <div key={label as string} className="rounded border border-slate-200 p-3">
            <dt className="text-sm text-slate-600">{label}</dt>
            <dd className="text-2xl font-semibold tabular-nums">{formatCount(value as number)}</dd>
          </div>
        ))}
      </dl>
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

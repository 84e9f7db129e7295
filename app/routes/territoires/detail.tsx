import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Sparkline } from "~/components/charts";
import { FigureCards } from "~/components/figures";
import { territoryStatistics } from "~/uptake.server";
import { formatCount } from "~/components/format";
import { OfferList } from "~/components/offer-list";
import { getTerritory } from "~/territories.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.territory.name} · Territoire d'industrie · VTE` : "Territoire introuvable · VTE" },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const territory = await getTerritory(params.id ?? "");
  if (!territory) throw new Response("Territoire introuvable", { status: 404 });
  return { territory, statistics: await territoryStatistics(territory.id) };
}

const memberKindLabel = { EPCI: "Intercommunalité", COMMUNE: "Commune", OTHER: "Établissement public territorial" };

export default function TerritoryPage() {
  const { territory, statistics } = useLoaderData<typeof loader>();
  return (
    <article>
      <p className="text-sm mb-2">
        <Link to="/territoires">Territoires d'industrie</Link> › {territory.region.name}
      </p>
      <h1 className="text-3xl font-bold mb-2">{territory.name}</h1>
      <p className="text-slate-700 mb-6">
        Territoire d'industrie de la région {territory.region.name} (liste {territory.phase}
        {territory.active ? "" : ", plus en vigueur"}).
      </p>
      <FigureCards
        columns="sm:grid-cols-3"
        figures={[
          { label: "Membres", value: territory.members.length },
          { label: "Communes", value: territory.communeCount },
          { label: "Habitants", value: territory.population },
        ]}
      />
      <section aria-labelledby="placements" className="mb-8">
        <h2 id="placements" className="text-xl font-semibold mb-3">Le VTE dans le territoire</h2>
        <FigureCards
          figures={[
            { label: "Placements", value: statistics.placementCount, detail: `dont ${formatCount(statistics.vtePlacementCount)} VTE et ${formatCount(statistics.greenPlacementCount)} VTE Vert` },
            { label: "Offres publiées", value: statistics.publishedOfferCount },
            { label: "Entreprises inscrites", value: statistics.companies },
            { label: "Candidatures", value: statistics.applicationCount },
          ]}
        />
        <div className="flex items-center gap-3 text-sm">
          <span>Placements des 12 derniers mois</span>
          <Sparkline label="Placements des 12 derniers mois" months={statistics.series.map((p) => p.month)} values={statistics.series.map((p) => p.placements)} />
        </div>
      </section>
      <section aria-labelledby="offres" className="mb-8">
        <h2 id="offres" className="text-xl font-semibold mb-3">Offres VTE du territoire</h2>
        {territory.latestOffers.length === 0 ? (
          <p>Aucune offre publiée pour le moment.</p>
        ) : (
          <OfferList offers={territory.latestOffers} />
        )}
        <p className="mt-3">
          <Link to={`/offres?territoire=${territory.id}`}>Chercher parmi les {formatCount(territory.publishedOffers)} offres du territoire</Link>
        </p>
      </section>
      <h2 className="text-xl font-semibold mb-3">Membres du territoire</h2>
      <ul className="list-disc pl-6">
        {territory.members.map((member) => (
          <li key={member.siren}>
            {member.name} <span className="text-slate-500 text-sm">({memberKindLabel[member.kind]}, SIREN {member.siren})</span>
          </li>
        ))}
      </ul>
    </article>
  );
}

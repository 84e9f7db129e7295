import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatCount } from "~/components/format";
import { OfferList } from "~/components/offer-list";
import { getTerritory } from "~/territories.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.territory.name} · Territoire d'industrie · VTE` : "Territoire introuvable · VTE" },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const territory = await getTerritory(params.id ?? "");
  if (!territory) throw new Response("Territoire introuvable", { status: 404 });
  return { territory };
}

const memberKindLabel = { EPCI: "Intercommunalité", COMMUNE: "Commune", OTHER: "Établissement public territorial" };

export default function TerritoryPage() {
  const { territory } = useLoaderData<typeof loader>();
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
      <dl className="grid grid-cols-2 sm:grid-cols-4 gap-4 mb-8">
        {[
          ["Membres", territory.members.length],
          ["Communes", territory.communeCount],
          ["Habitants", territory.population],
          ["Offres publiées", territory.publishedOffers],
        ].map(([label, value]) => (
          <div key={label} className="rounded border border-slate-200 p-3">
            <dt className="text-sm text-slate-600">{label}</dt>
            <dd className="text-2xl font-semibold tabular-nums">{formatCount(value as number)}</dd>
          </div>
        ))}
      </dl>
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

import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listTerritoriesByRegion } from "~/territories.server";
import { formatCount } from "~/components/format";

export const meta: MetaFunction = () => [
  { title: "Territoires d'industrie · VTE" },
  { name: "description", content: "Les Territoires d'industrie, région par région, où proposer et trouver un VTE." },
];

export async function loader() {
  const regions = await listTerritoriesByRegion();
  return { regions, territoryCount: regions.reduce((sum, r) => sum + r.territories.length, 0) };
}

export default function TerritoriesPage() {
  const { regions, territoryCount } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="text-3xl font-bold mb-2">Territoires d'industrie</h1>
      <p className="mb-6 text-slate-700">
        {territoryCount} territoires dans {regions.length} régions, outre-mer compris. Chaque territoire regroupe des
        intercommunalités (EPCI), ou des communes au sein d'une métropole.
      </p>
      <nav aria-label="Régions" className="mb-8">
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {regions.map((region) => (
            <li key={region.code}>
              <a href={`#region-${region.code}`}>{region.name}</a>
            </li>
          ))}
        </ul>
      </nav>
      {regions.map((region) => (
        <section key={region.code} aria-labelledby={`region-${region.code}`} className="mb-8">
          <h2 id={`region-${region.code}`} className="text-xl font-semibold mb-3">
            {region.name} <span className="text-slate-500 font-normal">({region.territories.length})</span>
          </h2>
          <table className="w-full text-sm border-collapse">
            <thead>
              <tr className="text-left border-b border-slate-300">
                <th scope="col" className="py-1 pr-4">Territoire</th>
                <th scope="col" className="py-1 pr-4 text-right">EPCI</th>
                <th scope="col" className="py-1 pr-4 text-right">Communes</th>
              </tr>
            </thead>
            <tbody>
              {region.territories.map((territory) => (
                <tr key={territory.id} className="border-b border-slate-100">
                  <td className="py-1 pr-4">
                    <Link to={`/territoires/${territory.id}`}>{territory.name}</Link>
                  </td>
                  <td className="py-1 pr-4 text-right tabular-nums">
                    {territory.epciCount}
                    {territory.communeMemberCount > 0 && (
                      <span className="text-slate-500"> + {territory.communeMemberCount} communes membres</span>
                    )}
                  </td>
                  <td className="py-1 pr-4 text-right tabular-nums">{formatCount(territory.communeCount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}

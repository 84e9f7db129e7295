import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Sparkline } from "#app/components/charts";
import { FigureCards } from "#app/components/figures";
import { territoryStatistics } from "#app/statistics/uptake.server";
import { formatCount } from "#app/components/format";
import { OfferList } from "#app/components/offer-list";
import { territoryKey, territoryPath } from "#app/domain/territory-phase";
import { getTerritory, territoryOfBareCode } from "#app/territories/territories.server";
import { territoryLocation } from "#app/territories/map.server";
import { FigureDefinitions } from "#app/components/definitions";
import { hiddenCountText, publicCount, publicCounts } from "#app/domain/disclosure";
import { figures } from "#app/domain/figures";
import { htmlOnly } from "#app/components/page-scripts";

const shown = (count: number | null) => (count === null ? hiddenCountText : formatCount(count));

// Links and forms only: no script to wait for (app/components/page-scripts.ts).
export const handle = htmlOnly;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.territory.name} · Territoire d'industrie · VTE` : "Territoire introuvable · VTE" },
];

export async function loader({ params }: LoaderFunctionArgs) {
  // /territoires/ti-8411 keeps the meaning it had when it was shared: the first list's territory.
  const key = params.phase ? territoryKey(params.phase, params.code ?? "") : await territoryOfBareCode(params.code ?? "");
  const territory = key ? await getTerritory(key) : null;
  if (!territory) throw new Response("Territoire introuvable", { status: 404 });
  const { series, ...counts } = await territoryStatistics(territory.id);
  // The public sees no count from 1 to 4, in the cards, the sparkline or its words.
  const statistics = { ...publicCounts(counts), series: series.map((p) => ({ month: p.month, placements: publicCount(p.placements) })) };
  // Where it lies, among its region's territories (kept small: those shapes only).
  const location = await territoryLocation(territory.phase, territory.code);
  return { territory, statistics, bareLink: !params.phase, location };
}

const memberKindLabel: Record<string, string> = {
  EPCI: "Intercommunalité",
  COMMUNE: "Commune",
  EPT: "Établissement public territorial",
  OTHER: "Groupement",
};

/** The territories of another phase sharing communes with this one, as links "Name (phase)". */
function LineageLinks({ intro, territories }: { intro: string; territories: { id: string; name: string; phaseLabel: string }[] }) {
  if (territories.length === 0) return null;
  return (
    <p>
      {intro} :{" "}
      {territories.map((t, i) => (
        <span key={t.id}>
          {i > 0 && ", "}
          <Link to={territoryPath(t.id)}>
            {t.name} ({t.phaseLabel})
          </Link>
        </span>
      ))}
      .
    </p>
  );
}

export default function TerritoryPage() {
  const { territory, statistics, bareLink, location } = useLoaderData<typeof loader>();
  const successors = territory.lineage.filter((t) => t.phase > territory.phase);
  const predecessors = territory.lineage.filter((t) => t.phase < territory.phase);
  return (
    <article>
      <p className="text-sm mb-2">
        <Link to="/territoires">Territoires d'industrie</Link> › {territory.region.name}
      </p>
      <h1 className="text-3xl font-bold mb-2">{territory.name}</h1>
      <p className="text-slate-700 mb-2">
        Territoire d'industrie de la région {territory.region.name}, liste {territory.phaseLabel}
        {territory.inForce ? " (en vigueur)" : " (plus en vigueur)"}.
      </p>
      <section aria-label="Lignée du territoire" className="mb-6 text-slate-700">
        {bareLink && (
          <p className="mb-1">
            Ce lien désigne le territoire {territory.code} de la liste {territory.phaseLabel} ; le même identifiant désigne un autre
            territoire dans la liste suivante.
          </p>
        )}
        <LineageLinks intro={successors.length > 1 ? "Lui succèdent" : "Lui succède"} territories={successors} />
        <LineageLinks intro="Issu de" territories={predecessors} />
        {predecessors.length === 0 && territory.phase !== "2019-2022" && (
          <p>
            Nouveau en {territory.phase.slice(0, 4)} : aucune de ses communes n'était dans un Territoire d'industrie de la liste précédente.
          </p>
        )}
      </section>
      {location && (
        <svg
          viewBox={location.box.join(" ")}
          className="float-right ml-4 mb-4 w-40 h-auto border border-slate-200"
          role="img"
          aria-label={`Carte : ${territory.name} parmi les Territoires d'industrie de la région ${territory.region.name} (liste ${territory.phaseLabel})`}
        >
          {location.neighbours.map((path, i) => (
            <path key={i} d={path} fill="#e2e8f0" stroke="#ffffff" strokeWidth="0.5" />
          ))}
          <path d={location.own} fill="#000091" />
        </svg>
      )}
      <FigureCards
        columns="sm:grid-cols-3"
        figures={[
          { label: "Membres", value: territory.members.length },
          { label: "Communes", value: territory.communeCount },
          { label: "Habitants", value: territory.population },
        ]}
      />
      <section aria-labelledby="placements" className="mb-8">
        <h2 id="placements" className="text-xl font-semibold mb-3">
          Le VTE dans le territoire
        </h2>
        <FigureCards
          figures={[
            {
              label: figures.placements.label,
              value: statistics.placementCount,
              detail: `dont ${shown(statistics.vtePlacementCount)} VTE et ${shown(statistics.greenPlacementCount)} VTE Vert`,
            },
            { label: figures.publishedOffers.label, value: statistics.publishedOfferCount },
            { label: figures.companies.label, value: statistics.companies },
            { label: figures.applications.label, value: statistics.applicationCount },
          ]}
        />
        <div className="flex items-center gap-3 text-sm">
          <span>Placements des 12 derniers mois</span>
          <Sparkline
            label="Placements des 12 derniers mois"
            months={statistics.series.map((p) => p.month)}
            values={statistics.series.map((p) => p.placements)}
          />
        </div>
      </section>
      <section aria-labelledby="offres" className="mb-8">
        <h2 id="offres" className="text-xl font-semibold mb-3">
          Offres VTE du territoire
        </h2>
        {territory.latestOffers.length === 0 ? <p>Aucune offre publiée pour le moment.</p> : <OfferList offers={territory.latestOffers} />}
        <p className="mt-3">
          <Link to={`/offres?territoire=${encodeURIComponent(territory.id)}`}>
            Chercher parmi les {shown(statistics.publishedOfferCount)} offres du territoire
          </Link>
        </p>
      </section>
      <FigureDefinitions keys={["placements", "vtePlacements", "greenPlacements", "publishedOffers", "companies", "applications"]} />
      <h2 className="text-xl font-semibold mb-3 mt-8">Membres du territoire</h2>
      <ul className="list-disc pl-6">
        {territory.members.map((member) => (
          <li key={member.siren}>
            {member.name}{" "}
            <span className="text-slate-500 text-sm">
              ({memberKindLabel[member.kind]}, SIREN {member.siren})
            </span>
          </li>
        ))}
      </ul>
    </article>
  );
}

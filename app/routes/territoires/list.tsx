// /territoires — every Territoire d'industrie with its figures, in a table sorted by the column the
// person chooses (links, so it works without JavaScript).
import { TableBox } from "#app/components/table";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatCount } from "#app/components/format";
import { FigureDefinitions } from "#app/components/definitions";
import { figures } from "#app/domain/figures";
import { hiddenCountText, protectTable } from "#app/domain/disclosure";
import { phaseLabel, territoryPath } from "#app/domain/territory-phase";
import { phaseAt, territoryPhases } from "#app/territories/phases.server";
import { territoryFigures } from "#app/statistics/uptake.server";
import { territoryMap } from "#app/territories/map.server";
import { TerritoryMapSvg } from "#app/components/territory-map";
import { htmlOnly } from "#app/components/page-scripts";

// Links and forms only: no script to wait for (app/components/page-scripts.ts).
export const handle = htmlOnly;

export const meta: MetaFunction = () => [
  { title: "Territoires d'industrie · VTE" },
  { name: "description", content: "Les Territoires d'industrie et leurs chiffres du VTE : placements, offres publiées, entreprises." },
];

const columns = [
  { key: "nom", label: "Territoire", numeric: false },
  { key: "region", label: "Région", numeric: false },
  { key: "placements", label: figures.placements.label, numeric: true },
  { key: "vte", label: figures.vtePlacements.label, numeric: true },
  { key: "vert", label: figures.greenPlacements.label, numeric: true },
  { key: "offres", label: figures.publishedOffers.label, numeric: true },
  { key: "entreprises", label: figures.companies.label, numeric: true },
] as const;
type SortKey = (typeof columns)[number]["key"];

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const sort = (columns.find((c) => c.key === url.searchParams.get("tri"))?.key ?? "nom") as SortKey;
  // The list in force by default; the other phases one link away.
  const [phases, current] = await Promise.all([territoryPhases(), phaseAt()]);
  const phase = phases.find((p) => p.id === url.searchParams.get("phase"))?.id ?? current;
  // Published as the public may see them: 1 to 4 hidden, and one more cell of a column where a
  // single hidden one could be found from the column's total (the national figure).
  const exact = await territoryFigures(phase);
  const safe = protectTable(
    exact.map((t) => [t.placements, t.vtePlacements, t.greenPlacements, t.publishedOffers, t.companies]),
    { ofRows: false, ofColumns: true },
  );
  const all = exact.map((t, i) => ({
    ...t,
    placements: safe[i][0],
    vtePlacements: safe[i][1],
    greenPlacements: safe[i][2],
    publishedOffers: safe[i][3],
    companies: safe[i][4],
  }));
  const regions = [...new Map(all.map((t) => [t.regionCode, t.region]))]
    .map(([code, name]) => ({ code, name }))
    .sort((a, b) => a.name.localeCompare(b.name, "fr"));
  const region = regions.find((r) => r.code === url.searchParams.get("region")) ?? null;
  const rows = region ? all.filter((t) => t.regionCode === region.code) : all;
  const value = (row: (typeof rows)[number]): string | number | null =>
    ({
      nom: row.name,
      region: row.region,
      placements: row.placements,
      vte: row.vtePlacements,
      vert: row.greenPlacements,
      offres: row.publishedOffers,
      entreprises: row.companies,
    })[sort];
  rows.sort((a, b) => {
    const [va, vb] = [value(a), value(b)];
    // Figures largest first, names in alphabetical order; ties by name.
    // Hidden counts sort as zero: their order among themselves is not published either.
    return typeof va === "string"
      ? va.localeCompare(vb as string, "fr") || a.name.localeCompare(b.name, "fr")
      : ((vb as number | null) ?? 0) - (va ?? 0) || a.name.localeCompare(b.name, "fr");
  });
  // The map: every territory of the phase, shaded by the figure chosen (published counts only).
  const mapFigure = url.searchParams.get("carte") === "offres" ? "offres" : "placements";
  const drawn = await territoryMap(phase);
  const map = drawn && {
    width: drawn.width,
    height: drawn.height,
    frames: drawn.frames,
    figure: mapFigure,
    shapes: all
      .filter((t) => drawn.paths.has(t.id.split("/")[1]))
      .map((t) => ({
        key: t.id,
        name: t.name,
        path: drawn.paths.get(t.id.split("/")[1]) as string,
        value: mapFigure === "offres" ? t.publishedOffers : t.placements,
      })),
  };
  return { rows, sort, regions, region, total: all.length, phase, current, phases: phases.map((p) => p.id), map };
}

export default function TerritoriesPage() {
  const { rows, sort, regions, region, total, phase, current, phases, map } = useLoaderData<typeof loader>();
  const query = (changes: { tri?: string; region?: string | null; phase?: string }) => {
    const params = new URLSearchParams();
    const p = changes.phase ?? phase;
    if (p !== current) params.set("phase", p);
    const r = changes.region === undefined ? region?.code : changes.region;
    if (r) params.set("region", r);
    const t = changes.tri ?? sort;
    if (t !== "nom") params.set("tri", t);
    return `/territoires${params.size ? `?${params}` : ""}`;
  };
  return (
    <>
      <h1 className="text-3xl font-bold mb-2">Territoires d'industrie</h1>
      <nav aria-label="Listes des Territoires d'industrie" className="mb-3">
        <ul className="flex flex-wrap gap-4 text-sm">
          {phases.map((p) => (
            <li key={p}>
              {p === phase ? (
                <strong aria-current="page">
                  Liste {phaseLabel(p)}
                  {p === current ? " (en vigueur)" : ""}
                </strong>
              ) : (
                <Link to={query({ phase: p, region: null })}>
                  Liste {phaseLabel(p)}
                  {p === current ? " (en vigueur)" : ""}
                </Link>
              )}
            </li>
          ))}
        </ul>
      </nav>
      <p className="mb-4 text-slate-700">
        {total} territoires de la liste {phaseLabel(phase)} dans {regions.length} régions, outre-mer compris, avec leurs chiffres du VTE.
        Cliquez sur un en-tête de colonne pour trier. Les chiffres nationaux sont sur{" "}
        <Link to="/statistiques">la page des statistiques</Link>.
      </p>
      {map && (
        <section aria-labelledby="carte" className="mb-6">
          <h2 id="carte" className="sr-only">
            Carte
          </h2>
          <p className="mb-2 text-sm">
            Colorer la carte par :{" "}
            {(["placements", "offres"] as const).map((figure) => (
              <span key={figure} className="mr-3">
                {figure === map.figure ? (
                  <strong aria-current="true">{figure === "offres" ? figures.publishedOffers.label : figures.placements.label}</strong>
                ) : (
                  <Link to={`${query({})}${query({}).includes("?") ? "&" : "?"}carte=${figure}`} preventScrollReset>
                    {figure === "offres" ? figures.publishedOffers.label : figures.placements.label}
                  </Link>
                )}
              </span>
            ))}
            . Le tableau ci-dessous donne les mêmes chiffres.
          </p>
          <TerritoryMapSvg
            width={map.width}
            height={map.height}
            frames={map.frames}
            shapes={map.shapes}
            figureLabel={map.figure === "offres" ? figures.publishedOffers.label : figures.placements.label}
          />
        </section>
      )}
      <nav aria-label="Régions" className="mb-6">
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          <li>
            {region ? (
              <Link to={query({ region: null })}>Toutes les régions</Link>
            ) : (
              <strong aria-current="page">Toutes les régions</strong>
            )}
          </li>
          {regions.map((r) => (
            <li key={r.code}>
              {region?.code === r.code ? (
                <strong aria-current="page">{r.name}</strong>
              ) : (
                <Link to={query({ region: r.code })}>{r.name}</Link>
              )}
            </li>
          ))}
        </ul>
      </nav>
      {region && (
        <h2 className="text-xl font-semibold mb-3">
          {region.name} ({rows.length} territoires)
        </h2>
      )}
      <TableBox label={"Territoires d'industrie"}>
        <table className="w-full text-sm border-collapse">
          <caption className="sr-only">
            Territoires d'industrie et leurs chiffres, triés par {columns.find((c) => c.key === sort)?.label.toLowerCase()}
          </caption>
          <thead>
            <tr className="text-left border-b border-slate-300">
              {columns.map((c) => (
                <th
                  key={c.key}
                  scope="col"
                  aria-sort={c.key === sort ? (c.numeric ? "descending" : "ascending") : undefined}
                  className={`py-1 pr-4 ${c.numeric ? "text-right" : ""}`}
                >
                  {c.key === sort ? c.label : <Link to={query({ tri: c.key })}>{c.label}</Link>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((t) => (
              <tr key={t.id} className="border-b border-slate-100">
                <td className="py-1 pr-4">
                  <Link to={territoryPath(t.id)}>{t.name}</Link>
                </td>
                <td className="py-1 pr-4">{t.region}</td>
                {[t.placements, t.vtePlacements, t.greenPlacements, t.publishedOffers, t.companies].map((n, i) => (
                  <td key={i} className="py-1 pr-4 text-right tabular-nums">
                    {n === null ? hiddenCountText : formatCount(n)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableBox>
      <FigureDefinitions keys={["placements", "vtePlacements", "greenPlacements", "publishedOffers", "companies"]} />
    </>
  );
}

// /pilotage — the operators' dashboard: uptake month by month (offers published, applications,
// placements, VTE labels, VTE Vert) with filters, the top territories and schools, the moderation
// queue; charts drawn on the server, each with its table; every table exported as CSV.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { LineChart } from "#app/components/charts";
import { FigureCards } from "#app/components/figures";
import { formatCount } from "#app/components/format";

import { FigureDefinitions } from "#app/components/definitions";
import { db, getDatabase } from "#app/platform/db.server";
import { figures as labels } from "#app/domain/figures";
import { phaseAt } from "#app/territories/phases.server";
import { failedOutboxJobs } from "#app/platform/outbox.server";
import { requireUser } from "#app/accounts/permissions.server";
import { referenceLabels } from "#app/reference/labels.server";
import { uptake } from "#app/statistics/uptake.server";
import { periods, uptakeFiltersOf } from "#app/domain/uptake-filters";
import { optionsOf, schoolKinds } from "#app/domain/codes";
import { isNafSection } from "#app/domain/naf";
import { personalDataCounts } from "#app/personal-data/retention.server";
import { ColumnHeads, TableBox } from "#app/components/table";

export const meta: MetaFunction = () => [{ title: "Pilotage · VTE" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireUser(request, context, ["OPERATOR"]);
  const url = new URL(request.url);
  const filters = uptakeFiltersOf(url);
  const [figures, labels, failedJobs, phase, personalData] = await Promise.all([
    uptake(filters),
    referenceLabels(),
    failedOutboxJobs(getDatabase().sql),
    phaseAt(),
    personalDataCounts(),
  ]);
  const sorted = (map: Map<string, string>) =>
    [...map].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, "fr"));
  // Once a region is chosen, only its territories are offered; a territory of another region is said.
  const territoriesInForce = await db().territory.findMany({
    where: { phaseId: phase },
    select: { id: true, name: true, regionCode: true },
  });
  const chosenTerritory = territoriesInForce.find((t) => t.id === filters.territory);
  return {
    filters,
    mismatch:
      filters.region && chosenTerritory && chosenTerritory.regionCode !== filters.region
        ? `${chosenTerritory.name} n'est pas en ${labels.region.get(filters.region) ?? filters.region} : aucun chiffre ne peut répondre aux deux filtres. Retirez l'un des deux.`
        : null,
    query: url.search,
    figures,
    failedJobs,
    personalData,
    choices: {
      regions: sorted(labels.region),
      territories: sorted(
        new Map(territoriesInForce.filter((t) => !filters.region || t.regionCode === filters.region).map((t) => [t.id, t.name])),
      ),
      sections: sorted(new Map([...labels.naf].filter(([code]) => isNafSection(code)))),
    },
  };
}

function Select({
  name,
  label,
  value,
  options,
}: {
  name: string;
  label: string;
  value?: string | number;
  options: { value: string; label: string }[];
}) {
  return (
    <div>
      <label htmlFor={`filtre-${name}`} className="block text-sm">
        {label}
      </label>
      <select
        id={`filtre-${name}`}
        name={name}
        defaultValue={value ?? ""}
        className="mt-1 rounded border border-slate-400 px-2 py-1 max-w-56"
      >
        <option value="">Tous</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export default function OperatorDashboard() {
  const { filters, mismatch, query, figures, failedJobs, choices, personalData } = useLoaderData<typeof loader>();
  const failedCount = failedJobs.reduce((sum, job) => sum + job.count, 0);
  const months = figures.series.map((m) => m.month);
  const exportUrl = (table: string) => `/pilotage/export/${table}.csv${query}`;
  return (
    <section>
      <h1 className="text-3xl font-bold mb-4">Pilotage du programme</h1>
      {failedCount > 0 && (
        <div role="alert" className="mb-4 rounded border-l-4 border-red-700 bg-red-50 p-3">
          <p>
            {formatCount(failedCount)} tâche{failedCount > 1 ? "s" : ""} en échec (
            {failedJobs.map((job) => `${job.kind === "mail" ? "e-mails" : job.kind} : ${formatCount(job.count)}`).join(", ")}) : elles n'ont
            pas abouti malgré les nouvelles tentatives.
          </p>
          <p>
            Relancez-les avec <code>npm run outbox:retry</code> une fois la cause corrigée (détail sur <code>/healthz</code>).
          </p>
        </div>
      )}
      <p className="mb-6">
        <Link to="/pilotage/moderation" className="rounded bg-marine px-4 py-2 text-white no-underline">
          File de modération ({formatCount(figures.pending)} offre{figures.pending > 1 ? "s" : ""} à valider)
        </Link>{" "}
        <Link to="/pilotage/entreprises" className="ml-4">
          Entreprises à vérifier
        </Link>
        <Link to="/pilotage/ecoles" className="ml-4">
          Écoles et domaines
        </Link>
      </p>
      <Form
        method="get"
        className="mb-6 flex flex-wrap items-end gap-3 rounded border border-slate-200 p-3"
        aria-label="Filtres du tableau de bord"
      >
        <Select name="region" label="Région" value={filters.region} options={choices.regions} />
        <Select name="territoire" label="Territoire d'industrie" value={filters.territory} options={choices.territories} />
        <Select name="secteur" label="Secteur (section NAF)" value={filters.section} options={choices.sections} />
        <Select name="ecole" label="Type d'école" value={filters.schoolKind} options={optionsOf(schoolKinds)} />
        <div>
          <label htmlFor="filtre-periode" className="block text-sm">
            Période
          </label>
          <select
            id="filtre-periode"
            name="periode"
            defaultValue={String(filters.months)}
            className="mt-1 rounded border border-slate-400 px-2 py-1"
          >
            {periods.map((n) => (
              <option key={n} value={n}>
                {n} derniers mois
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded bg-marine px-3 py-1 text-white">
          Appliquer
        </button>
      </Form>
      {mismatch && (
        <p role="alert" className="mb-4 rounded border-l-4 border-amber-600 bg-amber-50 p-3">
          {mismatch}
        </p>
      )}
      {filters.schoolKind && (
        <p role="note" className="mb-4 rounded border-l-4 border-marine bg-marine-light p-3 text-sm">
          Le type d'école s'applique aux candidatures et aux placements ; « {labels.offersPublishedInPeriod.label} » compte toutes les
          offres, qui s'adressent souvent à plusieurs types d'écoles.
        </p>
      )}
      <FigureCards
        columns="sm:grid-cols-5"
        figures={[
          { label: labels.offersPublishedInPeriod.label, value: figures.totals.offers },
          { label: labels.applications.label, value: figures.totals.applications },
          { label: labels.placements.label, value: figures.totals.placements },
          { label: "dont VTE", value: figures.totals.vtePlacements },
          { label: "dont VTE Vert", value: figures.totals.greenPlacements },
        ]}
      />
      <LineChart
        id="activite"
        title={`${labels.offersPublishedInPeriod.label} et candidatures par mois`}
        months={months}
        series={[
          { key: "offers", label: labels.offersPublishedInPeriod.label, color: "#000091", values: figures.series.map((m) => m.offers) },
          { key: "applications", label: labels.applications.label, color: "#b34000", values: figures.series.map((m) => m.applications) },
        ]}
      />
      <LineChart
        id="placements"
        title="Placements par mois"
        months={months}
        series={[
          { key: "placements", label: labels.placements.label, color: "#000091", values: figures.series.map((m) => m.placements) },
          { key: "vte", label: "dont VTE", color: "#6a6af4", values: figures.series.map((m) => m.vtePlacements) },
          { key: "green", label: "dont VTE Vert", color: "#18753c", values: figures.series.map((m) => m.greenPlacements) },
        ]}
      />
      <p className="mb-8 text-sm">
        Exporter en CSV : <a href={exportUrl("mois")}>chiffres par mois</a> · <a href={exportUrl("territoires")}>territoires</a> ·{" "}
        <a href={exportUrl("ecoles")}>écoles</a>
        <br />
        Registre des activités de traitement (données personnelles) : <a href="/pilotage/registre.md">Markdown</a> ·{" "}
        <a href="/pilotage/registre.json">JSON</a>
        <br />
        Données personnelles : {formatCount(personalData.anonymised)} compte(s) anonymisé(s) (supprimés ou inactifs),{" "}
        {formatCount(personalData.deletionsPending)} suppression(s) en attente, {formatCount(personalData.warned)} compte(s) prévenu(s)
        d'une anonymisation pour inactivité.
      </p>
      <div className="grid gap-8 md:grid-cols-2">
        {[
          {
            id: "top-territoires",
            title: "Territoires qui placent le plus",
            rows: figures.topTerritories,
            link: (id: string) => `/territoires/${id}`,
          },
          { id: "top-ecoles", title: "Établissements qui placent le plus", rows: figures.topSchools, link: null },
        ].map((table) => (
          <section key={table.id} aria-labelledby={table.id}>
            <h2 id={table.id} className="text-xl font-semibold mb-2">
              {table.title}
            </h2>
            {table.rows.length === 0 ? (
              <p>Aucun placement sur la période.</p>
            ) : (
              <TableBox label={table.title}>
                <table className="w-full text-sm border-collapse">
                  <ColumnHeads columns={["Nom", { label: "Placements", numeric: true }]} />
                  <tbody>
                    {table.rows.map((row) => (
                      <tr key={row.id} className="border-b border-slate-100">
                        <td className="py-1 pr-4">{table.link ? <Link to={table.link(row.id)}>{row.name}</Link> : row.name}</td>
                        <td className="py-1 text-right tabular-nums">{formatCount(row.placements)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableBox>
            )}
          </section>
        ))}
      </div>
      <p className="mt-6 text-sm">
        Chiffres exacts, réservés à l'équipe du programme : les pages publiques masquent les effectifs de 1 à 4.
      </p>
      <FigureDefinitions keys={["offersPublishedInPeriod", "applications", "placements", "vtePlacements", "greenPlacements"]} />
    </section>
  );
}

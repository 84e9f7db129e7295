// The search page's parts that stand alone: a facet's boxes, the alert form, an offer in the results.
import { Form, Link } from "@remix-run/react";
import { formatCount } from "#app/components/format";
import { formatLongDate, publishedAgo } from "#app/components/labels";
import { offerSearchUrl, type OfferSearchParams } from "#app/domain/offer-search-params";
import type { OfferHit } from "#app/offers/search-contract";
import type { FacetOption } from "#app/offers/search-view";
import { contractTypes, labelOf } from "#app/domain/codes";

/** A facet's values as checkboxes, each with its count; the id keeps a box's focus across a live update. */
export function FacetOptions({ name, values }: { name: string; values: FacetOption[] }) {
  return (
    <ul className="facet-options">
      {values.map((option) => (
        <li key={option.value}>
          <label>
            <input type="checkbox" id={`${name}-${option.value}`} name={name} value={option.value} defaultChecked={option.checked} />
            {option.count === null ? option.label : `${option.label} `}
            {option.count !== null && <span>{`(${formatCount(option.count)})`}</span>}
          </label>
        </li>
      ))}
    </ul>
  );
}

/** A logged-in student keeps the current search (its URL) with a daily or weekly alert. */
export function SaveSearch({ params }: { params: OfferSearchParams }) {
  const query = offerSearchUrl({ ...params, page: 1 }).replace(/^\/offres\??/, "");
  return (
    <details className="mb-4 rounded border border-slate-200 p-3">
      <summary className="cursor-pointer font-medium">Créer une alerte pour cette recherche</summary>
      <Form method="post" action="/etudiant/alertes" className="mt-2 flex flex-wrap items-end gap-3">
        <input type="hidden" name="query" value={query} />
        <div>
          <label htmlFor="alerte-nom" className="block text-sm">
            Nom de l'alerte
          </label>
          <input
            id="alerte-nom"
            name="name"
            required
            maxLength={80}
            defaultValue={params.q || "Ma recherche VTE"}
            className="mt-1 rounded border border-slate-400 px-2 py-1"
          />
        </div>
        <div>
          <label htmlFor="alerte-frequence" className="block text-sm">
            Fréquence
          </label>
          <select id="alerte-frequence" name="frequency" defaultValue="DAILY" className="mt-1 rounded border border-slate-400 px-2 py-1">
            <option value="DAILY">chaque jour</option>
            <option value="WEEKLY">chaque semaine</option>
          </select>
        </div>
        <button type="submit" className="rounded bg-marine px-3 py-1 text-white">
          Créer l'alerte
        </button>
      </Form>
    </details>
  );
}

/** One offer in a list of results. */
export function OfferCard({ hit, now, recommendedBy, from }: { hit: OfferHit; now: number; recommendedBy?: string; from: string }) {
  return (
    <li className="offer-card">
      <h3>
        <Link to={`/offres/${hit.id}${from ? `?${new URLSearchParams({ depuis: from })}` : ""}`}>
          {hit.title.map((run, i) => (run.match ? <mark key={i}>{run.text}</mark> : run.text))}
        </Link>
      </h3>
      <p className="text-slate-700">
        {`${hit.companyName} · ${hit.communeName}${hit.distanceKm !== null ? ` (${hit.distanceKm} km)` : ""}${hit.territoryName ? ` · ${hit.territoryName}` : ""}`}
      </p>
      <p className="text-sm text-slate-700">
        {`${labelOf(contractTypes, hit.contractType)}${hit.durationMonths ? ` de ${hit.durationMonths} mois` : ""} · début le ${formatLongDate(hit.startDate * 1000)} · publiée ${publishedAgo(hit.publishedAt, now)}`}
      </p>
      <p className="offer-badges">
        {hit.vteEligible && <span className="badge-vte">{hit.vteTerritory ? "VTE Territoires d'industrie" : "VTE"}</span>}
        {hit.vteGreen && <span className="badge-vert">VTE Vert</span>}
        {hit.contractType === "STAGE_PRE_VTE" && <span className="badge">Pré-VTE</span>}
        {recommendedBy && <span className="badge-recommended">{`Recommandée par ${recommendedBy}`}</span>}
      </p>
    </li>
  );
}

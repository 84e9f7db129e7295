// /offres/:id — a published offer, its company, its territory, its labels with their reasons,
// similar offers, and its schema.org JobPosting.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { EligibilityPanel } from "#app/components/eligibility";
import { formatLongDate } from "#app/components/labels";
import { RichText } from "#app/components/rich-text";
import { companyResponseStats } from "#app/applications/applications.server";
import { assessOffer } from "#app/offers/offers.server";
import { currentUser } from "#app/accounts/permissions.server";
import { promotionsForStudent, staffStatus } from "#app/schools/schools.server";
import { publicUrl } from "#app/platform/config.server";
import { findOfferForPage, jobPosting, scriptJson, similarOffers } from "#app/offers/offer-page.server";
import { referenceLabels } from "#app/reference/labels.server";
import { contractTypes, degreeLevels, labelOf, remotePolicies, schoolKinds } from "#app/domain/codes";
import { storedDecision } from "#app/domain/vte-eligibility";
import { applicationStatusLabels } from "#app/domain/application-pipeline";
import { db } from "#app/platform/db.server";
import { offerSearchUrl, parseOfferSearch } from "#app/domain/offer-search-params";
import { htmlOnly } from "#app/components/page-scripts";

// Links and forms only: no script to wait for (app/components/page-scripts.ts).
export const handle = htmlOnly;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.offer.title} · ${data.offer.company} · VTE` : "Offre introuvable · VTE" },
  ...(data?.ended ? [{ name: "robots", content: "noindex" }] : []),
  // One address per offer for search engines, whatever search led to it.
  ...(data ? [{ tagName: "link", rel: "canonical", href: data.canonical }] : []),
  ...(data ? [{ name: "description", content: data.offer.description.slice(0, 160) }] : []),
];

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const found = await findOfferForPage(params.id ?? "");
  if (!found) throw new Response("Offre introuvable", { status: 404 });
  const { offer, ended } = found;
  // The search the visitor came from, read as a search and written again: only ever a link to /offres.
  const from = new URL(request.url).searchParams.get("depuis");
  const backToSearch = from ? offerSearchUrl(parseOfferSearch(new URLSearchParams(from))) : "/offres";
  const [labels, decision, similar, responses] = await Promise.all([
    referenceLabels(),
    storedDecision(offer) ?? assessOffer(offer, offer.company).then((assessment) => assessment.decision),
    similarOffers(offer),
    companyResponseStats(offer.companyId),
  ]);
  const user = currentUser(context);
  const regionName = labels.region.get(offer.regionCode) ?? "";
  return {
    id: offer.id,
    offer: {
      title: offer.title,
      description: offer.description,
      company: offer.company.name,
      siren: offer.company.siren,
      sector: offer.company.naf.label,
      commune: offer.commune.name,
      region: regionName,
      territory: offer.territory,
      rome: offer.rome.label,
      romeCode: offer.romeCode,
      romeDefinition: offer.rome.definition,
      romeAccess: offer.rome.access,
      contract: `${labelOf(contractTypes, offer.contractType)}${offer.durationMonths ? ` de ${offer.durationMonths} mois` : ""}`,
      degree: labelOf(degreeLevels, offer.degreeLevel),
      schools: offer.schoolKinds.map((kind) => labelOf(schoolKinds, kind)).join(", "),
      remote: labelOf(remotePolicies, offer.remote),
      pay: offer.payMin
        ? `${offer.payMin.toLocaleString("fr-FR")}${offer.payMax ? ` à ${offer.payMax.toLocaleString("fr-FR")}` : ""} € brut ${offer.payPeriod === "MONTH" ? "par mois" : "par an"}`
        : null,
      positions: offer.positions,
      startDate: formatLongDate(offer.startDate),
      publishedAt: offer.publishedAt ? formatLongDate(offer.publishedAt) : null,
      expiresAt: offer.expiresAt ? formatLongDate(offer.expiresAt) : null,
    },
    decision,
    similar,
    responses,
    // Anonymous visitors are sent to log in and back; companies and schools do not apply.
    ended,
    backToSearch,
    canonical: `${publicUrl()}/offres/${offer.id}`,
    canApply: !ended && (!user || user.role === "STUDENT"),
    canRecommend: user?.role === "SCHOOL_STAFF" && (await staffStatus(user.id)).approved,
    recommendation: new URL(request.url).searchParams.get("recommandation"),
    recommendedBy: user?.role === "STUDENT" ? ((await promotionsForStudent(user.id)).get(offer.id) ?? null) : null,
    // The student's own application to it, if any: followed rather than offered again.
    applied:
      user?.role === "STUDENT"
        ? await db().application.findUnique({
            where: { offerId_studentId: { offerId: offer.id, studentId: user.id } },
            select: { createdAt: true, status: true },
          })
        : null,
    // An ended offer is no longer a job posting for search engines.
    jsonLd: ended ? null : scriptJson(jobPosting(offer, regionName, `${publicUrl()}/offres/${offer.id}`)),
  };
}

/** "3 jours", "5 heures": a response delay as a person says it. */
function formatDelay(hours: number): string {
  if (hours < 48) return `${Math.max(1, Math.round(hours))} heure${Math.round(hours) > 1 ? "s" : ""}`;
  return `${Math.round(hours / 24)} jours`;
}

const endedWords = { closed: "est close", filled: "est pourvue", expired: "a expiré" } as const;

export default function OfferPage() {
  const {
    offer,
    ended,
    backToSearch,
    decision,
    similar,
    jsonLd,
    responses,
    canApply,
    id,
    canRecommend,
    recommendation,
    recommendedBy,
    applied,
  } = useLoaderData<typeof loader>();
  return (
    <article className="max-w-3xl">
      {jsonLd && <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLd }} />}
      <p className="text-sm mb-2">
        <Link to={backToSearch}>{backToSearch === "/offres" ? "Offres" : "Offres : votre recherche"}</Link>
      </p>
      <h1 className="text-3xl font-bold mb-2">{offer.title}</h1>
      {ended && (
        <p role="status" className="mb-4 rounded border-l-4 border-amber-600 bg-amber-50 p-3">
          {`Cette offre ${endedWords[ended.reason]} depuis le ${formatLongDate(ended.since)} : elle n'accepte plus de candidatures.`}{" "}
          {similar.length > 0 ? (
            <a href="#similaires">Voir des offres ouvertes proches</a>
          ) : (
            <Link to="/offres">Chercher d'autres offres</Link>
          )}
        </p>
      )}
      <p className="mb-4 text-slate-700">
        <Link to={`/entreprises/${offer.siren}`}>{offer.company}</Link> · {offer.commune} ({offer.region})
        {offer.territory && (
          <>
            {" "}
            · Territoire d'industrie <Link to={`/territoires/${offer.territory.id}`}>{offer.territory.name}</Link>
          </>
        )}
      </p>
      <dl className="grid sm:grid-cols-2 gap-x-6 gap-y-1 mb-6 text-sm">
        {[
          ["Contrat", offer.contract],
          ["Début", offer.startDate],
          ["Niveau demandé", offer.degree],
          ["Écoles", offer.schools],
          ["Métier", offer.rome],
          ["Secteur", offer.sector],
          ["Télétravail", offer.remote],
          ["Rémunération", offer.pay ?? "non précisée"],
          ["Postes", String(offer.positions)],
          ["Publiée le", offer.publishedAt ?? "—"],
          ["Jusqu'au", offer.expiresAt ?? "—"],
        ].map(([term, value]) => (
          <div key={term}>
            <dt className="inline font-medium">{term} : </dt>
            <dd className="inline">{value}</dd>
          </div>
        ))}
      </dl>
      {recommendedBy && (
        <p className="mb-4 rounded border-l-4 border-marine bg-marine-light p-3">
          Recommandée par {recommendedBy.school} : « {recommendedBy.note} »
        </p>
      )}
      {recommendation && (
        <p role={recommendation === "ok" ? "status" : "alert"} className="mb-4 rounded border-l-4 border-marine bg-marine-light p-3">
          {recommendation === "ok"
            ? "Offre recommandée à vos étudiants : elle est signalée dans leur recherche et figurera dans le prochain envoi hebdomadaire."
            : recommendation === "note"
              ? "Ajoutez un mot à vos étudiants (5 à 500 caractères) pour recommander cette offre."
              : "Seule une offre publiée peut être recommandée."}
        </p>
      )}
      {canRecommend && (
        <Form method="post" action="/ecole/recommandations" className="mb-6 rounded border border-slate-200 p-3">
          <input type="hidden" name="offerId" value={id} />
          <label htmlFor="recommandation-note" className="block font-medium">
            Recommander cette offre à vos étudiants
          </label>
          <textarea
            id="recommandation-note"
            name="note"
            rows={2}
            minLength={5}
            maxLength={500}
            required
            className="mt-1 mb-2 block w-full rounded border border-slate-400 px-3 py-2"
          />
          <button type="submit" className="rounded bg-marine px-3 py-1 text-white">
            Recommander
          </button>
        </Form>
      )}
      {canApply && applied && applied.status !== "WITHDRAWN" ? (
        <p role="status" className="mb-6 rounded border-l-4 border-marine bg-marine-light p-3">
          Vous avez postulé le {formatLongDate(applied.createdAt)} — étape : {applicationStatusLabels[applied.status]}.{" "}
          <Link to="/etudiant/candidatures">Suivre mes candidatures</Link>
        </p>
      ) : (
        canApply && (
          <p className="mb-6">
            <Link to={`/offres/${id}/postuler`} className="inline-block rounded bg-marine px-4 py-2 text-white no-underline">
              {applied ? "Postuler à nouveau" : "Postuler"}
            </Link>
          </p>
        )
      )}
      {responses && (
        <p className="mb-6 text-sm text-slate-700">
          {offer.company} a répondu à {Math.round(responses.answeredShare * 100)} % de ses {responses.applications} candidatures
          {responses.medianHours !== null && `, en ${formatDelay(responses.medianHours)} en médiane`}.
        </p>
      )}
      <EligibilityPanel decision={decision} />
      <h2 className="text-xl font-semibold mb-2">Le poste</h2>
      <RichText text={offer.description} />
      {(offer.romeDefinition || offer.romeAccess) && (
        <details className="mt-6 rounded border border-slate-200 p-3">
          <summary className="cursor-pointer font-medium">Le métier : {offer.rome}</summary>
          {offer.romeDefinition && <p className="mt-2">{offer.romeDefinition}</p>}
          {offer.romeAccess && (
            <>
              <h3 className="mt-3 font-medium">Accès au métier</h3>
              <p>{offer.romeAccess}</p>
            </>
          )}
          <p className="mt-2 text-sm text-slate-600">Fiche ROME {offer.romeCode}, répertoire des métiers de France Travail.</p>
        </details>
      )}
      {similar.length > 0 && (
        <section aria-labelledby="similaires-titre" id="similaires" className="mt-10">
          <h2 id="similaires-titre" className="text-xl font-semibold mb-2">
            {ended ? "Offres ouvertes similaires" : "Offres similaires"}
          </h2>
          <ul className="list-disc pl-6">
            {similar.map((s) => (
              <li key={s.id}>
                <Link to={`/offres/${s.id}`}>{s.title}</Link> — {s.companyName}, {s.communeName}
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}

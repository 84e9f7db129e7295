import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import htmxScript from "htmx.org/dist/htmx.min.js?url";
import { formatCount } from "#app/components/format";
import { activeFilterCount, searchInputNotices, offerSearchUrl, parseOfferSearch } from "#app/domain/offer-search-params";
import { findOffers } from "#app/offers/search.server";
import { facetTitles, searchPageModel } from "#app/offers/search-view";
import { currentUser } from "#app/accounts/permissions.server";
import { promotionsForStudent } from "#app/schools/schools.server";
import { searchValueLabels } from "#app/offers/search-labels.server";
import { FacetOptions, OfferCard, SaveSearch } from "./search-parts";
import { htmlEnhancedBy, loadAsDocument } from "#app/components/page-scripts";
import enhancementScript from "./search-enhancement.js?url&no-inline";

// No framework here: the page is HTML, and htmx applies its form as it changes, swapping the
// filters and results in place (the form's hx-* attributes) with the count said by
// search-enhancement.js. The history keeps addresses only: going back loads the page again
// (nothing of the page is stored in the browser), and htmx may not evaluate anything.
export const handle = htmlEnhancedBy(htmxScript, enhancementScript);
export const clientLoader = loadAsDocument;
// The parts a live update swaps: the filters with the results, and the notices above them.
const swapped = { filtersAndResults: "filtres-et-resultats", notices: "avis-recherche" };
const htmxConfig = {
  historyCacheSize: 0,
  refreshOnHistoryMiss: true,
  allowEval: false,
  allowScriptTags: false,
  includeIndicatorStyles: false,
  selfRequestsOnly: true,
};

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.params.q ? `« ${data.params.q} » · Offres VTE` : "Offres VTE · Volontariat Territorial en Entreprise" },
  { name: "description", content: "Cherchez un Volontariat Territorial en Entreprise par métier, territoire, région, contrat et niveau." },
  { name: "htmx-config", content: JSON.stringify(htmxConfig) },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { searchParams } = new URL(request.url);
  const params = parseOfferSearch(searchParams);
  const notices = searchInputNotices(searchParams);
  const user = currentUser(context);
  const student = user?.role === "STUDENT";
  // Offers the student's school recommends: decided on the server from the student's school.
  const promotions = student && user ? await promotionsForStudent(user.id) : new Map<string, { school: string; note: string }>();
  const [{ result, degraded, place, placeNotFound }, label] = await Promise.all([findOffers(params), searchValueLabels()]);
  const { facets, divisions, loosen } = searchPageModel(params, result, label);
  const recommended = Object.fromEntries(
    [...result.hits, ...result.closest].filter((h) => promotions.has(h.id)).map((h) => [h.id, promotions.get(h.id)?.school as string]),
  );
  // Only what the page shows goes to the browser: the hydration data is part of every page's weight.
  const { hits, total, totalCapped, pages, closest } = result;
  return {
    params,
    notices,
    hits,
    total,
    totalCapped,
    pages,
    closest,
    facets,
    divisions,
    loosen,
    degraded,
    placeName: place?.name ?? null,
    placeNotFound,
    // "publiée il y a 3 jours" counts days: the minute is enough, and the same page then has the
    // same bytes for a minute (its cache validator, app/entry.server.tsx).
    now: Math.floor(Date.now() / 60_000) * 60_000,
    student,
    anonymous: !user,
    recommended,
  };
}

export default function OfferSearchPage() {
  const {
    params,
    notices,
    hits,
    total,
    totalCapped,
    pages,
    closest,
    facets,
    divisions,
    loosen,
    degraded,
    placeName,
    placeNotFound,
    now,
    student,
    anonymous,
    recommended,
  } = useLoaderData<typeof loader>();
  const chosenFilters = activeFilterCount(params);
  // The search the results came from, so an offer's "Offres" link leads back to it.
  const from = offerSearchUrl(params).replace(/^\/offres\??/, "");
  return (
    <div>
      <h1 className="text-3xl font-bold mb-4">Offres VTE</h1>
      {/* Swapped with the results (hx-select-oob): what it says depends on the search. */}
      <div id={swapped.notices}>
        {degraded && (
          <p role="status" className="mb-4 rounded border-l-4 border-amber-600 bg-amber-50 p-3">
            La recherche fonctionne en mode dégradé : les résultats viennent directement de la base de données, sans tolérance aux fautes de
            frappe ni décompte par filtre. Le service complet revient dans quelques instants.
          </p>
        )}
        {notices.length > 0 && (
          <ul role="status" className="mb-4 rounded border-l-4 border-amber-600 bg-amber-50 p-3">
            {notices.map((notice) => (
              <li key={notice}>{notice}</li>
            ))}
          </ul>
        )}
        {student && <SaveSearch params={params} />}
        {anonymous && (
          <p className="mb-4 rounded border border-slate-200 p-3 text-sm">
            Recevez les nouvelles offres de cette recherche par e-mail :{" "}
            <Link to={`/connexion?${new URLSearchParams({ redirectTo: offerSearchUrl({ ...params, page: 1 }) })}`}>connectez-vous</Link> ou{" "}
            <Link to="/inscription?profil=etudiant">créez un compte étudiant</Link>, puis « Créer une alerte ».
          </p>
        )}
      </div>
      {/* With script, results follow the form as it changes (typing in the box waits for a pause) and
          the address follows too; the search box is outside the swapped part, so nothing typed is lost.
          A change made while an update is on its way replaces it: the form then holds both changes. */}
      <form
        id="recherche-offres"
        method="get"
        action="/offres"
        role="search"
        aria-label="Rechercher une offre"
        hx-get="/offres"
        hx-trigger="change, input from:#q delay:350ms, submit"
        hx-select={`#${swapped.filtersAndResults}`}
        hx-select-oob={`#${swapped.notices}`}
        hx-target={`#${swapped.filtersAndResults}`}
        hx-swap="outerHTML"
        hx-push-url="true"
        hx-sync="this:replace"
      >
        <div className="mb-6 flex flex-wrap items-end gap-3">
          <div className="flex-1 min-w-64">
            <label htmlFor="q" className="block font-medium">
              Métier, compétence, entreprise…
            </label>
            <input
              id="q"
              name="q"
              type="search"
              defaultValue={params.q}
              list="q-metiers"
              className="mt-1 block w-full rounded border border-slate-400 px-3 py-2"
            />
            {/* Métiers (ROME job titles) suggested as the search is typed, by search-enhancement.js. */}
            <datalist id="q-metiers" />
          </div>
          <button type="submit" className="rounded bg-marine px-4 py-2 text-white">
            Rechercher
          </button>
        </div>
        <div id="annonce-resultats" role="status" className="sr-only" />
        <div id={swapped.filtersAndResults} className="grid gap-6 md:grid-cols-[16rem_1fr]">
          {/* On a phone the results come first: the filters open with this button, with or without JavaScript. */}
          <input type="checkbox" id="voir-filtres" hx-preserve="true" className="peer sr-only md:hidden" />
          <label
            htmlFor="voir-filtres"
            className="md:hidden cursor-pointer rounded border border-marine px-3 py-1 text-center text-marine peer-focus-visible:outline peer-focus-visible:outline-2"
          >
            {`Filtres${chosenFilters > 0 ? ` (${chosenFilters} choisi${chosenFilters > 1 ? "s" : ""})` : ""}`}
          </label>
          <section aria-label="Filtres" className="hidden space-y-5 text-sm peer-checked:block md:block">
            <fieldset>
              <legend className="font-semibold mb-1">Lieu</legend>
              <label htmlFor="autour" className="block">
                Autour de (commune ou code postal)
              </label>
              <input
                id="autour"
                name="autour"
                type="text"
                defaultValue={params.autour}
                className="mt-1 block w-full rounded border border-slate-400 px-2 py-1"
                aria-describedby={placeNotFound ? "autour-erreur" : undefined}
              />
              {placeNotFound && (
                <p id="autour-erreur" className="text-red-700">
                  Aucune commune ne correspond à « {params.autour} ».
                </p>
              )}
              <label htmlFor="rayon" className="block mt-2">
                Rayon
              </label>
              <select
                id="rayon"
                name="rayon"
                defaultValue={String(params.rayon)}
                className="mt-1 block w-full rounded border border-slate-400 px-2 py-1"
              >
                {[10, 30, 50, 100, 200].map((km) => (
                  <option key={km} value={km}>
                    {km} km
                  </option>
                ))}
              </select>
            </fieldset>
            {facets.map((facet) =>
              facet.values.length === 0 ? null : (
                <fieldset key={facet.key}>
                  <legend className="font-semibold mb-1">{facetTitles[facet.key]}</legend>
                  <FacetOptions name={facet.key} values={facet.values} />
                  {facet.key === "region" && params.region.length === 0 && !degraded && (
                    <p className="mt-1 text-slate-600">Choisissez une région pour filtrer par département.</p>
                  )}
                  {facet.key === "secteur" && divisions.length > 0 && (
                    <fieldset className="mt-2 ml-5">
                      <legend className="font-medium mb-1">Préciser la division</legend>
                      <FacetOptions name="secteur" values={divisions} />
                    </fieldset>
                  )}
                </fieldset>
              ),
            )}
            <fieldset>
              <legend className="font-semibold mb-1">Autres critères</legend>
              <label className="flex items-center gap-2">
                <input type="checkbox" id="vert" name="vert" value="1" defaultChecked={params.vert} /> VTE Vert uniquement
              </label>
              <label htmlFor="debut" className="block mt-2">
                Disponible à partir du
              </label>
              <input
                id="debut"
                name="debut"
                type="date"
                defaultValue={params.debut}
                className="mt-1 block w-full rounded border border-slate-400 px-2 py-1"
              />
            </fieldset>
            <button type="submit" className="rounded border border-marine px-3 py-1 text-marine">
              Appliquer les filtres
            </button>
          </section>
          <section id="zone-resultats" aria-labelledby="resultats" className="transition-opacity in-[.htmx-request]:opacity-60">
            <div className="flex flex-wrap items-center justify-between gap-3 mb-3">
              <h2 id="resultats" className="text-lg font-semibold">
                {`${totalCapped ? "Plus de " : ""}${formatCount(total)} offre${total > 1 ? "s" : ""}${placeName ? ` autour de ${placeName}` : ""}`}
              </h2>
              <div className="flex items-center gap-2 text-sm">
                <label className="flex items-center gap-2">
                  Trier par
                  <select
                    id="tri"
                    name="tri"
                    defaultValue={params.tri}

                    className="rounded border border-slate-400 px-2 py-1"
                  >
                    <option value="pertinence">pertinence</option>
                    <option value="recent">date de publication</option>
                    <option value="debut">date de début</option>
                    {params.autour && <option value="distance">distance</option>}
                  </select>
                </label>
                {/* Without JavaScript the sort applies from here, not from the filters' button far below. */}
                <button type="submit" className="rounded border border-marine px-2 py-1 text-marine">
                  Trier
                </button>
              </div>
            </div>
            {total === 0 ? (
              <div>
                <p className="mb-3">
                  {closest.length > 0
                    ? `Aucune offre ne contient tous les mots « ${params.q} ».`
                    : "Aucune offre ne correspond à cette recherche."}
                </p>
                {loosen.length > 0 && (
                  <>
                    <p className="mb-1">En élargissant :</p>
                    <ul className="list-disc pl-6">
                      {loosen.map((suggestion) => (
                        <li key={suggestion.url}>
                          <Link to={suggestion.url}>{suggestion.text}</Link>
                          {` — ${formatCount(suggestion.count)} offre${suggestion.count > 1 ? "s" : ""}`}
                        </li>
                      ))}
                    </ul>
                  </>
                )}
                {closest.length > 0 && (
                  <section aria-labelledby="proches" className="mt-6">
                    <h3 id="proches" className="text-lg font-semibold mb-3">
                      Offres proches de votre recherche (une partie des mots seulement)
                    </h3>
                    <ol className="space-y-4">
                      {closest.map((hit) => (
                        <OfferCard key={hit.id} hit={hit} now={now} recommendedBy={recommended[hit.id]} from={from} />
                      ))}
                    </ol>
                  </section>
                )}
              </div>
            ) : (
              <ol className="space-y-4">
                {hits.map((hit) => (
                  <OfferCard key={hit.id} hit={hit} now={now} recommendedBy={recommended[hit.id]} from={from} />
                ))}
              </ol>
            )}
            {pages > 1 && (
              <nav aria-label="Pages de résultats" className="mt-6 flex flex-wrap items-center gap-3">
                {params.page > 1 && (
                  <Link to={offerSearchUrl({ ...params, page: params.page - 1 })} rel="prev">
                    Page précédente
                  </Link>
                )}
                <span>{`Page ${params.page} sur ${formatCount(pages)}`}</span>
                {params.page < pages && (
                  <Link to={offerSearchUrl({ ...params, page: params.page + 1 })} rel="next">
                    Page suivante
                  </Link>
                )}
              </nav>
            )}
            {chosenFilters > 0 && (
              <p className="mt-4 text-sm">
                <Link
                  to={offerSearchUrl({
                    ...params,
                    region: [],
                    territoire: [],
                    departement: [],
                    secteur: [],
                    metier: [],
                    contrat: [],
                    niveau: [],
                    ecole: [],
                    teletravail: [],
                    vert: false,
                    autour: "",
                    debut: "",
                    page: 1,
                    tri: "pertinence",
                  })}
                >
                  Effacer les filtres
                </Link>
              </p>
            )}
          </section>
        </div>
      </form>
    </div>
  );
}

// /etudiant/pour-vous — the 20 best published offers for this student, with a score and the reasons.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatLongDate } from "#app/components/labels";
import { MatchReasons } from "#app/components/student-eligibility";
import { db } from "#app/platform/db.server";
import { offersForStudent, type OfferMatch } from "#app/offers/matching.server";
import { promotionsForStudent } from "#app/schools/schools.server";
import { requireUser } from "#app/accounts/permissions.server";
import { isProfileComplete } from "#app/students/students.server";
import { contractTypes, labelOf, minimumDegreeWords } from "#app/domain/codes";
import { htmlOnly } from "#app/components/page-scripts";

// Links and forms only: no script to wait for (app/components/page-scripts.ts).
export const handle = htmlOnly;

export const meta: MetaFunction = () => [{ title: "Offres pour vous · VTE" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context, ["STUDENT"]);
  const profile = await db().studentProfile.findUnique({ where: { userId: user.id }, omit: { cv: true } });
  if (!profile || !isProfileComplete(profile))
    return {
      complete: false as const,
      matches: [] as (OfferMatch & { recommendedBy: string | null })[],
      degraded: false,
      belowBac2: profile?.degreeLevel === null,
    };
  const [{ matches, degraded }, promotions] = await Promise.all([offersForStudent(profile), promotionsForStudent(user.id)]);
  return {
    complete: true as const,
    matches: matches.map((m) => ({ ...m, recommendedBy: promotions.get(m.id)?.school ?? null })),
    degraded,
    belowBac2: false,
  };
}

export default function ForYouPage() {
  const { complete, matches, degraded, belowBac2 } = useLoaderData<typeof loader>();
  return (
    <section className="max-w-3xl">
      <p className="text-sm mb-2">
        <Link to="/etudiant">Espace étudiant</Link> › Offres pour vous
      </p>
      <h1 className="text-3xl font-bold mb-4">Offres pour vous</h1>
      {!complete ? (
        <p className="rounded border-l-4 border-marine bg-marine-light p-3">
          {belowBac2 ? `Les offres VTE demandent au moins un ${minimumDegreeWords()}. ` : ""}
          <Link to="/etudiant/profil">Complétez votre profil</Link> (domaine et niveau d'études) pour voir les offres qui vous
          correspondent.
        </p>
      ) : (
        <>
          {degraded && (
            <p role="status" className="mb-4 rounded border-l-4 border-amber-600 bg-amber-50 p-3">
              La recherche fonctionne en mode dégradé : ces suggestions viennent directement de la base de données, parmi les offres
              récentes de vos régions.
            </p>
          )}
          <p className="mb-4 text-slate-700">
            Classées par un score sur 100 : zone souhaitée, niveau, compétences, contrat, type d'école et dates.{" "}
            <Link to="/etudiant/profil">Modifier mon profil</Link>
          </p>
          {matches.length === 0 ? (
            <p>
              Aucune offre publiée ne correspond à votre niveau et à vos contrats pour l'instant.{" "}
              <Link to="/offres">Voir toutes les offres</Link>
            </p>
          ) : (
            <ol className="space-y-4">
              {matches.map((offer) => (
                <li key={offer.id} className="rounded border border-slate-200 p-4">
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <h2 className="text-lg font-semibold">
                      <Link to={`/offres/${offer.id}`}>{offer.title}</Link>
                    </h2>
                    <p className="font-semibold text-marine">
                      {offer.match.score}
                      <span className="text-sm font-normal"> / 100</span>
                    </p>
                  </div>
                  <p className="text-slate-700">
                    {offer.companyName} · {offer.communeName}
                    {offer.territoryName && ` · ${offer.territoryName}`}
                  </p>
                  <p className="text-sm text-slate-700 mb-2">
                    {labelOf(contractTypes, offer.contractType)}
                    {offer.durationMonths ? ` de ${offer.durationMonths} mois` : ""} · début le {formatLongDate(offer.startDate)}
                    {offer.vteEligible && " · VTE"}
                    {offer.vteGreen && " · VTE Vert"}
                  </p>
                  {offer.recommendedBy && <p className="mb-2 text-sm font-semibold">Recommandée par {offer.recommendedBy}</p>}
                  <MatchReasons reasons={offer.match.reasons} />
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}

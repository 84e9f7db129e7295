// /entreprise/offres/:id/candidatures — one offer's applications as a pipeline, and the visible
// student profiles that fit it best, with the reasons.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { inviteToApply, invitationsOfOffer } from "#app/applications/invitations.server";
import { recordId } from "#app/domain/form-fields";
import { formValues } from "#app/platform/forms.server";
import { applicationsOfOffer } from "#app/applications/applications.server";
import { requireCompanyOfMember } from "#app/companies/companies.server";
import { formatLongDate } from "#app/components/labels";
import { MatchReasons } from "#app/components/student-eligibility";
import { applicationStatusLabels, pipeline } from "#app/domain/application-pipeline";
import { profilesForOffer } from "#app/offers/matching.server";
import { offerOfCompany } from "#app/offers/offers.server";
import { requireUser } from "#app/accounts/permissions.server";
import { degreeLevels, labelOf } from "#app/domain/codes";

export const meta: MetaFunction = () => [{ title: "Candidatures · Espace entreprise · VTE" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = requireUser(request, context, ["COMPANY_MEMBER"]);
  const company = await requireCompanyOfMember(user.id);
  const offer = await offerOfCompany(company.id, params.id ?? "");
  const [applications, profiles, invited] = await Promise.all([
    applicationsOfOffer(company.id, offer.id),
    offer.status === "PUBLISHED" ? profilesForOffer(offer) : Promise.resolve([]),
    invitationsOfOffer(offer.id),
  ]);
  // Each profile says whether it already applied (and where it stands) or was invited.
  const applicationOf = new Map(applications.map((a) => [a.studentId, a]));
  const stages = pipeline
    .map((status) => ({
      status,
      label: applicationStatusLabels[status],
      applications: applications
        .filter((a) => a.status === status)
        .map((a) => ({
          id: a.id,
          name: `${a.student.firstName} ${a.student.lastName}`,
          field: a.student.studentProfile?.field ?? null,
          degree: a.student.studentProfile?.degreeLevel ? labelOf(degreeLevels, a.student.studentProfile.degreeLevel) : null,
          createdAt: a.createdAt,
        })),
    }))
    .filter((stage) => stage.applications.length > 0);
  return {
    offer: { id: offer.id, title: offer.title, published: offer.status === "PUBLISHED" },
    total: applications.length,
    stages,
    profiles:
      profiles?.map((p) => {
        const application = applicationOf.get(p.id);
        return {
          ...p,
          applied: application ? { id: application.id, stage: applicationStatusLabels[application.status] } : null,
          invitedAt: invited.get(p.id) ?? null,
        };
      }) ?? null,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = requireUser(request, context, ["COMPANY_MEMBER"]);
  const company = await requireCompanyOfMember(user.id);
  const offer = await offerOfCompany(company.id, params.id ?? "");
  const { studentId } = formValues(await request.formData(), z.object({ studentId: recordId }));
  const error = await inviteToApply(company.id, offer.id, studentId, user.id);
  return { studentId, error };
}

export default function OfferApplicationsPage() {
  const { offer, total, stages, profiles } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section>
      <p className="text-sm mb-2">
        <Link to="/entreprise">Espace entreprise</Link> › <Link to={`/entreprise/offres/${offer.id}`}>{offer.title}</Link> › Candidatures
      </p>
      <h1 className="text-3xl font-bold mb-4">Candidatures : {offer.title}</h1>
      <h2 className="text-xl font-semibold mb-2">
        {total === 0 ? "Aucune candidature pour l'instant" : `${total} candidature${total > 1 ? "s" : ""}`}
      </h2>
      <div className="grid gap-4 md:grid-cols-3 mb-10">
        {stages.map((stage) => (
          <section key={stage.status} aria-labelledby={`etape-${stage.status}`} className="rounded border border-slate-200 p-3">
            <h3 id={`etape-${stage.status}`} className="font-semibold mb-2">
              {stage.label} ({stage.applications.length})
            </h3>
            <ul className="space-y-2">
              {stage.applications.map((a) => (
                <li key={a.id}>
                  <Link to={`/entreprise/candidatures/${a.id}`}>{a.name}</Link>
                  <span className="block text-sm text-slate-700">
                    {[a.field, a.degree].filter(Boolean).join(" · ")} · reçue le {formatLongDate(a.createdAt)}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
      {offer.published && (
        <section aria-labelledby="profils">
          <h2 id="profils" className="text-xl font-semibold mb-2">
            Profils qui correspondent à l'offre
          </h2>
          {profiles === null ? (
            <p role="status" className="rounded border-l-4 border-amber-600 bg-amber-50 p-3">
              La recherche de profils est momentanément indisponible ; les candidatures ci-dessus restent à jour.
            </p>
          ) : profiles.length === 0 ? (
            <p>Aucun profil visible ne correspond encore à cette offre.</p>
          ) : (
            <ol className="space-y-3">
              {profiles.map((p) => (
                <li key={p.id} className="rounded border border-slate-200 p-3">
                  <p className="font-semibold">
                    {p.name} — {p.match.score} / 100
                  </p>
                  <p className="text-sm text-slate-700">
                    {p.field} · {p.degreeLevel ? labelOf(degreeLevels, p.degreeLevel) : "bac ou moins"} · {p.establishment}
                    {p.availableFrom && ` · disponible le ${formatLongDate(p.availableFrom)}`}
                  </p>
                  <MatchReasons reasons={p.match.reasons} />
                  {p.applied ? (
                    <p className="mt-1 text-sm font-medium">
                      A déjà postulé — étape : <Link to={`/entreprise/candidatures/${p.applied.id}`}>{p.applied.stage}</Link>
                    </p>
                  ) : p.invitedAt ? (
                    <p className="mt-1 text-sm">Invité(e) à postuler le {formatLongDate(p.invitedAt)}.</p>
                  ) : (
                    <Form method="post" className="mt-1">
                      <input type="hidden" name="studentId" value={p.id} />
                      <button type="submit" className="rounded border border-marine px-3 py-1 text-sm text-marine">
                        Inviter {p.name} à postuler
                      </button>
                    </Form>
                  )}
                  {result?.studentId === p.id && result.error && (
                    <p role="alert" className="mt-1 text-sm text-red-700">
                      {result.error}
                    </p>
                  )}
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
    </section>
  );
}

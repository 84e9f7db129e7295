// /etudiant/candidatures — every application with its current stage and history; withdraw one.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { applicationsOfStudent, withdrawApplication } from "#app/applications/applications.server";
import { formatLongDate } from "#app/components/labels";
import { applicationStatusLabels, canStudentWithdraw } from "#app/domain/application-pipeline";
import { requireUser } from "#app/accounts/permissions.server";
import { z } from "zod";
import { recordId } from "#app/domain/form-fields";
import { formValues } from "#app/platform/forms.server";

export const meta: MetaFunction = () => [{ title: "Mes candidatures · VTE" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context, ["STUDENT"]);
  const applications = await applicationsOfStudent(user.id);
  return {
    sent: new URL(request.url).searchParams.get("envoyee"),
    applications: applications.map((a) => ({
      id: a.id,
      offer: { id: a.offer.id, title: a.offer.title, company: a.offer.company.name, commune: a.offer.commune.name },
      status: a.status,
      withdrawable: canStudentWithdraw(a.status),
      createdAt: a.createdAt,
      history: a.history,
    })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(request, context, ["STUDENT"]);
  const form = await request.formData();
  const { applicationId, intent } = formValues(form, z.object({ applicationId: recordId, intent: z.enum(["ask", "confirm"]) }));
  // A withdrawal is asked, then confirmed: one click never ends an application.
  if (intent === "ask") return { error: null, withdrawn: false, confirm: applicationId };
  const error = await withdrawApplication(user.id, applicationId);
  return { error, withdrawn: !error, confirm: null };
}

export default function MyApplicationsPage() {
  const { applications, sent } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section className="max-w-3xl">
      <p className="text-sm mb-2">
        <Link to="/etudiant">Espace étudiant</Link> › Mes candidatures
      </p>
      <h1 className="text-3xl font-bold mb-4">Mes candidatures</h1>
      {sent && (
        <p role="status" className="mb-4 rounded border-l-4 border-green-700 bg-green-50 p-3">
          Candidature envoyée. L'entreprise est prévenue.
        </p>
      )}
      {result?.error && (
        <p role="alert" className="mb-4 rounded border-l-4 border-red-700 bg-red-50 p-3">
          {result.error}
        </p>
      )}
      {result?.withdrawn && (
        <p role="status" className="mb-4 rounded border-l-4 border-green-700 bg-green-50 p-3">
          Candidature retirée. L'entreprise ne la traitera plus ; tant que l'offre est ouverte, vous pouvez postuler à nouveau depuis sa
          page.
        </p>
      )}
      {applications.length === 0 ? (
        <p>
          Vous n'avez pas encore postulé. <Link to="/etudiant/pour-vous">Voir les offres pour vous</Link>
        </p>
      ) : (
        <ul className="space-y-4">
          {applications.map((a) => (
            <li key={a.id} className="rounded border border-slate-200 p-4">
              <h2 className="text-lg font-semibold">
                <Link to={`/offres/${a.offer.id}`}>{a.offer.title}</Link>
              </h2>
              <p className="text-slate-700">
                {a.offer.company} · {a.offer.commune} · envoyée le {formatLongDate(a.createdAt)}
              </p>
              <p className="mt-1">
                Étape : <strong>{applicationStatusLabels[a.status]}</strong>
              </p>
              <details className="mt-1 text-sm">
                <summary>Historique</summary>
                <ol className="list-decimal pl-6">
                  {a.history.map((h, i) => (
                    <li key={i}>
                      {formatLongDate(h.createdAt)} : {applicationStatusLabels[h.toStatus]}
                      {h.message && <> — « {h.message} »</>}
                    </li>
                  ))}
                </ol>
              </details>
              {a.withdrawable && result?.confirm === a.id && (
                <Form
                  method="post"
                  action="/etudiant/candidatures"
                  className="mt-2 rounded border-l-4 border-red-700 bg-red-50 p-3"
                  aria-label="Confirmer le retrait"
                >
                  <p role="alert" className="mb-2">
                    Retirer votre candidature à « {a.offer.title} » ? L'entreprise ne pourra plus y donner suite.
                  </p>
                  <input type="hidden" name="applicationId" value={a.id} />
                  <button type="submit" name="intent" value="confirm" className="mr-3 rounded bg-red-700 px-3 py-1 text-white">
                    Confirmer le retrait
                  </button>
                  <Link to="/etudiant/candidatures">Garder ma candidature</Link>
                </Form>
              )}
              {/* Withdrawals post to the bare list: the "Candidature envoyée" of the address they came from is over. */}
              {a.withdrawable && result?.confirm !== a.id && (
                <Form method="post" action="/etudiant/candidatures" className="mt-2">
                  <input type="hidden" name="applicationId" value={a.id} />
                  <button type="submit" name="intent" value="ask" className="rounded border border-red-700 px-3 py-1 text-red-700">
                    Retirer ma candidature
                  </button>
                </Form>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

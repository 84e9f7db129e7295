// /etudiant/alertes — saved searches with their alert; created from the search page.
import { parseWithZod } from "@conform-to/zod/v4";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { formatLongDate } from "#app/components/labels";
import { requireUser } from "#app/accounts/permissions.server";
import { deleteSavedSearch, savedSearchesOf, saveSearch } from "#app/offers/alerts.server";
import { savedSearchSchema } from "./schemas";
import { searchValueLabels } from "#app/offers/search-labels.server";
import { describeSearch } from "#app/offers/search-view";
import { parseOfferSearch } from "#app/domain/offer-search-params";
import { z } from "zod";
import { recordId } from "#app/domain/form-fields";
import { formValues } from "#app/platform/forms.server";

export const meta: MetaFunction = () => [{ title: "Mes alertes · VTE" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context, ["STUDENT"]);
  const [searches, label] = await Promise.all([savedSearchesOf(user.id), searchValueLabels()]);
  return {
    // Each alert says what it looks for, read from its saved URL as the search page reads it.
    searches: searches.map((s) => ({ ...s, criteria: describeSearch(parseOfferSearch(new URLSearchParams(s.query)), label) })),
    created: new URL(request.url).searchParams.has("creee"),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(request, context, ["STUDENT"]);
  const formData = await request.formData();
  if (formData.get("intent") === "delete") {
    await deleteSavedSearch(user.id, formValues(formData, z.object({ id: recordId })).id);
    return { error: null };
  }
  const submission = parseWithZod(formData, { schema: savedSearchSchema });
  if (submission.status !== "success") {
    const errors = submission.reply().error ?? {};
    return { error: Object.values(errors).flat().join(" ") || "Alerte incomplète." };
  }
  const error = await saveSearch(user.id, submission.value);
  if (error) return { error };
  return redirect("/etudiant/alertes?creee");
}

export default function AlertsPage() {
  const { searches, created } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section className="max-w-3xl">
      <p className="text-sm mb-2">
        <Link to="/etudiant">Espace étudiant</Link> › Mes alertes
      </p>
      <h1 className="text-3xl font-bold mb-4">Mes alertes</h1>
      {created && (
        <p role="status" className="mb-4 rounded border-l-4 border-green-700 bg-green-50 p-3">
          Alerte créée : vous recevrez les nouvelles offres par e-mail.
        </p>
      )}
      {result?.error && (
        <p role="alert" className="mb-4 rounded border-l-4 border-red-700 bg-red-50 p-3">
          {result.error}
        </p>
      )}
      {searches.length === 0 ? (
        <p>
          Aucune alerte. Sur <Link to="/offres">la recherche</Link>, choisissez vos critères puis « Créer une alerte ».
        </p>
      ) : (
        <ul className="space-y-3">
          {searches.map((s) => (
            <li key={s.id} className="rounded border border-slate-200 p-3">
              <Link to={`/offres?${s.query}`} className="font-semibold">
                {s.name}
              </Link>
              <p className="text-sm">{s.criteria}</p>
              <p className="text-sm text-slate-700">
                {s.frequency === "DAILY" ? "Chaque jour" : "Chaque semaine"}
                {s.lastSentAt ? ` · dernier envoi le ${formatLongDate(s.lastSentAt)}` : " · aucun envoi pour l'instant"}
              </p>
              <Form method="post" className="mt-1">
                <input type="hidden" name="id" value={s.id} />
                <button type="submit" name="intent" value="delete" className="text-sm text-red-700 underline">
                  Supprimer l'alerte « {s.name} »
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

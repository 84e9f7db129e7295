// POST /ecole/recommandations — school staff recommend a published offer to their students.
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { requireUser } from "#app/accounts/permissions.server";
import { promoteOffer, schoolForViewer } from "#app/schools/schools.server";
import { z } from "zod";
import { cleanString, recordId } from "#app/domain/form-fields";
import { formValues } from "#app/platform/forms.server";

const recommendation = z.object({ offerId: recordId, note: cleanString.transform((note) => note.trim()) });

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(request, context, ["SCHOOL_STAFF"]);
  const school = await schoolForViewer(user, new URL(request.url));
  const { offerId, note } = formValues(await request.formData(), recommendation);
  const back = `/offres/${encodeURIComponent(offerId)}`;
  if (note.length < 5 || note.length > 500) return redirect(`${back}?recommandation=note`);
  const error = await promoteOffer(school.id, user.id, offerId, note);
  return redirect(`${back}?recommandation=${error ? "refusee" : "ok"}`);
}

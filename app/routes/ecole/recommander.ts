// POST /ecole/recommandations — school staff recommend a published offer to their students.
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/permissions.server";
import { promoteOffer, schoolForViewer } from "~/schools.server";

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(request, context, ["SCHOOL_STAFF"]);
  const school = await schoolForViewer(user, new URL(request.url));
  const form = await request.formData();
  const offerId = String(form.get("offerId") ?? "");
  const note = String(form.get("note") ?? "").trim();
  const back = `/offres/${encodeURIComponent(offerId)}`;
  if (note.length < 5 || note.length > 500) return redirect(`${back}?recommandation=note`);
  const error = await promoteOffer(school.id, user.id, offerId, note);
  return redirect(`${back}?recommandation=${error ? "refusee" : "ok"}`);
}

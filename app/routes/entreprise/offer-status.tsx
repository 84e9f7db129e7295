import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requireCompanyOfMember } from "#app/companies/companies.server";
import { canApply } from "#app/domain/offer-lifecycle";
import { changeOfferStatus, offerOfCompany } from "#app/offers/offers.server";
import { requireUser } from "#app/accounts/permissions.server";
import { offerStatusSchema } from "./schemas";

export async function loader() {
  throw redirect("/entreprise");
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = requireUser(request, context, ["COMPANY_MEMBER"]);
  const company = await requireCompanyOfMember(user.id);
  const offer = await offerOfCompany(company.id, params.id ?? "");
  const submission = parseWithZod(await request.formData(), { schema: offerStatusSchema });
  if (submission.status !== "success" || !canApply(submission.value.intent, offer.status)) {
    throw new Response("Cette action n'est pas possible pour cette offre.", { status: 400 });
  }
  const { intent, confirmed } = submission.value;
  if ((intent === "close" || intent === "fill") && !confirmed)
    return redirect(`/entreprise?${new URLSearchParams({ confirmer: intent, offre: offer.id })}`);
  const { endedApplications } = await changeOfferStatus(company.id, offer.id, intent, user.id);
  return redirect(`/entreprise?${new URLSearchParams({ fait: intent, offre: offer.id, candidatures: String(endedApplications) })}`);
}

// /entreprise/candidatures/:id/cv — the CV sent with an application to one of the company's offers.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { cvForCompany } from "#app/applications/applications.server";
import { requireCompanyOfMember } from "#app/companies/companies.server";
import { requireUser } from "#app/accounts/permissions.server";
import { pdfResponse } from "#app/students/students.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = requireUser(request, context, ["COMPANY_MEMBER"]);
  const company = await requireCompanyOfMember(user.id);
  const cv = await cvForCompany(company.id, params.id ?? "");
  if (!cv) throw new Response("Aucun CV joint à cette candidature", { status: 404 });
  return pdfResponse(cv.name, cv.bytes);
}

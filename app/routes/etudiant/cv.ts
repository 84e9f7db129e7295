// /etudiant/cv — the student's own CV; nobody else reads it here.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "#app/platform/db.server";
import { requireUser } from "#app/accounts/permissions.server";
import { pdfResponse } from "#app/students/students.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context, ["STUDENT"]);
  const profile = await db().studentProfile.findUnique({ where: { userId: user.id }, select: { cv: true, cvFileName: true } });
  if (!profile?.cv || !profile.cvFileName) throw new Response("Aucun CV", { status: 404 });
  return pdfResponse(profile.cvFileName, profile.cv);
}

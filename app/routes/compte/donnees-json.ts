// /compte/donnees.json — "Mes données" as one file to take away (the CV inside, in base64), and
// /compte/donnees.schema.json — its format.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "#app/accounts/permissions.server";
import { personalDataExportSchema } from "#app/domain/personal-data-export-schema";
import { personalDataOf } from "#app/personal-data/export.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (new URL(request.url).pathname.endsWith(".schema.json")) return Response.json(personalDataExportSchema);
  const user = requireUser(request, context);
  return Response.json(await personalDataOf(user.id), {
    headers: { "Content-Disposition": 'attachment; filename="mes-donnees-vte.json"', "Cache-Control": "private, no-store" },
  });
}

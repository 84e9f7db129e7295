// /pilotage/registre.md and .json — the register of processing activities, generated from the
// code's own declarations (app/domain/personal-data.ts), for operators.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "#app/accounts/permissions.server";
import { processingActivities, processingRegisterMarkdown, retention } from "#app/domain/personal-data";

export function loader({ request, context }: LoaderFunctionArgs) {
  requireUser(request, context, ["OPERATOR"]);
  const now = new Date();
  const headers = { "Cache-Control": "private, no-store" };
  if (new URL(request.url).pathname.endsWith(".json")) {
    return Response.json({ generatedAt: now.toISOString(), retention, activities: processingActivities }, { headers });
  }
  return new Response(processingRegisterMarkdown(now), {
    headers: {
      ...headers,
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": 'attachment; filename="registre-traitements-vte.md"',
    },
  });
}

// JSON look-ups for the form fields' suggestions (only used when JavaScript runs; the forms
// resolve what was typed on the server anyway).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { searchCommunes, searchNaf, searchRome } from "#app/reference/reference.server";
import { establishmentLabel, searchEstablishments } from "#app/students/students.server";
import { suggestJobTitles, suggestSkills } from "#app/reference/vocabulary.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const q = url.searchParams.get("q") ?? "";
  const headers = { "Cache-Control": "public, max-age=3600" };
  switch (params.kind) {
    case "naf":
      return Response.json(await searchNaf(q), { headers });
    case "rome":
      return Response.json(await searchRome(q), { headers });
    case "metiers":
      return Response.json(
        (await suggestJobTitles(q)).map((t) => ({ code: t.code, label: t.label, romeCode: t.romeCode, romeLabel: t.romeLabel })),
        { headers },
      );
    case "competences":
      return Response.json(await suggestSkills(q), { headers });
    case "etablissements":
      return Response.json(
        (await searchEstablishments(q)).map((e) => ({ id: e.id, label: establishmentLabel(e) })),
        { headers },
      );
    case "communes":
      return Response.json(await searchCommunes({ postalCode: url.searchParams.get("cp") ?? undefined, name: q }), { headers });
    default:
      return Response.json({ error: "Référentiel inconnu" }, { status: 404 });
  }
}

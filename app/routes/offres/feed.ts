// /offres/flux.xml — an Atom feed of the newest offers, with the same filters as /offres.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { contractLabels } from "~/components/labels";
import { offerSearchUrl, parseOfferSearch } from "~/domain/offer-search-params";
import { findOffers } from "~/offer-search.server";

const escapeXml = (text: string) => text.replace(/[<>&'"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c] as string);

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const params = { ...parseOfferSearch(url.searchParams), tri: "recent" as const, page: 1 };
  const { result } = await findOffers(params);
  const origin = url.origin;
  const searchUrl = `${origin}${offerSearchUrl({ ...params, tri: "pertinence" })}`;
  const updated = new Date((result.hits[0]?.publishedAt ?? Math.floor(Date.now() / 1000)) * 1000).toISOString();
  const entries = result.hits
    .map((hit) => {
      const title = hit.title.map((run) => run.text).join("");
      const summary = `${hit.companyName} · ${hit.communeName} · ${contractLabels[hit.contractType]}${hit.durationMonths ? ` de ${hit.durationMonths} mois` : ""}`;
      return `  <entry>
    <id>${origin}/offres/${hit.id}</id>
    <title>${escapeXml(title)}</title>
    <link href="${origin}/offres/${hit.id}"/>
    <updated>${new Date(hit.publishedAt * 1000).toISOString()}</updated>
    <author><name>${escapeXml(hit.companyName)}</name></author>
    <summary>${escapeXml(summary)}</summary>
  </entry>`;
    })
    .join("\n");
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">
  <id>${escapeXml(url.href)}</id>
  <title>Offres VTE${params.q ? ` : ${escapeXml(params.q)}` : ""}</title>
  <link rel="self" href="${escapeXml(url.href)}"/>
  <link rel="alternate" type="text/html" href="${escapeXml(searchUrl)}"/>
  <updated>${updated}</updated>
${entries}
</feed>
`;
  return new Response(xml, { headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "public, max-age=300" } });
}

// /offres/flux.xml — an Atom feed of the newest offers, with the same filters as /offres.
import type { LoaderFunctionArgs } from "@remix-run/node";

import { publicUrl } from "#app/platform/config.server";
import { offerSearchUrl, parseOfferSearch } from "#app/domain/offer-search-params";
import { findOffers } from "#app/offers/search.server";
import { contractTypes, labelOf } from "#app/domain/codes";

// Characters XML 1.0 cannot carry at all (C0 controls but tab, newline and return; lone
// surrogates; U+FFFE/U+FFFF) are dropped, so one bad name never makes the whole feed unreadable.
const notXml =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const escapeXml = (text: string) =>
  text
    .replace(notXml, "")
    .replace(/[<>&'"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c] as string);

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const params = { ...parseOfferSearch(url.searchParams), tri: "recent" as const, page: 1 };
  const { result } = await findOffers(params);
  const origin = publicUrl();
  const selfUrl = `${origin}${offerSearchUrl({ ...params, tri: "pertinence" }, "/offres/flux.xml")}`;
  const searchUrl = `${origin}${offerSearchUrl({ ...params, tri: "pertinence" })}`;
  const updated = new Date((result.hits[0]?.publishedAt ?? Math.floor(Date.now() / 1000)) * 1000).toISOString();
  const entries = result.hits
    .map((hit) => {
      const title = hit.title.map((run) => run.text).join("");
      const summary = `${hit.companyName} · ${hit.communeName} · ${labelOf(contractTypes, hit.contractType)}${hit.durationMonths ? ` de ${hit.durationMonths} mois` : ""}`;
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
  <id>${escapeXml(selfUrl)}</id>
  <title>Offres VTE${params.q ? ` : ${escapeXml(params.q)}` : ""}</title>
  <link rel="self" href="${escapeXml(selfUrl)}"/>
  <link rel="alternate" type="text/html" href="${escapeXml(searchUrl)}"/>
  <updated>${updated}</updated>
${entries}
</feed>
`;
  return new Response(xml, { headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "public, max-age=300" } });
}

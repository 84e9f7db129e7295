// /sitemap.xml and /sitemaps/<part>.xml — what search engines may index: the public pages, the
// territories of the phase in force and every offer open to applications, by parts of
// `offersPerPart` (the protocol allows 50 000 addresses a file). An offer that closes, fills or
// expires leaves at the next read. Addresses from PUBLIC_URL, never from the request.
import { Readable } from "node:stream";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { SitemapIndexStream, SitemapStream, streamToPromise, type SitemapItemLoose } from "sitemap";
import { legalPages } from "#app/components/legal-pages";
import { publicOfferWhere } from "#app/domain/public-offer";
import { db } from "#app/platform/db.server";
import { publicUrl } from "#app/platform/config.server";
import { publicResponse } from "#app/platform/http-cache.server";
import { phaseAt } from "#app/territories/phases.server";

export const offersPerPart = 10_000;

const publicPages = ["/", "/offres", "/territoires", "/statistiques", ...legalPages.map((page) => page.to)];

const xmlHeaders = { "Content-Type": "application/xml; charset=utf-8" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const part = params.part ?? null;
  const xml = part === null ? await sitemapIndex() : await sitemapPart(part);
  if (xml === null) throw new Response("Plan du site introuvable", { status: 404 });
  return publicResponse(request, xml, xmlHeaders);
}

async function sitemapIndex(): Promise<string> {
  const offers = await db().offer.count({ where: publicOfferWhere() });
  const parts = ["pages", "territoires", ...Array.from({ length: Math.ceil(offers / offersPerPart) }, (_, i) => `offres-${i + 1}`)];
  const stream = new SitemapIndexStream();
  return (await streamToPromise(Readable.from(parts.map((name) => `${publicUrl()}/sitemaps/${name}.xml`)).pipe(stream))).toString();
}

async function sitemapPart(part: string): Promise<string | null> {
  const offersPart = /^offres-([1-9]\d{0,4})\.xml$/.exec(part);
  let items: SitemapItemLoose[];
  if (part === "pages.xml") items = publicPages.map((url) => ({ url }));
  else if (part === "territoires.xml") {
    const phase = await phaseAt();
    const territories = await db().territory.findMany({ where: { phaseId: phase }, select: { code: true }, orderBy: { code: "asc" } });
    items = territories.map((t) => ({ url: `/territoires/${phase}/${t.code}` }));
  } else if (offersPart) {
    const offers = await db().offer.findMany({
      where: publicOfferWhere(),
      select: { id: true, updatedAt: true },
      orderBy: { id: "asc" },
      skip: (Number(offersPart[1]) - 1) * offersPerPart,
      take: offersPerPart,
    });
    if (offers.length === 0) return null;
    items = offers.map((offer) => ({ url: `/offres/${offer.id}`, lastmod: offer.updatedAt.toISOString() }));
  } else return null;
  const stream = new SitemapStream({ hostname: publicUrl() });
  return (await streamToPromise(Readable.from(items).pipe(stream))).toString();
}

// What /offres/:id shows besides the offer: similar offers and the schema.org JobPosting.
import { db } from "#app/platform/db.server";
import type { Prisma } from "#app/generated/prisma/client";
import { searchClient } from "#search/client";
import { isPublicOffer, publicOfferWhere } from "#app/domain/public-offer";
import { offersLike } from "#search/offer-search";

const publicOfferInclude = {
  company: { select: { name: true, siren: true, sizeBand: true, communeCode: true, nafSection: true, naf: { select: { label: true } } } },
  commune: { select: { name: true, postalCodes: true } },
  territory: { select: { id: true, name: true } },
  rome: { select: { label: true, definition: true, access: true } },
} satisfies Prisma.OfferInclude;

type PublicOffer = Prisma.OfferGetPayload<{ include: typeof publicOfferInclude }>;

export async function findPublishedOffer(id: string): Promise<PublicOffer | null> {
  return db().offer.findFirst({
    where: { id, ...publicOfferWhere() },
    include: publicOfferInclude,
  });
}

/** How a once-published offer ended, and since when. */
export interface OfferEnd {
  reason: "closed" | "filled" | "expired";
  since: Date;
}

/**
 * The offer a page shows: a published one, or one that was published and has ended (closed, filled,
 * expired), which keeps its page (links in mails and applications lead there) saying so. Drafts,
 * offers under review and rejected ones are nobody's business but their company's: null.
 */
export async function findOfferForPage(id: string, now = new Date()): Promise<{ offer: PublicOffer; ended: OfferEnd | null } | null> {
  const offer = await db().offer.findFirst({
    where: { id, status: { in: ["PUBLISHED", "CLOSED", "FILLED", "EXPIRED"] }, publishedAt: { not: null } },
    include: publicOfferInclude,
  });
  if (!offer) return null;
  if (isPublicOffer(offer, now)) return { offer, ended: null };
  const since = offer.closedAt ?? offer.expiresAt ?? offer.updatedAt;
  const reason = offer.status === "FILLED" ? "filled" : offer.status === "CLOSED" ? "closed" : "expired";
  return { offer, ended: { reason, since } };
}

export interface SimilarOffer {
  id: string;
  title: string;
  companyName: string;
  communeName: string;
}

/** Same ROME fiche or same sector, within 100 km when the offer has coordinates. */
export async function similarOffers(offer: PublicOffer): Promise<SimilarOffer[]> {
  const nafSection = offer.company.nafSection;
  const client = searchClient();
  if (client) {
    try {
      return await offersLike(client, {
        id: offer.id,
        romeCode: offer.romeCode,
        romeLabel: offer.rome.label,
        nafSection,
        latitude: offer.latitude,
        longitude: offer.longitude,
      });
    } catch {
      // fall through to the database
    }
  }
  const rows = await db().offer.findMany({
    where: { id: { not: offer.id }, ...publicOfferWhere(), romeCode: offer.romeCode, regionCode: offer.regionCode },
    orderBy: { publishedAt: "desc" },
    take: 5,
    select: { id: true, title: true, company: { select: { name: true } }, commune: { select: { name: true } } },
  });
  return rows.map((row) => ({ id: row.id, title: row.title, companyName: row.company.name, communeName: row.commune.name }));
}

const employmentTypes: Record<string, string[]> = {
  CDI: ["FULL_TIME"],
  CDD: ["FULL_TIME", "TEMPORARY"],
  ALTERNANCE: ["FULL_TIME", "INTERN"],
  STAGE_PRE_VTE: ["INTERN"],
};

/** schema.org JobPosting for search engines (https://schema.org/JobPosting). */
export function jobPosting(offer: PublicOffer, regionName: string, url: string) {
  return {
    "@context": "https://schema.org",
    "@type": "JobPosting",
    title: offer.title,
    description: offer.description,
    url,
    identifier: { "@type": "PropertyValue", name: "VTE", value: offer.id },
    datePosted: (offer.publishedAt ?? offer.createdAt).toISOString(),
    ...(offer.expiresAt ? { validThrough: offer.expiresAt.toISOString() } : {}),
    employmentType: employmentTypes[offer.contractType],
    ...(offer.startDate ? { jobStartDate: offer.startDate.toISOString().slice(0, 10) } : {}),
    hiringOrganization: {
      "@type": "Organization",
      name: offer.company.name,
      identifier: { "@type": "PropertyValue", name: "SIREN", value: offer.company.siren },
    },
    jobLocation: {
      "@type": "Place",
      address: {
        "@type": "PostalAddress",
        addressLocality: offer.commune.name,
        postalCode: offer.commune.postalCodes[0],
        addressRegion: regionName,
        addressCountry: "FR",
      },
      ...(offer.latitude != null && offer.longitude != null
        ? { geo: { "@type": "GeoCoordinates", latitude: offer.latitude, longitude: offer.longitude } }
        : {}),
    },
    ...(offer.remote === "FULL" ? { jobLocationType: "TELECOMMUTE" } : {}),
    ...(offer.payMin
      ? {
          baseSalary: {
            "@type": "MonetaryAmount",
            currency: "EUR",
            value: {
              "@type": "QuantitativeValue",
              minValue: offer.payMin,
              ...(offer.payMax ? { maxValue: offer.payMax } : {}),
              unitText: offer.payPeriod === "MONTH" ? "MONTH" : "YEAR",
            },
          },
        }
      : {}),
  };
}

/** JSON inside a <script> tag: "<" escaped so no text can close the tag. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}

// "An offer the public may see": published and not past its expiry date. One rule, written here in
// each language that asks it (a JavaScript test, a Prisma filter, a Meilisearch filter and SQL),
// side by side so they change together; tests/integration/public-offer.test.ts checks they agree.
import type { Prisma } from "#app/generated/prisma/client";

/** The rule itself, for an offer already loaded. */
export function isPublicOffer(offer: { status: string; expiresAt: Date | null }, now = new Date()): boolean {
  return offer.status === "PUBLISHED" && (!offer.expiresAt || offer.expiresAt > now);
}

/** As a Prisma filter: every page and tool that lists offers to the public uses it. */
export function publicOfferWhere(now = new Date()) {
  return { status: "PUBLISHED" as const, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] } satisfies Prisma.OfferWhereInput;
}

/** As Meilisearch filter expressions on the offers index (dates as Unix seconds). */
export function publicOfferSearchFilter(now = new Date()): string[] {
  return ['status = "PUBLISHED"', `(expiresAt IS NULL OR expiresAt > ${Math.floor(now.getTime() / 1000)})`];
}

/** As SQL on the `offer` table under `alias`, with `now` passed as the parameter `nowParameter`. */
export function publicOfferSql(alias: string, nowParameter: string): string[] {
  return [`${alias}.status = 'PUBLISHED'`, `(${alias}.expires_at IS NULL OR ${alias}.expires_at > ${nowParameter})`];
}

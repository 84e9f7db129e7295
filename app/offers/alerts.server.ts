// Saved searches and their alerts: a student keeps a /offres URL state with a daily or weekly alert;
// the worker mails, at most once per period, the offers published since the last alert.
import { db } from "#app/platform/db.server";
import { pickAlertOffers } from "#app/domain/alert-selection";
import { canonicalSearchQuery, parseOfferSearch } from "#app/domain/offer-search-params";
import type { AlertFrequency } from "#app/generated/prisma/enums";
import { resolvePlace } from "#app/reference/geography.server";
import { publicUrl } from "#app/platform/config.server";
import { enqueueMail, unsubscribeUrl } from "#emails/outbox.server";
import { searchClient } from "#search/client";
import { offersPublishedSince } from "#search/offer-search";
import { toOfferQuery } from "./search-contract";

const maxSavedSearches = 20;
const periodMs: Record<AlertFrequency, number> = { DAILY: 86_400_000, WEEKLY: 7 * 86_400_000 };

export async function saveSearch(
  userId: string,
  input: { name: string; query: string; frequency: AlertFrequency },
): Promise<string | null> {
  const count = await db().savedSearch.count({ where: { userId } });
  if (count >= maxSavedSearches) return `Vous avez déjà ${maxSavedSearches} alertes : supprimez-en une avant d'en créer une autre.`;
  await db().savedSearch.create({
    data: { userId, name: input.name, query: canonicalSearchQuery(input.query), frequency: input.frequency },
  });
  return null;
}

export function savedSearchesOf(userId: string) {
  return db().savedSearch.findMany({ where: { userId }, orderBy: { createdAt: "desc" } });
}

export async function deleteSavedSearch(userId: string, id: string) {
  await db().savedSearch.deleteMany({ where: { id, userId } });
}

/** Sends the alerts that are due; returns how many mails were enqueued. Needs the search engine. */
export async function sendDueAlerts(now = new Date(), options: { indexName?: string } = {}): Promise<number> {
  const client = searchClient();
  if (!client) throw new Error("search engine unavailable: alerts wait");
  const due = await db().savedSearch.findMany({
    where: {
      user: { mailOptOut: false },
      OR: [
        { lastSentAt: null },
        { frequency: "DAILY", lastSentAt: { lte: new Date(now.getTime() - periodMs.DAILY) } },
        { frequency: "WEEKLY", lastSentAt: { lte: new Date(now.getTime() - periodMs.WEEKLY) } },
      ],
    },
    include: { user: { select: { email: true, unsubscribeToken: true } } },
    take: 500,
  });
  let sent = 0;
  for (const saved of due) {
    const params = parseOfferSearch(new URLSearchParams(saved.query));
    const place = await resolvePlace(params.autour);
    const since = Math.floor((saved.lastSentAt ?? saved.createdAt).getTime() / 1000);
    const found = await offersPublishedSince(client, toOfferQuery(params), {
      place,
      sinceSeconds: since,
      now,
      indexName: options.indexName,
    });
    const offers = pickAlertOffers(found);
    if (offers.length === 0) continue;
    await db().$transaction(async (tx) => {
      await enqueueMail(tx, saved.user.email, "savedSearchAlert", {
        searchName: saved.name,
        searchUrl: `${publicUrl()}/offres?${saved.query}`,
        offers: offers.map((o) => ({
          title: o.title,
          companyName: o.companyName,
          communeName: o.communeName,
          url: `${publicUrl()}/offres/${o.id}`,
        })),
        unsubscribeUrl: unsubscribeUrl(saved.user.unsubscribeToken),
      });
      await tx.savedSearch.update({ where: { id: saved.id }, data: { lastSentAt: now } });
    });
    sent++;
  }
  return sent;
}

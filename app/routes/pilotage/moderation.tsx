import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { EligibilityPanel } from "#app/components/eligibility";
import { RichText } from "#app/components/rich-text";
import { formatCount } from "#app/components/format";
import { db } from "#app/platform/db.server";
import { publishable, storedDecision } from "#app/domain/vte-eligibility";
import { approveOffer, assessOffer, moderationQueue, publishedIneligibleOffers, rejectOffer } from "#app/offers/offers.server";
import { publicUrl } from "#app/platform/config.server";
import { requireUser } from "#app/accounts/permissions.server";
import { moderationSchema } from "./schemas";

export const meta: MetaFunction = () => [{ title: "Modération des offres · Pilotage VTE" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireUser(request, context, ["OPERATOR"]);
  const params = new URL(request.url).searchParams;
  const search = params.get("q") ?? "";
  const page = Math.min(Math.max(1, Number.parseInt(params.get("page") ?? "1", 10) || 1), 10_000);
  const [{ total, pages, offers: queue }, ineligible] = await Promise.all([moderationQueue(search, page), publishedIneligibleOffers()]);
  return {
    search,
    total,
    page,
    pages,
    ineligible,
    queue: await Promise.all(
      queue.map(async (offer) => ({
        id: offer.id,
        title: offer.title,
        description: offer.description,
        company: offer.company.name,
        siren: offer.company.siren,
        companyVerified: offer.company.verifiedAt !== null,
        rome: `${offer.romeCode} — ${offer.rome.label}`,
        place: `${offer.commune.name}${offer.territory ? ` (${offer.territory.name})` : ""}`,
        submittedAt: (offer.submittedAt ?? offer.createdAt).toISOString(),
        // The decision stored when the offer was saved; computed again only for an offer saved before
        // decisions were stored whole.
        ...(await (async () => {
          const decision = storedDecision(offer) ?? (await assessOffer(offer, offer.company)).decision;
          return { decision, blocking: publishable(decision).blocking.map((r) => r.message) };
        })()),
      })),
    ),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  requireUser(request, context, ["OPERATOR"]);
  const submission = parseWithZod(await request.formData(), { schema: moderationSchema });
  const offerId = String(submission.payload.offerId ?? "");
  if (submission.status !== "success") {
    return {
      offerId,
      done: null,
      errors: submission.error?.reason ?? ["Indiquez le motif du refus."],
      approveError: null,
      reason: String(submission.payload.reason ?? ""),
    };
  }
  const offer = await db().offer.findUnique({ where: { id: offerId }, select: { status: true, title: true } });
  if (!offer || offer.status !== "PENDING_REVIEW") {
    return { offerId, done: null, errors: null, approveError: "Cette offre n'est plus en attente de validation.", reason: "" };
  }
  if (submission.value.intent === "approve") {
    const outcome = await approveOffer(offerId, publicUrl());
    if (outcome === "company-unverified") {
      return {
        offerId,
        done: null,
        errors: null,
        approveError: "L'entreprise n'est pas encore vérifiée : vérifiez-la (page « Entreprises à vérifier ») avant de publier ses offres.",
        reason: "",
      };
    }
    if (outcome === "not-eligible") {
      return {
        offerId,
        done: null,
        errors: null,
        approveError:
          "Cette offre ne peut pas être publiée : le moteur d'éligibilité la refuse (motifs ci-dessus). Refusez-la avec ce motif ; l'entreprise pourra la corriger.",
        reason: "",
      };
    }
  } else await rejectOffer(offerId, submission.value.reason, publicUrl());
  return {
    offerId,
    done: `« ${offer.title} » ${submission.value.intent === "approve" ? "est publiée" : "est refusée ; l'entreprise est prévenue"}.`,
    errors: null,
    approveError: null,
    reason: "",
  };
}

const dateTime = new Intl.DateTimeFormat("fr-FR", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Paris" });

export default function ModerationPage() {
  const { queue, total, page, pages, search, ineligible } = useLoaderData<typeof loader>();
  const pageUrl = (to: number) => `/pilotage/moderation?${new URLSearchParams({ ...(search ? { q: search } : {}), page: String(to) })}`;
  const result = useActionData<typeof action>();
  return (
    <section>
      <p className="text-sm mb-2">
        <Link to="/pilotage">Pilotage</Link> › Modération
      </p>
      <h1 className="text-3xl font-bold mb-2">File de modération</h1>
      <p className="mb-4 text-slate-700">
        {formatCount(total)} offre{total > 1 ? "s" : ""} en attente{search ? ` pour « ${search} »` : ""}, la plus ancienne d'abord
        {pages > 1 ? ` (page ${formatCount(page)} sur ${formatCount(pages)})` : ""}.
      </p>
      <Form method="get" className="mb-6 flex flex-wrap items-end gap-2" role="search" aria-label="Chercher dans la file">
        <div>
          <label htmlFor="q" className="block text-sm font-medium">
            Intitulé ou entreprise
          </label>
          <input id="q" name="q" type="search" defaultValue={search} className="mt-1 rounded border border-slate-400 px-2 py-1" />
        </div>
        <button type="submit" className="rounded border border-marine px-3 py-1 text-marine">
          Chercher
        </button>
      </Form>
      {result?.done && (
        <p role="status" className="mb-4 rounded bg-green-50 border-l-4 border-vert p-3">
          {result.done}
        </p>
      )}
      {ineligible.length > 0 && (
        <section aria-labelledby="non-eligibles" className="mb-8 rounded border-l-4 border-red-700 bg-red-50 p-3">
          <h2 id="non-eligibles" className="font-semibold">
            Offres publiées que le moteur d'éligibilité refuse ({ineligible.length})
          </h2>
          <p className="text-sm mb-2">Publiées avant que la publication ne l'exige : à fermer ou à faire corriger par l'entreprise.</p>
          <ul className="text-sm list-disc pl-5">
            {ineligible.map((offer) => (
              <li key={offer.id}>
                <Link to={`/offres/${offer.id}`}>{offer.title}</Link> — {offer.company}
              </li>
            ))}
          </ul>
        </section>
      )}
      <ol className="space-y-8">
        {queue.map((offer) => {
          const errors = result?.offerId === offer.id ? result.errors : null;
          return (
            <li key={offer.id} className="rounded border border-slate-300 p-4">
              <article aria-labelledby={`offre-${offer.id}`}>
                <h2 id={`offre-${offer.id}`} className="text-xl font-semibold">
                  {offer.title}
                </h2>
                <p className="text-sm text-slate-700 mb-3">
                  {offer.company} (SIREN {offer.siren}) · {offer.rome} · {offer.place} · soumise le{" "}
                  {dateTime.format(new Date(offer.submittedAt))}
                </p>
                {offer.blocking.length > 0 && (
                  <p className="mb-3 rounded border-l-4 border-red-700 bg-red-50 p-2 text-sm">
                    Non publiable comme offre VTE : {offer.blocking.join(" ")}
                  </p>
                )}
                {!offer.companyVerified && (
                  <p className="mb-3 rounded border-l-4 border-amber-600 bg-amber-50 p-2 text-sm">
                    Entreprise non vérifiée : <Link to="/pilotage/entreprises">vérifiez-la</Link> avant de publier cette offre.
                  </p>
                )}
                <EligibilityPanel decision={offer.decision} inList />
                <details className="mb-4">
                  <summary className="cursor-pointer">Lire la description</summary>
                  <div className="mt-2">
                    <RichText text={offer.description} />
                  </div>
                </details>
                {result?.offerId === offer.id && result.approveError && (
                  <p role="alert" className="mb-2 text-sm text-red-700 font-medium">
                    {result.approveError}
                  </p>
                )}
                <div className="flex flex-wrap items-start gap-6">
                  <Form method="post">
                    <input type="hidden" name="offerId" value={offer.id} />
                    <button type="submit" name="intent" value="approve" className="rounded bg-vert px-4 py-2 text-white">
                      Publier
                    </button>
                  </Form>
                  <Form method="post" className="flex-1 min-w-64" noValidate>
                    <input type="hidden" name="offerId" value={offer.id} />
                    <label htmlFor={`motif-${offer.id}`} className="block font-medium">
                      Motif du refus (envoyé à l'entreprise)
                    </label>
                    {errors && (
                      <p id={`motif-${offer.id}-erreur`} role="alert" className="text-sm text-red-700 font-medium">
                        {errors.join(" ")}
                      </p>
                    )}
                    <textarea
                      id={`motif-${offer.id}`}
                      name="reason"
                      rows={3}
                      defaultValue={result?.offerId === offer.id ? result.reason : ""}
                      aria-invalid={errors ? true : undefined}
                      aria-describedby={errors ? `motif-${offer.id}-erreur` : undefined}
                      className="mt-1 block w-full rounded border border-slate-400 px-3 py-2"
                    />
                    <button
                      type="submit"
                      name="intent"
                      value="reject"
                      className="mt-2 rounded border border-red-700 px-4 py-2 text-red-800"
                    >
                      Refuser
                    </button>
                  </Form>
                </div>
              </article>
            </li>
          );
        })}
      </ol>
      {pages > 1 && (
        <nav aria-label="Pages de la file" className="mt-6 flex flex-wrap items-center gap-3">
          {page > 1 && (
            <Link to={pageUrl(page - 1)} rel="prev">
              Page précédente
            </Link>
          )}
          <span>{`Page ${formatCount(page)} sur ${formatCount(pages)}`}</span>
          {page < pages && (
            <Link to={pageUrl(page + 1)} rel="next">
              Page suivante
            </Link>
          )}
        </nav>
      )}
    </section>
  );
}

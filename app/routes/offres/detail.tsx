// /offres/:id — a published offer. (Issue 4 adds similar offers, JSON-LD and the search around it.)
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { contractLabels, degreeLabels, formatLongDate } from "~/components/labels";
import { RichText } from "~/components/rich-text";
import { db } from "~/db.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.offer.title} · ${data.offer.company} · VTE` : "Offre introuvable · VTE" }];


export async function loader({ params }: LoaderFunctionArgs) {
  const offer = await db().offer.findFirst({
    where: { id: params.id, status: "PUBLISHED", OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] },
    include: { company: { select: { name: true, siren: true } }, commune: { select: { name: true } }, territory: { select: { id: true, name: true } }, rome: { select: { label: true } } },
  });
  if (!offer) throw new Response("Offre introuvable", { status: 404 });
  return {
    offer: {
      title: offer.title,
      description: offer.description,
      company: offer.company.name,
      siren: offer.company.siren,
      commune: offer.commune.name,
      territory: offer.territory,
      rome: offer.rome.label,
      contract: `${contractLabels[offer.contractType]}${offer.durationMonths ? ` de ${offer.durationMonths} mois` : ""}`,
      degree: degreeLabels[offer.degreeLevel],
      startDate: formatLongDate(offer.startDate),
      vte: offer.vteEligible,
      vteTerritory: offer.vteTerritory,
      vteGreen: offer.vteGreen,
    },
  };
}

export default function OfferPage() {
  const { offer } = useLoaderData<typeof loader>();
  return (
    <article className="max-w-3xl">
      <h1 className="text-3xl font-bold mb-2">{offer.title}</h1>
      <p className="mb-2 text-slate-700">
        <Link to={`/entreprises/${offer.siren}`}>{offer.company}</Link> · {offer.commune}
        {offer.territory && (
          <>
            {" "}· Territoire d'industrie <Link to={`/territoires/${offer.territory.id}`}>{offer.territory.name}</Link>
          </>
        )}
      </p>
      <p className="mb-4 flex flex-wrap gap-2 text-sm">
        {offer.vte && <span className="rounded bg-marine-light px-2 py-1 text-marine font-semibold">VTE{offer.vteTerritory ? " Territoires d'industrie" : ""}</span>}
        {offer.vteGreen && <span className="rounded bg-green-100 px-2 py-1 text-vert font-semibold">VTE Vert</span>}
      </p>
      <dl className="grid sm:grid-cols-2 gap-2 mb-6 text-sm">
        <div><dt className="inline font-medium">Contrat : </dt><dd className="inline">{offer.contract}</dd></div>
        <div><dt className="inline font-medium">Début : </dt><dd className="inline">{offer.startDate}</dd></div>
        <div><dt className="inline font-medium">Niveau : </dt><dd className="inline">{offer.degree}</dd></div>
        <div><dt className="inline font-medium">Métier : </dt><dd className="inline">{offer.rome}</dd></div>
      </dl>
      <RichText text={offer.description} />
    </article>
  );
}

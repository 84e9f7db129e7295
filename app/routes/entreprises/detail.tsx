// /entreprises/:siren — a company and its published offers.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { OfferList } from "#app/components/offer-list";
import { db } from "#app/platform/db.server";
import { publicOfferWhere } from "#app/domain/public-offer";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.company.name} · Offres VTE` : "Entreprise introuvable · VTE" },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const company = await db().company.findUnique({
    where: { siren: params.siren ?? "" },
    include: { naf: { select: { label: true } }, commune: { select: { name: true } }, territory: { select: { id: true, name: true } } },
  });
  if (!company) throw new Response("Entreprise introuvable", { status: 404 });
  const offers = await db().offer.findMany({
    where: { companyId: company.id, ...publicOfferWhere() },
    orderBy: { publishedAt: "desc" },
    take: 100,
    select: { id: true, title: true, contractType: true, durationMonths: true, vteGreen: true, commune: { select: { name: true } } },
  });
  return {
    company: {
      name: company.name,
      siren: company.siren,
      sector: company.naf.label,
      size: company.sizeBand === "PME" ? "PME" : company.sizeBand === "ETI" ? "ETI" : "Grande entreprise",
      commune: company.commune.name,
      territory: company.territory,
      description: company.description,
    },
    offers: offers.map((o) => ({ ...o, communeName: o.commune.name })),
  };
}

export default function CompanyPage() {
  const { company, offers } = useLoaderData<typeof loader>();
  return (
    <article className="max-w-3xl">
      <h1 className="text-3xl font-bold mb-2">{company.name}</h1>
      <p className="mb-2 text-slate-700">
        {company.size} · {company.sector} · siège à {company.commune} · SIREN {company.siren}
      </p>
      {company.territory && (
        <p className="mb-4">
          Territoire d'industrie <Link to={`/territoires/${company.territory.id}`}>{company.territory.name}</Link>
        </p>
      )}
      {company.description && <p className="mb-6">{company.description}</p>}
      <h2 className="text-xl font-semibold mb-2">
        {offers.length} offre{offers.length > 1 ? "s" : ""} publiée{offers.length > 1 ? "s" : ""}
      </h2>
      <OfferList offers={offers} />
    </article>
  );
}

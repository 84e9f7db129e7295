import { Link } from "@remix-run/react";
import { contractTypes, labelOf } from "#app/domain/codes";

export interface OfferListItem {
  id: string;
  title: string;
  communeName: string;
  contractType: string;
  durationMonths: number | null;
  vteGreen: boolean;
  companyName?: string;
}

/** A plain list of published offers (company and territory pages). */
export function OfferList({ offers }: { offers: OfferListItem[] }) {
  return (
    <ul className="space-y-2">
      {offers.map((offer) => (
        <li key={offer.id}>
          <Link to={`/offres/${offer.id}`}>{offer.title}</Link>
          <span className="text-sm text-slate-700">
            {" "}
            — {offer.companyName ? `${offer.companyName}, ` : ""}
            {offer.communeName} · {labelOf(contractTypes, offer.contractType)}
            {offer.durationMonths ? ` de ${offer.durationMonths} mois` : ""}
            {offer.vteGreen ? " · VTE Vert" : ""}
          </span>
        </li>
      ))}
    </ul>
  );
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { companyOfMember, isCompanyAdministrator } from "#app/companies/companies.server";
import { db } from "#app/platform/db.server";
import { offerStatusLabels } from "#app/domain/offer-lifecycle";
import { companyOffers } from "#app/offers/offers.server";
import { requireUser } from "#app/accounts/permissions.server";
import { ColumnHeads, TableBox } from "#app/components/table";

export const meta: MetaFunction = () => [{ title: "Espace entreprise · VTE" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context, ["COMPANY_MEMBER"]);
  const company = await companyOfMember(user.id);
  if (!company) {
    const invitations = await db().companyInvitation.count({
      where: { email: user.email, acceptedAt: null, expiresAt: { gt: new Date() } },
    });
    return { company: null, offers: [], invitations, administrator: false };
  }
  return {
    company: {
      name: company.name,
      siren: company.siren,
      naf: `${company.nafCode} — ${company.naf.label}`,
      commune: company.commune.name,
      territory: company.territory,
      sizeBand: company.sizeBand,
      verified: company.verifiedAt !== null,
      pendingName: company.pendingName,
    },
    administrator: await isCompanyAdministrator(user.id, company.id),
    offers: await companyOffers(company.id),
    invitations: 0,
  };
}

type CompanyOffer = Awaited<ReturnType<typeof loader>>["offers"][number];

const endingQuestions = {
  close: "Clôturer", // the offer leaves the search; applications under way end
  fill: "Marquer pourvue",
} as const;

/**
 * After a status button: the question before closing or filling (the applications under way end
 * with the offer), then what was done and the way back. Read from the URL, so it works without JavaScript.
 */
function OfferStatusNotice({ offers }: { offers: CompanyOffer[] }) {
  const [params] = useSearchParams();
  const offer = offers.find((o) => o.id === params.get("offre"));
  if (!offer) return null;
  const asked = params.get("confirmer");
  if (asked === "close" || asked === "fill") {
    const open = offer.openApplications;
    return (
      <section aria-labelledby="confirmer-titre" className="mb-4 rounded border-l-4 border-red-700 bg-red-50 p-3">
        <h2 id="confirmer-titre" className="font-semibold">
          {asked === "close" ? `Clôturer « ${offer.title} » ?` : `Marquer « ${offer.title} » pourvue ?`}
        </h2>
        <p className="mb-2">
          Elle n'apparaîtra plus dans la recherche.{" "}
          {open > 0
            ? `${open} candidature${open > 1 ? "s" : ""} en cours ${open > 1 ? "seront closes" : "sera close"} et ${open > 1 ? "les candidats prévenus" : "le candidat prévenu"} par courriel.`
            : "Aucune candidature n'est en cours."}{" "}
          Vous pourrez la rouvrir en brouillon.
        </p>
        <Form method="post" action={`/entreprise/offres/${offer.id}/statut`} className="flex flex-wrap items-center gap-3">
          <input type="hidden" name="confirmed" value="1" />
          <button type="submit" name="intent" value={asked} className="rounded bg-red-700 px-3 py-1 text-white">
            {endingQuestions[asked]}
          </button>
          <Link to="/entreprise">Annuler</Link>
        </Form>
      </section>
    );
  }
  const done = params.get("fait");
  const ended = Number(params.get("candidatures") ?? "0");
  const endedText =
    ended > 0
      ? ` ${ended} candidature${ended > 1 ? "s" : ""} en cours ${ended > 1 ? "ont été closes" : "a été close"}, avec un courriel.`
      : "";
  const texts: Record<string, string> = {
    close: `« ${offer.title} » est clôturée : elle n'apparaît plus dans la recherche.${endedText}`,
    fill: `« ${offer.title} » est marquée pourvue : elle n'apparaît plus dans la recherche.${endedText}`,
    submit: `« ${offer.title} » est soumise à validation : l'équipe du programme la relit avant publication.`,
    reopen: `« ${offer.title} » est rouverte en brouillon : modifiez-la si besoin, puis soumettez-la.`,
  };
  if (!done || !(done in texts)) return null;
  return (
    <div role="status" className="mb-4 rounded border-l-4 border-vert bg-green-50 p-3">
      <p>{texts[done]}</p>
      {(done === "close" || done === "fill") && (
        <Form method="post" action={`/entreprise/offres/${offer.id}/statut`}>
          <button type="submit" name="intent" value="reopen" className="underline text-marine">
            Annuler : rouvrir l'offre en brouillon
          </button>
        </Form>
      )}
    </div>
  );
}

const dateFormat = new Intl.DateTimeFormat("fr-FR", { dateStyle: "medium", timeZone: "Europe/Paris" });

export default function CompanySpacePage() {
  const { company, offers, invitations, administrator } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  if (!company) {
    return (
      <section className="max-w-2xl">
        <h1 className="text-3xl font-bold mb-4">Espace entreprise</h1>
        <p className="mb-4">Inscrivez votre entreprise pour publier des offres VTE.</p>
        {invitations > 0 && (
          <p className="mb-4 rounded bg-marine-light p-3">
            Vous avez {invitations} invitation{invitations > 1 ? "s" : ""} en attente : suivez le lien du message reçu pour rejoindre
            l'entreprise.
          </p>
        )}
        <Link to="/entreprise/creer" className="inline-block rounded bg-marine px-4 py-2 text-white no-underline">
          Inscrire mon entreprise
        </Link>
      </section>
    );
  }
  return (
    <section>
      <h1 className="text-3xl font-bold mb-2">{company.name}</h1>
      {(params.get("creee") || params.get("enregistre")) && (
        <p role="status" className="mb-4 rounded bg-green-50 border-l-4 border-vert p-3">
          {params.get("creee") ? "Votre entreprise est inscrite." : "Les informations de l'entreprise sont enregistrées."}
        </p>
      )}
      <OfferStatusNotice offers={offers} />
      {!company.verified && (
        <p role="status" className="mb-4 rounded border-l-4 border-amber-600 bg-amber-50 p-3">
          Votre entreprise attend sa vérification par l'équipe du programme VTE : vous pouvez rédiger et soumettre vos offres dès
          maintenant, elles seront publiées une fois l'entreprise vérifiée.
        </p>
      )}
      {company.pendingName && (
        <p role="status" className="mb-4 rounded border-l-4 border-amber-600 bg-amber-50 p-3">
          Le nouveau nom « {company.pendingName} » sera affiché sur vos offres une fois validé par l'équipe du programme.
        </p>
      )}
      <p className="mb-1">
        SIREN {company.siren} · {company.naf} · {company.sizeBand === "GE" ? "Grande entreprise" : company.sizeBand} · siège à{" "}
        {company.commune}
      </p>
      <p className="mb-4 font-medium">
        {company.territory
          ? `Votre entreprise est dans le Territoire d'industrie ${company.territory.name}.`
          : "Votre siège n'est dans aucun Territoire d'industrie ; vos offres situées dans un territoire peuvent tout de même en porter le label."}
      </p>
      <p className="mb-8 flex flex-wrap gap-4">
        <Link to="/entreprise/offres/nouvelle" className="rounded bg-marine px-4 py-2 text-white no-underline">
          Publier une offre
        </Link>
        {administrator && <Link to="/entreprise/modifier">Modifier l'entreprise</Link>}
        <Link to="/entreprise/membres">Membres</Link>
      </p>
      <h2 className="text-xl font-semibold mb-3">Vos offres</h2>
      {offers.length === 0 ? (
        <p>Aucune offre pour le moment.</p>
      ) : (
        <TableBox label={"Vos offres"}>
          <table className="w-full text-sm border-collapse">
            <ColumnHeads columns={["Offre", "Statut", "Label", "Candidatures", "Mise à jour", "Actions"]} />
            <tbody>
              {offers.map((offer) => (
                <tr key={offer.id} className="border-b border-slate-100 align-top">
                  <td className="py-2 pr-4">
                    <Link to={`/entreprise/offres/${offer.id}`}>{offer.title}</Link>
                  </td>
                  <td className="py-2 pr-4">{offerStatusLabels[offer.status]}</td>
                  <td className="py-2 pr-4">
                    {offer.contractType === "STAGE_PRE_VTE" ? "Pré-VTE" : offer.vteEligible ? `VTE${offer.vteGreen ? " Vert" : ""}` : "—"}
                  </td>
                  <td className="py-2 pr-4">
                    <Link
                      to={`/entreprise/offres/${offer.id}/candidatures`}
                      aria-label={`Candidatures et profils pour ${offer.title} : ${offer._count.applications}`}
                    >
                      {offer._count.applications}
                    </Link>
                  </td>
                  <td className="py-2 pr-4">{dateFormat.format(new Date(offer.updatedAt))}</td>
                  <td className="py-2">
                    <Form method="post" action={`/entreprise/offres/${offer.id}/statut`} className="flex gap-2">
                      {(offer.status === "DRAFT" || offer.status === "REJECTED") && (
                        <button type="submit" name="intent" value="submit" className="underline text-marine">
                          Soumettre
                        </button>
                      )}
                      {offer.status === "PUBLISHED" && (
                        <button type="submit" name="intent" value="fill" className="underline text-marine">
                          Marquer pourvue
                        </button>
                      )}
                      {["DRAFT", "PENDING_REVIEW", "PUBLISHED"].includes(offer.status) && (
                        <button type="submit" name="intent" value="close" className="underline text-marine">
                          Clôturer
                        </button>
                      )}
                      {["CLOSED", "FILLED", "EXPIRED"].includes(offer.status) && (
                        <button type="submit" name="intent" value="reopen" className="underline text-marine">
                          Rouvrir
                        </button>
                      )}
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableBox>
      )}
    </section>
  );
}

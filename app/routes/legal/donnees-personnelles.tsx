// /donnees-personnelles — what the platform holds on people, why, who sees it and for how long,
// written from the declarations of app/domain/personal-data.ts, and how to use one's rights here.
import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ColumnHeads, TableBox } from "#app/components/table";
import { processingActivities, retention } from "#app/domain/personal-data";
import { legalIdentity } from "#app/platform/config.server";

export const meta: MetaFunction = () => [
  { title: "Données personnelles · VTE" },
  { name: "description", content: "Les données que la plateforme VTE conserve, pourquoi, qui les voit, combien de temps, et vos droits." },
];

export function loader() {
  const legal = legalIdentity();
  return { publisher: legal.publisher, dpoEmail: legal.dpoEmail };
}

export default function PersonalDataPage() {
  const { publisher, dpoEmail } = useLoaderData<typeof loader>();
  return (
    <section className="max-w-4xl">
      <h1 className="text-3xl font-bold mb-4">Données personnelles</h1>
      <p className="mb-4">
        Responsable du traitement : {publisher}. La plateforme ne garde que ce qu'il faut pour mettre en relation les étudiants et jeunes
        diplômés avec les entreprises des Territoires d'industrie, et pour compter les recrutements du programme.
      </p>
      <h2 className="text-xl font-semibold mt-6 mb-2">Ce que nous conservons</h2>
      <div className="overflow-x-auto">
        <TableBox label={"Traitements de données personnelles"}>
          <table className="w-full text-sm border-collapse">
            <caption className="sr-only">Données conservées, finalité, base légale, destinataires et durée</caption>
            <ColumnHeads columns={["Données", "Pourquoi", "Base légale", "Qui les voit", "Combien de temps"]} padding="pr-3" />
            <tbody>
              {processingActivities.map((activity) => (
                <tr key={activity.store} className="border-b border-slate-100 align-top">
                  <td className="py-2 pr-3">{activity.holds}</td>
                  <td className="py-2 pr-3">{activity.purpose}</td>
                  <td className="py-2 pr-3">{activity.legalBasis}</td>
                  <td className="py-2 pr-3">{activity.seenBy}</td>
                  <td className="py-2">{activity.keptFor}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableBox>
      </div>
      <h2 className="text-xl font-semibold mt-6 mb-2">Vos droits</h2>
      <p className="mb-2">
        Vous pouvez accéder à vos données, les rectifier, les emporter, vous opposer à un traitement fondé sur l'intérêt légitime et
        demander leur effacement. Dans votre compte, vous modifiez votre profil et vos alertes vous-même, et rendez votre profil invisible
        aux entreprises à tout moment. Un compte supprimé peut être récupéré en vous connectant pendant {retention.deletionGraceDays} jours.
      </p>
      <p className="mb-2">
        Pour toute demande : {dpoEmail ? <a href={`mailto:${dpoEmail}`}>{dpoEmail}</a> : <Link to="/contact">la page Contact</Link>}. Vous
        pouvez aussi saisir la CNIL (cnil.fr).
      </p>
      <h2 className="text-xl font-semibold mt-6 mb-2">Cookies</h2>
      <p>
        Un seul cookie, nécessaire à la connexion : voir <Link to="/cookies">Cookies</Link>. Aucun traceur, aucune mesure d'audience tierce.
      </p>
    </section>
  );
}

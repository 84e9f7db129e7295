// /accessibilite — the accessibility statement RGAA asks for: its status, what was checked and how
// (automated checks run with every test run), and how to report a problem.
import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { legalIdentity } from "#app/platform/config.server";

export const meta: MetaFunction = () => [{ title: "Accessibilité · VTE" }];

export function loader() {
  return { publisher: legalIdentity().publisher };
}

export default function AccessibilityPage() {
  const { publisher } = useLoaderData<typeof loader>();
  return (
    <section className="max-w-3xl">
      <h1 className="text-3xl font-bold mb-4">Déclaration d'accessibilité</h1>
      <p className="mb-4">
        {publisher} s'engage à rendre la plateforme VTE accessible, conformément à l'article 47 de la loi n° 2005-102 du 11 février 2005.
      </p>
      <h2 className="text-xl font-semibold mt-6 mb-2">État de conformité</h2>
      <p className="mb-4">
        La plateforme est <strong>partiellement conforme</strong> au référentiel général d'amélioration de l'accessibilité (RGAA 4.1) :
        aucun audit complet par une personne qualifiée n'a encore été mené.
      </p>
      <h2 className="text-xl font-semibold mt-6 mb-2">Ce qui est vérifié</h2>
      <ul className="list-disc pl-5 mb-4">
        <li>
          À chaque série de tests, le moteur axe-core (règles WCAG 2.1 A et AA) contrôle les pages publiques et les pages de chaque espace
          (étudiant, entreprise, école, pilotage), avec et sans JavaScript : aucune violation n'est acceptée.
        </li>
        <li>Les formulaires fonctionnent sans JavaScript ; chaque erreur est écrite à côté de son champ et annoncée.</li>
        <li>La carte des territoires a pour alternative un tableau triable ; chaque graphique est décrit en mots.</li>
      </ul>
      <h2 className="text-xl font-semibold mt-6 mb-2">Signaler un problème</h2>
      <p>
        Si vous ne pouvez pas accéder à un contenu ou à un service, <Link to="/contact">écrivez-nous</Link> : nous vous répondrons et vous
        fournirons l'information sous une autre forme. Si la réponse ne vous satisfait pas, vous pouvez saisir le Défenseur des droits.
      </p>
    </section>
  );
}

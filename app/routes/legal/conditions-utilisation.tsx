// /conditions-utilisation — the terms of use, short; their version is app/domain/personal-data.ts's.
import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { termsVersion } from "#app/domain/personal-data";

export const meta: MetaFunction = () => [{ title: "Conditions d'utilisation · VTE" }];

export default function TermsOfUsePage() {
  return (
    <section className="max-w-3xl">
      <h1 className="text-3xl font-bold mb-4">Conditions d'utilisation</h1>
      <p className="mb-4 text-slate-700">Version du {termsVersion}.</p>
      <ul className="list-disc pl-5 space-y-2">
        <li>
          La plateforme met en relation des étudiants et jeunes diplômés avec des PME et ETI pour des postes en Volontariat Territorial en
          Entreprise ; elle est gratuite pour tous.
        </li>
        <li>
          Chacun donne des informations exactes sur lui-même ; une entreprise ne publie que des offres réelles, pour son propre compte,
          vérifiées par l'équipe du programme avant leur publication.
        </li>
        <li>
          Les données d'un candidat ne servent qu'au recrutement pour lequel il les a transmises : ni revente, ni prospection, ni
          constitution de fichiers.
        </li>
        <li>Un compte est personnel ; son mot de passe ne se partage pas.</li>
        <li>
          L'équipe du programme peut refuser une offre, suspendre un compte qui ne respecte pas ces règles, et répond aux signalements
          écrits à la page <Link to="/contact">Contact</Link>.
        </li>
        <li>
          Ce que la plateforme conserve, pourquoi et combien de temps : <Link to="/donnees-personnelles">Données personnelles</Link>.
        </li>
      </ul>
    </section>
  );
}

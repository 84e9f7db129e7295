// /cookies — the one cookie the site sets, and why no consent banner is needed for it. Kept true
// by tests/e2e/network.spec.ts: no page sets another cookie or calls another origin.
import type { MetaFunction } from "@remix-run/node";
import { retention } from "#app/domain/personal-data";

export const meta: MetaFunction = () => [{ title: "Cookies · VTE" }];

export default function CookiesPage() {
  return (
    <section className="max-w-3xl">
      <h1 className="text-3xl font-bold mb-4">Cookies</h1>
      <p className="mb-4">
        Le site dépose un seul cookie, <code>vte_session</code>, et seulement quand vous vous connectez : il garde votre session ouverte{" "}
        {retention.sessionDays} jours au plus et disparaît à la déconnexion. Il est strictement nécessaire au service : il ne demande donc
        pas de consentement.
      </p>
      <p className="mb-4">
        Aucun cookie de mesure d'audience, de publicité ou de réseau social. Aucune page n'appelle un autre site : polices, scripts et
        images viennent de la plateforme elle-même.
      </p>
    </section>
  );
}

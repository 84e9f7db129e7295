// /contact — where to write, from configuration (LEGAL_CONTACT_EMAIL, LEGAL_DPO_EMAIL).
import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { legalIdentity } from "#app/platform/config.server";

export const meta: MetaFunction = () => [{ title: "Contact · VTE" }];

export function loader() {
  const { contactEmail, dpoEmail } = legalIdentity();
  return { contactEmail, dpoEmail };
}

export default function ContactPage() {
  const { contactEmail, dpoEmail } = useLoaderData<typeof loader>();
  return (
    <section className="max-w-3xl">
      <h1 className="text-3xl font-bold mb-4">Contact</h1>
      {contactEmail ? (
        <p className="mb-4">
          Une question sur le VTE ou sur la plateforme : <a href={`mailto:${contactEmail}`}>{contactEmail}</a>.
        </p>
      ) : (
        <p className="mb-4">L'adresse de contact de cette installation n'est pas encore renseignée (variable LEGAL_CONTACT_EMAIL).</p>
      )}
      {dpoEmail && (
        <p className="mb-4">
          Vos données personnelles et vos droits : <a href={`mailto:${dpoEmail}`}>{dpoEmail}</a> (voir{" "}
          <Link to="/donnees-personnelles">Données personnelles</Link>).
        </p>
      )}
      <p>
        Un problème d'accès à un contenu : voir la <Link to="/accessibilite">déclaration d'accessibilité</Link>.
      </p>
    </section>
  );
}

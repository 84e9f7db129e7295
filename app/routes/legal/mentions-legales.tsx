// /mentions-legales — who publishes and hosts the service, from configuration (config.server.ts).
import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { legalIdentity } from "#app/platform/config.server";

export const meta: MetaFunction = () => [{ title: "Mentions légales · VTE" }];

export function loader() {
  return legalIdentity();
}

export default function LegalNoticePage() {
  const legal = useLoaderData<typeof loader>();
  return (
    <section className="max-w-3xl">
      <h1 className="text-3xl font-bold mb-4">Mentions légales</h1>
      <h2 className="text-xl font-semibold mt-6 mb-2">Éditeur</h2>
      <p>
        {legal.publisher}
        <br />
        {legal.publisherAddress}
      </p>
      <p className="mt-2">Directeur ou directrice de la publication : {legal.director}</p>
      <h2 className="text-xl font-semibold mt-6 mb-2">Hébergement</h2>
      <p>
        {legal.host}
        <br />
        {legal.hostAddress}
      </p>
      <h2 className="text-xl font-semibold mt-6 mb-2">Contact</h2>
      <p>
        <Link to="/contact">Nous écrire</Link>. Vos données et vos droits : <Link to="/donnees-personnelles">Données personnelles</Link>.
      </p>
      <h2 className="text-xl font-semibold mt-6 mb-2">Code et données</h2>
      <p>
        Le code de la plateforme est publié sous la licence européenne EUPL 1.2. Les données de référence viennent de l'INSEE (COG 2026), de
        l'ANCT (Territoires d'industrie), de France Travail (ROME 4.0) et du ministère de l'Enseignement supérieur, sous Licence Ouverte
        2.0.
      </p>
    </section>
  );
}

import type { MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { formatCount } from "#app/components/format";
import { db } from "#app/platform/db.server";
import { phaseAt } from "#app/territories/phases.server";
import { nationalFigures } from "#app/statistics/figures.server";
import { hiddenCountText, publicCount } from "#app/domain/disclosure";
import { figures } from "#app/domain/figures";
import { minimumDegreeWords } from "#app/domain/codes";
import { graduateYears } from "#app/domain/student-eligibility";
import { minimumContractMonths } from "#app/domain/vte-eligibility";
import { htmlOnly } from "#app/components/page-scripts";

// Links and forms only: no script to wait for (app/components/page-scripts.ts).
export const handle = htmlOnly;

export const meta: MetaFunction = () => [
  { title: "VTE · Volontariat Territorial en Entreprise" },
  {
    name: "description",
    content:
      "Le VTE met des étudiants et jeunes diplômés d'écoles d'ingénieurs et de commerce au service des PME et ETI des Territoires d'industrie.",
  },
];

export async function loader() {
  const prisma = db();
  const phase = await phaseAt();
  const [territoryCount, coveredCommunes, national] = await Promise.all([
    prisma.territory.count({ where: { phaseId: phase } }),
    prisma.territoryCommune.count({ where: { territory: { phaseId: phase } } }),
    nationalFigures(),
  ]);
  // The same figure, counted the same way, as on /statistiques.
  return { territoryCount, coveredCommunes, publishedOffers: publicCount(national.whole.publishedOffers) };
}

const audiences = [
  {
    title: "Étudiants et jeunes diplômés",
    text: `En alternance ou diplômé depuis moins de ${graduateYears} ans, de niveau ${minimumDegreeWords()} au moins : trouvez un poste à responsabilité dans une entreprise industrielle près de chez vous ou dans la région qui vous attire.`,
    link: { to: "/offres", text: "Chercher une offre" },
  },
  {
    title: "PME et ETI",
    text: `Publiez vos offres VTE (alternance, CDD ou CDI, d'au moins ${minimumContractMonths} mois) et rencontrez des candidats d'écoles d'ingénieurs et de commerce motivés par votre territoire.`,
    link: { to: "/inscription?profil=entreprise", text: "Inscrire mon entreprise" },
  },
  {
    title: "Écoles",
    text: "Relayez les offres auprès de vos étudiants et suivez leurs candidatures et recrutements, territoire par territoire.",
    link: { to: "/inscription?profil=ecole", text: "Créer un compte école" },
  },
  {
    title: "Bpifrance et les régions",
    text: "Modérez les offres et suivez le déploiement du programme par territoire, région, secteur et école.",
    link: { to: "/statistiques", text: "Voir les statistiques du programme" },
  },
];

export default function HomePage() {
  const { territoryCount, coveredCommunes, publishedOffers } = useLoaderData<typeof loader>();
  return (
    <>
      <section aria-labelledby="titre" className="mb-10">
        <h1 id="titre" className="text-3xl sm:text-4xl font-bold mb-4">
          Le Volontariat Territorial en Entreprise
        </h1>
        <p className="text-lg text-slate-700 max-w-3xl mb-4">
          Le VTE, programme porté par Bpifrance, fait venir des étudiants et jeunes diplômés d'écoles d'ingénieurs et de commerce dans les
          PME et ETI des Territoires d'industrie, sur des postes à responsabilité. Chaque recrutement est compté dans les statistiques de
          son territoire.
        </p>
        <Form
          method="get"
          action="/offres"
          role="search"
          aria-label="Chercher une offre VTE"
          className="mb-4 flex max-w-2xl flex-wrap items-end gap-3"
        >
          <div className="min-w-56 flex-1">
            <label htmlFor="accueil-q" className="block font-medium">
              Métier, compétence, entreprise…
            </label>
            <input id="accueil-q" name="q" type="search" className="mt-1 block w-full rounded border border-slate-400 px-3 py-2" />
          </div>
          <button type="submit" className="rounded bg-marine px-4 py-2 text-white">
            Chercher une offre
          </button>
        </Form>
        <p>
          <Link to="/territoires">Découvrir les Territoires d'industrie</Link>
        </p>
      </section>
      <section aria-labelledby="chiffres" className="mb-10">
        <h2 id="chiffres" className="sr-only">
          Le programme en chiffres
        </h2>
        <dl className="grid grid-cols-1 sm:grid-cols-3 gap-4">
          <div className="rounded border border-slate-200 p-4">
            <dt className="text-sm text-slate-600">Territoires d'industrie</dt>
            <dd className="text-3xl font-semibold tabular-nums">{formatCount(territoryCount)}</dd>
          </div>
          <div className="rounded border border-slate-200 p-4">
            <dt className="text-sm text-slate-600">Communes couvertes</dt>
            <dd className="text-3xl font-semibold tabular-nums">{formatCount(coveredCommunes)}</dd>
          </div>
          <div className="rounded border border-slate-200 p-4">
            <dt className="text-sm text-slate-600">
              <Link to="/statistiques#definitions" title={figures.publishedOffers.definition}>
                {figures.publishedOffers.label}
              </Link>
            </dt>
            <dd className="text-3xl font-semibold tabular-nums">
              {publishedOffers === null ? hiddenCountText : formatCount(publishedOffers)}
            </dd>
          </div>
        </dl>
      </section>
      <section aria-labelledby="publics">
        <h2 id="publics" className="text-2xl font-semibold mb-4">
          Pour qui ?
        </h2>
        <div className="grid grid-cols-1 md:grid-cols-2 gap-4">
          {audiences.map((audience) => (
            <div key={audience.title} className="rounded border border-slate-200 p-4">
              <h3 className="font-semibold mb-2">{audience.title}</h3>
              <p className="text-slate-700 mb-2">{audience.text}</p>
              <Link to={audience.link.to}>{audience.link.text}</Link>
            </div>
          ))}
        </div>
      </section>
    </>
  );
}

// /compte/donnees — "Mes données": everything the platform holds about the person signed in,
// readable here and downloadable as one JSON file (/compte/donnees.json, with the CV).
import { parseWithZod } from "@conform-to/zod/v4";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireUser } from "#app/accounts/permissions.server";
import { clearedSessionCookie } from "#app/accounts/session.server";
import { formatLongDate } from "#app/components/labels";
import { retention } from "#app/domain/personal-data";
import { companiesLeftWithoutMember, requestDeletion } from "#app/personal-data/deletion.server";
import { formatMinutes } from "#app/components/format";
import { personalDataOf } from "#app/personal-data/export.server";

export const meta: MetaFunction = () => [{ title: "Mes données · VTE" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context);
  const [data, lastMemberOf] = await Promise.all([personalDataOf(user.id), companiesLeftWithoutMember(user.id)]);
  // The page shows the CV by its name; the file itself is in the download.
  return { ...data, profile: data.profile && { ...data.profile, cv: data.profile.cv ? data.profile.cv.fileName : null }, lastMemberOf };
}

const deletionSchema = z.object({ password: z.string({ error: "Saisissez votre mot de passe pour confirmer." }).min(1) });

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(request, context);
  const submission = parseWithZod(await request.formData(), { schema: deletionSchema });
  if (submission.status !== "success") return { error: "Saisissez votre mot de passe pour confirmer." };
  const requested = await requestDeletion(user.id, submission.value.password, context.clientIp);
  if (!requested.ok)
    return {
      error:
        requested.reason === "rate-limited"
          ? `Trop de tentatives. Par sécurité, réessayez dans ${formatMinutes(requested.minutes)} : votre compte n'est pas supprimé.`
          : "Mot de passe incorrect : votre compte n'est pas supprimé.",
    };
  return redirect(`/compte/suppression?le=${requested.finalOn.toISOString().slice(0, 10)}`, {
    headers: { "Set-Cookie": clearedSessionCookie() },
  });
}

function Section({ title, count, children }: { title: string; count?: number; children: React.ReactNode }) {
  return (
    <section className="mb-6">
      <h2 className="text-xl font-semibold mb-2">
        {title}
        {count !== undefined ? ` (${count})` : ""}
      </h2>
      {children}
    </section>
  );
}

export default function MyDataPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { account, profile } = data;
  return (
    <section className="max-w-3xl">
      <h1 className="text-3xl font-bold mb-4">Mes données</h1>
      <p className="mb-4">
        Tout ce que la plateforme conserve sur vous. <a href="/compte/donnees.json">Télécharger mes données (JSON, avec le CV)</a> · format
        décrit dans <a href="/compte/donnees.schema.json">son schéma</a> · pourquoi et combien de temps :{" "}
        <Link to="/donnees-personnelles">Données personnelles</Link>.
      </p>
      <Section title="Compte">
        <dl className="facts">
          <dt className="font-medium">Nom</dt>
          <dd>
            {account.firstName} {account.lastName}
          </dd>
          <dt className="font-medium">Adresse e-mail</dt>
          <dd>{account.email}</dd>
          <dt className="font-medium">Créé le</dt>
          <dd>{formatLongDate(new Date(account.createdAt))}</dd>
          <dt className="font-medium">E-mails facultatifs</dt>
          <dd>{account.mailOptOut ? "refusés" : "acceptés"}</dd>
          {account.school && (
            <>
              <dt className="font-medium">École</dt>
              <dd>{account.school}</dd>
            </>
          )}
        </dl>
      </Section>
      {profile && (
        <Section title="Profil">
          <dl className="facts">
            <dt className="font-medium">Formation</dt>
            <dd>{[profile.field, profile.establishment].filter(Boolean).join(" · ")}</dd>
            <dt className="font-medium">Compétences</dt>
            <dd>{profile.skills.join(", ") || "aucune"}</dd>
            <dt className="font-medium">Visible des entreprises</dt>
            <dd>{profile.visibleToCompanies ? "oui" : "non"}</dd>
            <dt className="font-medium">CV</dt>
            <dd>{profile.cv ?? "aucun"}</dd>
          </dl>
          <p className="mt-2">
            <Link to="/etudiant/profil">Modifier mon profil</Link>
          </p>
        </Section>
      )}
      <Section title="Candidatures" count={data.applications.length}>
        <ul className="list-disc pl-5">
          {data.applications.map((application) => (
            <li key={application.createdAt + application.offer}>
              {application.offer} — {application.company}, le {formatLongDate(new Date(application.createdAt))} (
              {application.history.length} étape(s))
            </li>
          ))}
        </ul>
      </Section>
      {profile && (
        <Section title="Qui a consulté mon profil" count={data.profileAccesses.length}>
          {data.profileAccesses.length === 0 ? (
            <p>Aucune entreprise n'a encore ouvert votre profil ni téléchargé votre CV.</p>
          ) : (
            <ul className="list-disc pl-5">
              {data.profileAccesses.map((access) => (
                <li key={access.at + access.company + access.kind}>
                  {access.company} a {access.kind === "CV" ? "téléchargé votre CV" : "ouvert votre profil"} le{" "}
                  {formatLongDate(new Date(access.at))}
                </li>
              ))}
            </ul>
          )}
        </Section>
      )}
      <Section title="Alertes" count={data.savedSearches.length}>
        <ul className="list-disc pl-5">
          {data.savedSearches.map((saved) => (
            <li key={saved.createdAt}>{saved.name}</li>
          ))}
        </ul>
      </Section>
      {data.companies.length > 0 && (
        <Section title="Entreprises" count={data.companies.length}>
          <ul className="list-disc pl-5">
            {data.companies.map((company) => (
              <li key={company.siren}>
                {company.name} ({company.siren})
              </li>
            ))}
          </ul>
        </Section>
      )}
      {data.promotions.length > 0 && (
        <Section title="Offres recommandées" count={data.promotions.length}>
          <ul className="list-disc pl-5">
            {data.promotions.map((promotion) => (
              <li key={promotion.createdAt}>{promotion.offer}</li>
            ))}
          </ul>
        </Section>
      )}
      <Section title="Sessions ouvertes" count={data.sessions.length}>
        <p>Chaque appareil où vous êtes connecté(e) ; changer de mot de passe les ferme toutes sauf celle-ci.</p>
      </Section>
      <Section title="Supprimer mon compte">
        <p className="mb-2">
          Vos sessions se ferment, votre CV est effacé et votre profil disparaît des recherches tout de suite. Après{" "}
          {retention.deletionGraceDays} jours, votre nom, votre adresse, votre profil et vos messages sont effacés : les entreprises ne
          gardent qu'une trace anonyme de vos candidatures. Vous pouvez annuler en vous connectant avant. Un e-mail confirme chaque étape.
        </p>
        {data.lastMemberOf.map((company) => (
          <p key={company.name} role="note" className="mb-2 rounded border-l-4 border-red-700 bg-red-50 p-3">
            Vous êtes le dernier membre de {company.name} : ses {company.openOffers} offre(s) ouverte(s) seront clôturées.
          </p>
        ))}
        <Form method="post" className="rounded border border-slate-200 p-4">
          <label htmlFor="password" className="block font-medium">
            Votre mot de passe, pour confirmer
          </label>
          {result?.error && (
            <p id="password-erreur" role="alert" className="text-sm text-red-700 font-medium">
              {result.error}
            </p>
          )}
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            aria-invalid={result?.error ? true : undefined}
            aria-describedby={result?.error ? "password-erreur" : undefined}
            className="mt-1 mb-3 block w-full max-w-sm rounded border border-slate-400 px-3 py-2"
          />
          <button type="submit" className="rounded bg-red-700 px-4 py-2 text-white">
            Supprimer mon compte
          </button>
        </Form>
      </Section>
    </section>
  );
}

// /pilotage/entreprises — what operators check about companies before their offers are public:
// the unverified ones (verify), new names of verified ones (accept or refuse), and contested
// SIREN registrations (hand the company to the claimant, or dismiss).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { companiesToReview, decideCompanyName, resolveClaim, verifyCompany } from "#app/companies/companies.server";
import { requireUser } from "#app/accounts/permissions.server";

export const meta: MetaFunction = () => [{ title: "Entreprises à vérifier · Pilotage VTE" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireUser(request, context, ["OPERATOR"]);
  const { unverified, names, claims } = await companiesToReview();
  return {
    unverified: unverified.map((c) => ({
      id: c.id,
      name: c.name,
      siren: c.siren,
      createdAt: c.createdAt.toISOString(),
      pendingOffers: c._count.offers,
      administrator: c.members[0]?.user.email ?? null,
    })),
    names,
    claims: claims.map((c) => ({
      id: c.id,
      message: c.message,
      createdAt: c.createdAt.toISOString(),
      claimant: `${c.user.firstName} ${c.user.lastName} (${c.user.email})`,
      company: c.company,
    })),
  };
}

const decision = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("verify"), companyId: z.string().min(1).max(64) }),
  z.object({ intent: z.enum(["accept-name", "refuse-name"]), companyId: z.string().min(1).max(64) }),
  z.object({ intent: z.enum(["transfer", "dismiss"]), claimId: z.string().min(1).max(64) }),
]);

export async function action({ request, context }: ActionFunctionArgs) {
  const operator = requireUser(request, context, ["OPERATOR"]);
  const parsed = decision.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return { done: null, error: "Action inconnue : rechargez la page." };
  const value = parsed.data;
  switch (value.intent) {
    case "verify":
      await verifyCompany(value.companyId, operator.id);
      return { done: "L'entreprise est vérifiée : ses offres peuvent être publiées.", error: null };
    case "accept-name":
    case "refuse-name":
      await decideCompanyName(value.companyId, value.intent === "accept-name");
      return {
        done: value.intent === "accept-name" ? "Le nouveau nom est affiché sur les offres." : "Le nom reste inchangé.",
        error: null,
      };
    default: {
      const settled = await resolveClaim(value.claimId, operator.id, value.intent === "transfer" ? "transferred" : "dismissed");
      if (!settled) return { done: null, error: "Cette contestation est déjà tranchée." };
      return {
        done: value.intent === "transfer" ? "L'entreprise est transmise à la personne qui l'a contestée." : "La contestation est rejetée.",
        error: null,
      };
    }
  }
}

const dateFormat = new Intl.DateTimeFormat("fr-FR", { dateStyle: "medium", timeZone: "Europe/Paris" });

function Decision({ hidden, buttons }: { hidden: Record<string, string>; buttons: { intent: string; label: string }[] }) {
  return (
    <Form method="post" className="inline-flex gap-3">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {buttons.map((b) => (
        <button key={b.intent} type="submit" name="intent" value={b.intent} className="text-marine underline">
          {b.label}
        </button>
      ))}
    </Form>
  );
}

export default function CompaniesReviewPage() {
  const { unverified, names, claims } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section className="max-w-4xl">
      <p className="text-sm mb-2">
        <Link to="/pilotage">Pilotage</Link> › Entreprises
      </p>
      <h1 className="text-3xl font-bold mb-4">Entreprises à vérifier</h1>
      {result?.done && (
        <p role="status" className="mb-4 rounded bg-green-50 border-l-4 border-vert p-3">
          {result.done}
        </p>
      )}
      {result?.error && (
        <p role="alert" className="mb-4 rounded border-l-4 border-red-700 bg-red-50 p-3">
          {result.error}
        </p>
      )}
      <h2 className="text-xl font-semibold mb-2">Non vérifiées ({unverified.length})</h2>
      <p className="text-sm mb-2">
        Vérifiez que la personne qui a inscrit l'entreprise la représente (adresse du domaine de l'entreprise, Kbis, appel au standard)
        avant de publier ses offres.
      </p>
      <ul className="mb-6 space-y-2">
        {unverified.map((c) => (
          <li key={c.id}>
            <strong>{c.name}</strong> (SIREN {c.siren}), inscrite le {dateFormat.format(new Date(c.createdAt))} par {c.administrator ?? "—"}{" "}
            ; {c.pendingOffers} offre{c.pendingOffers > 1 ? "s" : ""} en attente.{" "}
            <Decision hidden={{ companyId: c.id }} buttons={[{ intent: "verify", label: `Vérifier ${c.name}` }]} />
          </li>
        ))}
        {unverified.length === 0 && <li>Aucune.</li>}
      </ul>
      <h2 className="text-xl font-semibold mb-2">Changements de nom ({names.length})</h2>
      <ul className="mb-6 space-y-2">
        {names.map((c) => (
          <li key={c.id}>
            « {c.name} » (SIREN {c.siren}) veut s'appeler « {c.pendingName} ».{" "}
            <Decision
              hidden={{ companyId: c.id }}
              buttons={[
                { intent: "accept-name", label: "Accepter le nouveau nom" },
                { intent: "refuse-name", label: "Garder l'ancien nom" },
              ]}
            />
          </li>
        ))}
        {names.length === 0 && <li>Aucun.</li>}
      </ul>
      <h2 className="text-xl font-semibold mb-2">Contestations d'inscription ({claims.length})</h2>
      <ul className="space-y-3">
        {claims.map((c) => (
          <li key={c.id} className="rounded border border-slate-200 p-3">
            {c.claimant} dit représenter <strong>{c.company.name}</strong> (SIREN {c.company.siren}), le{" "}
            {dateFormat.format(new Date(c.createdAt))} :
            <blockquote className="my-2 border-l-4 border-slate-300 pl-3">{c.message}</blockquote>
            <Decision
              hidden={{ claimId: c.id }}
              buttons={[
                { intent: "transfer", label: "Lui transmettre l'entreprise" },
                { intent: "dismiss", label: "Rejeter la contestation" },
              ]}
            />
          </li>
        ))}
        {claims.length === 0 && <li>Aucune.</li>}
      </ul>
    </section>
  );
}

// /desabonnement/:token — the link in every non-essential mail; one click stops them (alerts,
// application notices, reminders). Essential mail (verification, password) still goes out.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { unsubscribe } from "#app/accounts/mail-opt-out.server";
import { db } from "#app/platform/db.server";

export const meta: MetaFunction = () => [{ title: "Se désabonner · VTE" }];

export async function loader({ params }: LoaderFunctionArgs) {
  const user = await db().user.findUnique({ where: { unsubscribeToken: params.token ?? "" }, select: { mailOptOut: true } });
  if (!user) throw new Response("Lien de désabonnement inconnu", { status: 404 });
  return { already: user.mailOptOut };
}

export async function action({ params }: ActionFunctionArgs) {
  return { done: await unsubscribe(params.token ?? "") };
}

export default function UnsubscribePage() {
  const { already } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section className="max-w-xl">
      <h1 className="text-3xl font-bold mb-4">Se désabonner</h1>
      {result?.done || already ? (
        <p role="status">
          Vous ne recevrez plus d'alertes ni de notifications par e-mail. Les messages indispensables (vérification, mot de passe) restent
          envoyés.
        </p>
      ) : (
        <Form method="post">
          <p className="mb-4">Ne plus recevoir les alertes d'offres, les avis de candidature et les rappels ?</p>
          <button type="submit" className="rounded bg-marine px-4 py-2 text-white">
            Me désabonner
          </button>
        </Form>
      )}
    </section>
  );
}

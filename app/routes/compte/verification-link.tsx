import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { verifyEmailLink } from "#app/accounts/auth.server";
import { currentUser, homeOf } from "#app/accounts/permissions.server";

export const meta: MetaFunction = () => [{ title: "Vérification de l'adresse · VTE" }];

export async function loader({ params, context }: LoaderFunctionArgs) {
  const result = await verifyEmailLink(params.token ?? "");
  const user = currentUser(context);
  if (result === "verified" && user) throw redirect(homeOf(user.role));
  return { result };
}

export default function VerificationLinkPage() {
  const { result } = useLoaderData<typeof loader>();
  return (
    <section className="max-w-xl">
      <h1 className="text-3xl font-bold mb-4">{result === "verified" ? "Adresse vérifiée" : "Lien non valable"}</h1>
      {result === "verified" ? (
        <p>
          Votre adresse est confirmée. <Link to="/connexion">Connectez-vous</Link> pour continuer.
        </p>
      ) : (
        <p>
          Ce lien a expiré ou a déjà servi. <Link to="/connexion">Connectez-vous</Link> pour recevoir un nouveau code.
        </p>
      )}
    </section>
  );
}

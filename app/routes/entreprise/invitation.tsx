import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { acceptInvitation, findInvitation } from "#app/companies/companies.server";
import { SubmitButton } from "#app/components/form";
import { currentUser, requireUser } from "#app/accounts/permissions.server";

export const meta: MetaFunction = () => [{ title: "Invitation · VTE" }];

export async function loader({ params, context, request }: LoaderFunctionArgs) {
  const invitation = await findInvitation(params.token ?? "");
  const user = currentUser(context);
  return {
    invitation: invitation ? { companyName: invitation.company.name, email: invitation.email } : null,
    signedInAs: user ? { email: user.email, role: user.role } : null,
    here: new URL(request.url).pathname,
  };
}

export async function action({ params, context, request }: ActionFunctionArgs) {
  const user = requireUser(request, context, ["COMPANY_MEMBER"]);
  const result = await acceptInvitation(params.token ?? "", user);
  if (result === "accepted") throw redirect("/entreprise");
  return {
    error:
      result === "wrong-email"
        ? "Cette invitation a été envoyée à une autre adresse que celle de votre compte."
        : "Cette invitation a expiré ou a déjà servi.",
  };
}

export default function InvitationPage() {
  const { invitation, signedInAs, here } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (!invitation) {
    return (
      <section className="max-w-xl">
        <h1 className="text-3xl font-bold mb-4">Invitation non valable</h1>
        <p>Cette invitation a expiré ou a déjà servi. Demandez une nouvelle invitation à votre collègue.</p>
      </section>
    );
  }
  return (
    <section className="max-w-xl">
      <h1 className="text-3xl font-bold mb-4">Rejoindre {invitation.companyName}</h1>
      {result?.error && (
        <p role="alert" className="mb-4 rounded border-l-4 border-red-700 bg-red-50 p-3">
          {result.error}
        </p>
      )}
      {!signedInAs ? (
        <p>
          Cette invitation est adressée à {invitation.email}. <Link to={`/inscription`}>Créez un compte entreprise</Link> avec cette
          adresse, ou <Link to={`/connexion?redirectTo=${encodeURIComponent(here)}`}>connectez-vous</Link>, puis revenez sur ce lien.
        </p>
      ) : (
        <Form method="post">
          <p className="mb-4">Vous êtes connecté avec {signedInAs.email}.</p>
          <SubmitButton>Rejoindre l'entreprise</SubmitButton>
        </Form>
      )}
    </section>
  );
}

import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form } from "@remix-run/react";
import { SubmitButton } from "#app/components/form";
import { clearedSessionCookie, invalidateSession } from "#app/accounts/session.server";

export const meta: MetaFunction = () => [{ title: "Se déconnecter · VTE" }];

export async function action({ context }: ActionFunctionArgs) {
  if (context.session) await invalidateSession(context.session.id);
  return redirect("/", { headers: { "Set-Cookie": clearedSessionCookie() } });
}

export default function LogOutPage() {
  return (
    <section className="max-w-md">
      <h1 className="text-3xl font-bold mb-6">Se déconnecter</h1>
      <Form method="post">
        <SubmitButton>Se déconnecter</SubmitButton>
      </Form>
    </section>
  );
}

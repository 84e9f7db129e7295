// /compte/conditions — the terms of use and data policy changed since the person accepted them
// (or they signed up before they existed): shown at log-in, accepted here, or the account deleted.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { homeOf, requireUser } from "#app/accounts/permissions.server";
import { termsVersion } from "#app/domain/personal-data";
import { safeRedirect } from "#app/domain/safe-redirect";
import { db } from "#app/platform/db.server";

export const meta: MetaFunction = () => [{ title: "Conditions d'utilisation · VTE" }];

export function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context);
  return { version: termsVersion, redirectTo: safeRedirect(new URL(request.url).searchParams.get("redirectTo"), homeOf(user.role)) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(request, context);
  await db().user.update({ where: { id: user.id }, data: { termsVersion, termsAcceptedAt: new Date() } });
  const form = await request.formData();
  return redirect(safeRedirect(typeof form.get("redirectTo") === "string" ? String(form.get("redirectTo")) : null, homeOf(user.role)));
}

export default function TermsPage() {
  const { version, redirectTo } = useLoaderData<typeof loader>();
  return (
    <section className="max-w-2xl">
      <h1 className="text-3xl font-bold mb-4">Conditions d'utilisation et données personnelles</h1>
      <p className="mb-4">
        Les <Link to="/conditions-utilisation">conditions d'utilisation</Link> et la politique de{" "}
        <Link to="/donnees-personnelles">données personnelles</Link> ont changé (version du {version}) depuis votre dernière acceptation.
        Lisez-les, puis acceptez-les pour continuer.
      </p>
      <Form method="post" className="mb-4">
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <button type="submit" className="rounded bg-marine px-4 py-2 text-white">
          J'accepte et je continue
        </button>
      </Form>
      <p>
        Vous ne les acceptez pas ? Vous pouvez <Link to="/compte/donnees">télécharger vos données et supprimer votre compte</Link>.
      </p>
    </section>
  );
}

import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { logIn } from "#app/accounts/auth.server";
import { FormErrors, SubmitButton, TextField } from "#app/components/form";
import { formatMinutes } from "#app/components/format";
import { currentUser, homeOf } from "#app/accounts/permissions.server";
import { safeRedirect } from "#app/domain/safe-redirect";
import { sessionCookie } from "#app/accounts/session.server";
import { logInSchema } from "./schemas";

import { demoAccountsToTry } from "#app/platform/demo.server";
import { demoPassword } from "#app/domain/demo";

export const meta: MetaFunction = () => [{ title: "Se connecter · VTE" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = currentUser(context);
  if (user) throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo"), homeOf(user.role)));
  return { demoAccounts: await demoAccountsToTry() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: logInSchema });
  if (submission.status !== "success") return submission.reply({ hideFields: ["password"] });
  const result = await logIn(submission.value.email, submission.value.password, context.clientIp);
  if (!result.ok) {
    const message =
      result.reason === "rate-limited"
        ? `Trop de tentatives de connexion. Par sécurité, réessayez dans ${formatMinutes(result.minutes)}.`
        : "Adresse e-mail ou mot de passe incorrect.";
    return submission.reply({ formErrors: [message], hideFields: ["password"] });
  }
  const destination = safeRedirect(submission.value.redirectTo, homeOf(result.role));
  // Terms changed since they were accepted (or never asked, before they existed): shown first.
  const target = !result.emailVerified
    ? `/inscription/verification?redirectTo=${encodeURIComponent(destination)}`
    : result.termsAccepted
      ? destination
      : `/compte/conditions?redirectTo=${encodeURIComponent(destination)}`;
  return redirect(target, { headers: { "Set-Cookie": sessionCookie(result.token, result.expiresAt) } });
}

export default function LogInPage() {
  const lastResult = useActionData<typeof action>();
  const { demoAccounts } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: logInSchema }),
    shouldValidate: "onSubmit",
  });
  return (
    <section className="max-w-md">
      <h1 className="text-3xl font-bold mb-6">Se connecter</h1>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} id={form.errorId} />
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <TextField field={fields.email} label="Adresse e-mail" type="email" autoComplete="email" />
        <TextField field={fields.password} label="Mot de passe" type="password" autoComplete="current-password" />
        <SubmitButton>Se connecter</SubmitButton>
      </Form>
      <p className="mt-6 flex flex-col gap-2">
        <Link to="/mot-de-passe-oublie">Mot de passe oublié ?</Link>
        <Link to="/inscription">Créer un compte</Link>
      </p>
      {demoAccounts.length > 0 && (
        <section aria-labelledby="comptes-demo" className="mt-8 rounded border-l-4 border-amber-600 bg-amber-50 p-3">
          <h2 id="comptes-demo" className="font-semibold">
            Comptes de démonstration
          </h2>
          <p className="text-sm mb-2">Mot de passe de chacun : {demoPassword}</p>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
            {demoAccounts.map((account) => (
              <div key={account.email} className="contents">
                <dt className="font-medium">{account.label}</dt>
                <dd className="break-all">{account.email}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
    </section>
  );
}

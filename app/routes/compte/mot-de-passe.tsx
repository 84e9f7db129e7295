import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect } from "react";
import { changePassword } from "#app/accounts/auth.server";
import { checkWhileTyping, FormErrors, SubmitButton, TextField } from "#app/components/form";
import { formatMinutes } from "#app/components/format";
import { publicUrl } from "#app/platform/config.server";
import { homeOf, requireUser } from "#app/accounts/permissions.server";
import { sessionCookie } from "#app/accounts/session.server";
import { changePasswordSchema } from "./schemas";
import { passwordHint } from "#app/domain/password-policy";

export const meta: MetaFunction = () => [{ title: "Changer de mot de passe · VTE" }];

/** Set on the redirect after a change, so that reloading the page does not post the form again. */
const changedParam = "modifie";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context);
  return { email: user.email, home: homeOf(user.role), changed: new URL(request.url).searchParams.has(changedParam) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(request, context);
  const submission = parseWithZod(await request.formData(), { schema: changePasswordSchema });
  const secrets = ["currentPassword", "password", "confirmation"];
  if (submission.status !== "success") return submission.reply({ hideFields: secrets });
  const result = await changePassword(user.id, submission.value.currentPassword, submission.value.password, publicUrl(), context.clientIp);
  if (!result.ok) {
    if (result.reason === "wrong-password")
      return submission.reply({ fieldErrors: { currentPassword: ["Ce n'est pas votre mot de passe actuel."] }, hideFields: secrets });
    return submission.reply({
      formErrors: [`Trop de tentatives. Par sécurité, réessayez dans ${formatMinutes(result.minutes)}.`],
      hideFields: secrets,
    });
  }
  // The old session was revoked with the others: this one replaces it.
  return redirect(`/mot-de-passe?${changedParam}`, { headers: { "Set-Cookie": sessionCookie(result.token, result.expiresAt) } });
}

export default function ChangePasswordPage() {
  const { email, home, changed } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: changePasswordSchema }),
    ...checkWhileTyping,
  });
  // With JavaScript the page is not reloaded after the change: empty the fields, passwords included.
  const { reset } = form;
  useEffect(() => {
    if (changed) reset();
  }, [changed, reset]);
  return (
    <section className="max-w-md">
      <p className="text-sm mb-2">
        <Link to={home}>Mon espace</Link> › Mot de passe
      </p>
      <h1 className="text-3xl font-bold mb-2">Changer de mot de passe</h1>
      {changed && !lastResult && (
        <p role="status" className="mb-4 rounded bg-green-50 border-l-4 border-vert p-3">
          Mot de passe modifié. Vos autres sessions ont été fermées, et un message le confirme à {email}.
        </p>
      )}
      <p className="mb-6 text-slate-700">Pour le compte {email}. Vos autres sessions seront fermées.</p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} id={form.errorId} />
        <TextField field={fields.currentPassword} label="Mot de passe actuel" type="password" autoComplete="current-password" />
        <TextField field={fields.password} label="Nouveau mot de passe" type="password" autoComplete="new-password" hint={passwordHint} />
        <TextField field={fields.confirmation} label="Confirmez le nouveau mot de passe" type="password" autoComplete="new-password" />
        <SubmitButton>Changer le mot de passe</SubmitButton>
      </Form>
      <p className="mt-6">
        <Link to="/mot-de-passe-oublie">Mot de passe actuel oublié ?</Link>
      </p>
    </section>
  );
}

import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { findValidResetToken, resetPassword } from "#app/accounts/auth.server";
import { checkWhileTyping, FormErrors, SubmitButton, TextField } from "#app/components/form";
import { homeOf } from "#app/accounts/permissions.server";
import { sessionCookie } from "#app/accounts/session.server";
import { resetPasswordSchema } from "./schemas";
import { passwordHint } from "#app/domain/password-policy";

export const meta: MetaFunction = () => [{ title: "Nouveau mot de passe · VTE" }];

export async function loader({ params }: LoaderFunctionArgs) {
  const token = await findValidResetToken(params.token ?? "");
  return { valid: token !== null, email: token?.user.email ?? null };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: resetPasswordSchema });
  if (submission.status !== "success") return submission.reply({ hideFields: ["password", "confirmation"] });
  const session = await resetPassword(params.token ?? "", submission.value.password);
  if (!session) return submission.reply({ formErrors: ["Ce lien a expiré ou a déjà servi : demandez-en un nouveau."] });
  return redirect(homeOf(session.role), { headers: { "Set-Cookie": sessionCookie(session.token, session.expiresAt) } });
}

export default function ResetPasswordPage() {
  const { valid, email } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: resetPasswordSchema }),
    ...checkWhileTyping,
  });
  if (!valid) {
    return (
      <section className="max-w-md">
        <h1 className="text-3xl font-bold mb-4">Lien non valable</h1>
        <p>
          Ce lien a expiré ou a déjà servi. <Link to="/mot-de-passe-oublie">Demandez un nouveau lien</Link>.
        </p>
      </section>
    );
  }
  return (
    <section className="max-w-md">
      <h1 className="text-3xl font-bold mb-2">Choisir un nouveau mot de passe</h1>
      <p className="mb-6 text-slate-700">Pour le compte {email}. Vos autres sessions seront fermées.</p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} id={form.errorId} />
        <TextField field={fields.password} label="Nouveau mot de passe" type="password" autoComplete="new-password" hint={passwordHint} />
        <TextField field={fields.confirmation} label="Confirmez le mot de passe" type="password" autoComplete="new-password" />
        <SubmitButton>Enregistrer</SubmitButton>
      </Form>
    </section>
  );
}

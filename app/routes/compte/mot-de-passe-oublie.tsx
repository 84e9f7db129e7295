import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { requestPasswordReset } from "#app/accounts/auth.server";
import { SubmitButton, TextField } from "#app/components/form";
import { formatMinutes } from "#app/components/format";
import { publicUrl } from "#app/platform/config.server";
import { forgotPasswordSchema } from "./schemas";

export const meta: MetaFunction = () => [{ title: "Mot de passe oublié · VTE" }];

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: forgotPasswordSchema });
  if (submission.status !== "success") return { sent: false, reply: submission.reply() };
  const result = await requestPasswordReset(submission.value.email, publicUrl(), context.clientIp);
  if (!result.ok) {
    return {
      sent: false,
      reply: submission.reply({
        fieldErrors: {
          email: [`Trop de demandes pour cette adresse ou depuis votre connexion. Réessayez dans ${formatMinutes(result.minutes)}.`],
        },
      }),
    };
  }
  return { sent: true, reply: submission.reply() };
}

export default function ForgotPasswordPage() {
  const result = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: result?.reply,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: forgotPasswordSchema }),
    shouldValidate: "onSubmit",
  });
  return (
    <section className="max-w-md">
      <h1 className="text-3xl font-bold mb-6">Mot de passe oublié</h1>
      {result?.sent ? (
        <p role="status" className="rounded bg-marine-light p-3">
          Si un compte existe avec cette adresse, un lien pour choisir un nouveau mot de passe vient d'y être envoyé. Il est valable une
          heure.
        </p>
      ) : (
        <Form method="post" {...getFormProps(form)}>
          <TextField field={fields.email} label="Adresse e-mail de votre compte" type="email" autoComplete="email" />
          <SubmitButton>Recevoir un lien</SubmitButton>
        </Form>
      )}
    </section>
  );
}

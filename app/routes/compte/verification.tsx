import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { resendVerification, verifyEmailCode } from "~/auth.server";
import { SubmitButton, TextField } from "~/components/form";
import { publicUrl } from "~/config.server";
import { homeOf, requireSignedIn } from "~/permissions.server";
import { safeRedirect } from "~/domain/safe-redirect";
import { verificationSchema } from "./schemas";

export const meta: MetaFunction = () => [{ title: "Vérifier votre adresse · VTE" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireSignedIn(request, context);
  if (user.emailVerified) throw redirect(homeOf(user.role));
  return { email: user.email };
}

const messages = {
  invalid: "Ce code n'est pas le bon. Vérifiez le dernier message reçu.",
  expired: "Ce code a expiré : demandez-en un nouveau.",
  "too-many-attempts": "Trop d'essais : demandez un nouveau code.",
};

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireSignedIn(request, context);
  const submission = parseWithZod(await request.formData(), { schema: verificationSchema });
  if (submission.status !== "success") return { notice: null, reply: submission.reply() };
  if (submission.value.intent === "resend") {
    await resendVerification(user.id, publicUrl());
    return { notice: "Un nouveau code vient de vous être envoyé.", reply: submission.reply({ resetForm: true }) };
  }
  const code = submission.value.code ?? "";
  if (!/^\d{6}$/.test(code)) {
    return { notice: null, reply: submission.reply({ fieldErrors: { code: ["Le code compte 6 chiffres."] } }) };
  }
  const result = await verifyEmailCode(user.id, code);
  if (result === "verified") {
    throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo"), homeOf(user.role)));
  }
  return { notice: null, reply: submission.reply({ fieldErrors: { code: [messages[result]] } }) };
}

export default function VerificationPage() {
  const { email } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [form, fields] = useForm({ lastResult: result?.reply, shouldValidate: "onSubmit" });
  return (
    <section className="max-w-xl">
      <h1 className="text-3xl font-bold mb-4">Vérifiez votre adresse e-mail</h1>
      <p className="mb-6">
        Nous avons envoyé un code à 6 chiffres à <strong>{email}</strong>. Saisissez-le ci-dessous, ou suivez le lien du message.
      </p>
      {result?.notice && (
        <p role="status" className="mb-4 rounded bg-marine-light p-3">
          {result.notice}
        </p>
      )}
      <Form method="post" {...getFormProps(form)}>
        <TextField field={fields.code} label="Code de vérification" inputMode="numeric" autoComplete="one-time-code" />
        <div className="flex gap-3">
          <SubmitButton name="intent" value="verify">
            Vérifier
          </SubmitButton>
          <SubmitButton name="intent" value="resend" secondary>
            Recevoir un nouveau code
          </SubmitButton>
        </div>
      </Form>
    </section>
  );
}

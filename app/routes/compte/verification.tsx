import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { resendVerification, verifyEmailCode } from "#app/accounts/auth.server";
import { SubmitButton, TextField } from "#app/components/form";
import { publicUrl } from "#app/platform/config.server";
import { formatMinutes } from "#app/components/format";
import { currentUser, homeOf } from "#app/accounts/permissions.server";
import { createSession, sessionCookie } from "#app/accounts/session.server";
import { safeRedirect } from "#app/domain/safe-redirect";
import { verificationSchema } from "./schemas";

export const meta: MetaFunction = () => [{ title: "Vérifier votre adresse · VTE" }];

/**
 * The address to verify: a signed-in person's own, or the one just typed at sign-up (the page
 * says nothing about whether it has an account; only its code does).
 */
function addressOf(context: LoaderFunctionArgs["context"], typed: string | null): string | null {
  const user = currentUser(context);
  if (user) return user.email;
  const address = (typed ?? "").trim().toLowerCase();
  return address.length > 0 && address.length <= 254 && address.includes("@") ? address : null;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = currentUser(context);
  if (user?.emailVerified) throw redirect(homeOf(user.role));
  const email = addressOf(context, new URL(request.url).searchParams.get("adresse"));
  if (!email) throw redirect("/connexion");
  return { email };
}

const messages = {
  invalid: "Ce code n'est pas le bon. Vérifiez le dernier message reçu.",
  expired: "Ce code a expiré : demandez-en un nouveau.",
  "too-many-attempts": "Trop d'essais pour cette adresse : attendez une heure ou demandez un nouveau code plus tard.",
};

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const submission = parseWithZod(form, { schema: verificationSchema });
  const email = addressOf(context, typeof form.get("email") === "string" ? String(form.get("email")) : null);
  if (!email) throw redirect("/connexion");
  if (submission.status !== "success") return { notice: null, reply: submission.reply() };
  if (submission.value.intent === "resend") {
    const sent = await resendVerification(email, publicUrl(), context.clientIp);
    if (!sent.ok)
      return {
        notice: `Trop de demandes de code pour cette adresse. Réessayez dans ${formatMinutes(sent.minutes)}.`,
        reply: submission.reply(),
      };
    return { notice: "Un nouveau code vient de vous être envoyé.", reply: submission.reply({ resetForm: true }) };
  }
  const code = submission.value.code ?? "";
  if (!/^\d{6}$/.test(code)) {
    return { notice: null, reply: submission.reply({ fieldErrors: { code: ["Le code compte 6 chiffres."] } }) };
  }
  const { result, user } = await verifyEmailCode(email, code);
  if (result === "verified" && user) {
    const target = safeRedirect(new URL(request.url).searchParams.get("redirectTo"), homeOf(user.role));
    if (currentUser(context)) throw redirect(target);
    // The code proves the address, as the reset link does: the person is signed in.
    const session = await createSession(user.id);
    throw redirect(target, { headers: { "Set-Cookie": sessionCookie(session.token, session.expiresAt) } });
  }
  return { notice: null, reply: submission.reply({ fieldErrors: { code: [messages[result === "verified" ? "invalid" : result]] } }) };
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
        <input type="hidden" name="email" value={email} />
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

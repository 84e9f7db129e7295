import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import {
  handOverAdministration,
  inviteMember,
  isCompanyAdministrator,
  membersOf,
  requireCompanyAdministrator,
  requireCompanyOfMember,
} from "#app/companies/companies.server";
import { SubmitButton, TextField } from "#app/components/form";
import { formatMinutes } from "#app/components/format";
import { publicUrl } from "#app/platform/config.server";
import { countAttempts, mailRequestChecks } from "#app/accounts/rate-limit.server";
import { requireUser } from "#app/accounts/permissions.server";
import { invitationSchema } from "./schemas";
import { z } from "zod";
import { recordId } from "#app/domain/form-fields";
import { formValues } from "#app/platform/forms.server";

export const meta: MetaFunction = () => [{ title: "Membres · Espace entreprise" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context, ["COMPANY_MEMBER"]);
  const company = await requireCompanyOfMember(user.id);
  const { members, invitations } = await membersOf(company.id);
  return {
    companyName: company.name,
    administrator: await isCompanyAdministrator(user.id, company.id),
    members: members.map((m) => ({
      id: m.userId,
      name: `${m.user.firstName} ${m.user.lastName}`,
      email: m.user.email,
      role: m.role,
      me: m.userId === user.id,
    })),
    invitations: invitations.map((i) => ({ email: i.email, expiresAt: i.expiresAt.toISOString() })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(request, context, ["COMPANY_MEMBER"]);
  const company = await requireCompanyAdministrator(user.id);
  const formData = await request.formData();
  if (formData.get("intent") === "hand-over") {
    const { userId } = formValues(formData, z.object({ userId: recordId }));
    const handedOver = await handOverAdministration(company.id, user.id, userId);
    return { sentTo: null, handedOver, reply: null };
  }
  const submission = parseWithZod(formData, { schema: invitationSchema });
  if (submission.status !== "success") return { sentTo: null, reply: submission.reply() };
  const { members } = await membersOf(company.id);
  if (members.some((m) => m.user.email === submission.value.email)) {
    return { sentTo: null, reply: submission.reply({ fieldErrors: { email: ["Cette personne est déjà membre de l'entreprise."] } }) };
  }
  const wait = await countAttempts(mailRequestChecks("invitation", submission.value.email, context.clientIp));
  if (wait > 0)
    return {
      sentTo: null,
      reply: submission.reply({ fieldErrors: { email: [`Trop d'invitations envoyées : réessayez dans ${formatMinutes(wait)}.`] } }),
    };
  await inviteMember(company.id, user, submission.value.email, publicUrl());
  return { sentTo: submission.value.email, reply: submission.reply({ resetForm: true }) };
}

export default function MembersPage() {
  const { companyName, administrator, members, invitations } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: result?.reply ?? undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: invitationSchema }),
    shouldValidate: "onSubmit",
  });
  return (
    <section className="max-w-2xl">
      <p className="text-sm mb-2">
        <Link to="/entreprise">Espace entreprise</Link> › Membres
      </p>
      <h1 className="text-3xl font-bold mb-4">Membres de {companyName}</h1>
      <ul className="mb-6 list-disc pl-6">
        {members.map((m) => (
          <li key={m.email}>
            {m.name} ({m.email}){m.role === "OWNER" ? " — administrateur de l'entreprise" : ""}
            {administrator && !m.me && (
              <Form method="post" className="inline ml-2">
                <input type="hidden" name="intent" value="hand-over" />
                <input type="hidden" name="userId" value={m.id} />
                <button type="submit" className="text-sm text-marine underline">
                  Lui transmettre l'administration
                </button>
              </Form>
            )}
          </li>
        ))}
        {invitations.map((i) => (
          <li key={i.email} className="text-slate-600">
            {i.email} — invitation en attente
          </li>
        ))}
      </ul>
      {result?.sentTo && (
        <p role="status" className="mb-4 rounded bg-green-50 border-l-4 border-vert p-3">
          Invitation envoyée à {result.sentTo}.
        </p>
      )}
      {result && "handedOver" in result && (
        <p role="status" className="mb-4 rounded bg-green-50 border-l-4 border-vert p-3">
          {result.handedOver ? "L'administration de l'entreprise est transmise." : "Ce membre ne fait plus partie de l'entreprise."}
        </p>
      )}
      {administrator ? (
        <>
          <h2 className="text-xl font-semibold mb-3">Inviter un collègue</h2>
          <Form method="post" {...getFormProps(form)}>
            <TextField field={fields.email} label="Adresse e-mail professionnelle" type="email" />
            <SubmitButton>Envoyer l'invitation</SubmitButton>
          </Form>
        </>
      ) : (
        <p>Pour inviter un collègue, adressez-vous à l'administrateur de l'entreprise.</p>
      )}
    </section>
  );
}

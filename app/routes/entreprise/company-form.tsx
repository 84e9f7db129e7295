import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { claimCompany, companyOfMember, createCompany, requireCompanyAdministrator, updateCompany } from "#app/companies/companies.server";
import { checkWhileTyping, FormErrors, SelectField, SubmitButton, TextField } from "#app/components/form";
import { CommuneFields, ReferenceField } from "#app/components/reference-fields";
import { requireUser } from "#app/accounts/permissions.server";
import { resolveCommuneField, resolveNaf } from "#app/reference/reference.server";
import { claimSchema, companySchema } from "./schemas";

export const meta: MetaFunction = () => [{ title: "Votre entreprise · VTE" }];

const isEdit = (request: Request) => new URL(request.url).pathname.endsWith("/modifier");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context, ["COMPANY_MEMBER"]);
  const company = await companyOfMember(user.id);
  if (isEdit(request)) {
    if (!company) throw redirect("/entreprise/creer");
    await requireCompanyAdministrator(user.id);
    return {
      editing: true,
      defaults: {
        siren: company.siren,
        name: company.name,
        naf: `${company.nafCode} — ${company.naf.label}`,
        sizeBand: company.sizeBand,
        postalCode: company.commune.postalCodes[0] ?? "",
        communeName: company.commune.name,
      },
    };
  }
  if (company) throw redirect("/entreprise");
  return { editing: false, defaults: null };
}

async function resolveFields(value: { naf: string; postalCode: string; communeName: string }) {
  const fieldErrors: Record<string, string[]> = {};
  const naf = await resolveNaf(value.naf);
  if (naf === "ambiguous") fieldErrors.naf = ["Plusieurs activités correspondent : choisissez le code NAF exact (par exemple 25.62B)."];
  else if (!naf)
    fieldErrors.naf = [
      "Aucune activité de la nomenclature NAF ne correspond. Saisissez le code de votre extrait Kbis (par exemple 25.62B).",
    ];
  const place = await resolveCommuneField(value.postalCode, value.communeName);
  if ("error" in place) fieldErrors.communeName = [place.error];
  return { fieldErrors, nafCode: naf && naf !== "ambiguous" ? naf.code : null, commune: "commune" in place ? place.commune : null };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(request, context, ["COMPANY_MEMBER"]);
  const editing = isEdit(request);
  const formData = await request.formData();
  if (!editing && formData.get("intent") === "claim") return claim(user.id, formData);
  const submission = parseWithZod(formData, { schema: companySchema });
  if (submission.status !== "success") return submission.reply();
  const resolved = await resolveFields(submission.value);
  if (Object.keys(resolved.fieldErrors).length || !resolved.nafCode || !resolved.commune) {
    return submission.reply({ fieldErrors: resolved.fieldErrors });
  }
  const input = {
    name: submission.value.name,
    nafCode: resolved.nafCode,
    sizeBand: submission.value.sizeBand,
    communeCode: resolved.commune.inseeCode,
  };
  if (editing) {
    const company = await requireCompanyAdministrator(user.id);
    await updateCompany(company.id, input);
    return redirect("/entreprise?enregistre=1");
  }
  const created = await createCompany(user.id, { ...input, siren: submission.value.siren });
  if (created === "siren-taken") {
    return {
      ...submission.reply({
        fieldErrors: {
          siren: [
            "Cette entreprise est déjà inscrite : demandez à l'un de ses membres de vous inviter, ou, si personne de votre entreprise ne l'a inscrite, contestez cette inscription ci-dessous.",
          ],
        },
      }),
      claimableSiren: submission.value.siren,
    };
  }
  return redirect("/entreprise?creee=1");
}

/** The person says a SIREN registered by another account is their company's: an operator decides. */
async function claim(userId: string, formData: FormData) {
  const parsed = claimSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success)
    return { claim: { siren: String(formData.get("siren") ?? ""), error: parsed.error.issues[0]?.message ?? "Expliquez votre demande." } };
  const outcome = await claimCompany(userId, parsed.data.siren, parsed.data.message);
  const messages = {
    claimed:
      "Votre contestation est transmise à l'équipe du programme VTE, qui vérifiera qui représente cette entreprise et vous répondra par e-mail.",
    unknown: "Aucune entreprise n'est inscrite avec ce SIREN : inscrivez-la.",
    "already-member": "Vous êtes déjà membre de cette entreprise.",
  };
  return { claim: { siren: parsed.data.siren, done: messages[outcome] } };
}

const sizeBands = [
  { value: "PME", label: "PME — moins de 250 salariés" },
  { value: "ETI", label: "ETI — de 250 à 4 999 salariés" },
  { value: "GE", label: "Grande entreprise — 5 000 salariés ou plus (non éligible au VTE)" },
];

export default function CompanyFormPage() {
  const { editing, defaults } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const lastResult = result && "status" in result ? result : undefined;
  const claimableSiren =
    result && "claimableSiren" in result ? result.claimableSiren : result && "claim" in result ? result.claim.siren : null;
  const claimState = result && "claim" in result ? result.claim : null;
  const [form, fields] = useForm({
    lastResult,
    defaultValue: defaults ?? undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: companySchema }),
    ...checkWhileTyping,
  });
  return (
    <section className="max-w-2xl">
      <h1 className="text-3xl font-bold mb-6">{editing ? "Modifier votre entreprise" : "Inscrire votre entreprise"}</h1>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} id={form.errorId} />
        {editing ? (
          <p className="mb-4">
            SIREN : {defaults?.siren}
            {/* The SIREN cannot change; it travels along so one schema serves both forms. */}
            <input type="hidden" name={fields.siren.name} value={defaults?.siren} />
          </p>
        ) : (
          <TextField
            field={fields.siren}
            label="SIREN"
            inputMode="numeric"
            hint="9 chiffres, sur votre extrait Kbis ou sur annuaire-entreprises.data.gouv.fr."
          />
        )}
        <TextField field={fields.name} label="Raison sociale" autoComplete="organization" />
        <ReferenceField
          field={fields.naf}
          kind="naf"
          label="Activité principale (code NAF)"
          hint="Le code APE de votre extrait Kbis, par exemple 25.62B, ou le nom de l'activité."
        />
        <SelectField field={fields.sizeBand} label="Taille de l'entreprise" options={sizeBands} placeholder="Choisissez…" />
        <CommuneFields postalCode={fields.postalCode} communeName={fields.communeName} legend="Siège social" />
        <SubmitButton>{editing ? "Enregistrer" : "Inscrire l'entreprise"}</SubmitButton>
      </Form>
      {claimableSiren && (
        <section aria-labelledby="contester" className="mt-8 rounded border border-slate-300 p-4">
          <h2 id="contester" className="text-xl font-semibold mb-2">
            Contester l'inscription du SIREN {claimableSiren}
          </h2>
          {claimState && "done" in claimState ? (
            <p role="status" className="rounded bg-marine-light p-3">
              {claimState.done}
            </p>
          ) : (
            <Form method="post">
              <input type="hidden" name="intent" value="claim" />
              <input type="hidden" name="siren" value={claimableSiren} />
              <label htmlFor="claim-message" className="block font-medium">
                Votre fonction dans l'entreprise et comment la vérifier
              </label>
              {claimState && "error" in claimState && (
                <p id="claim-erreur" className="text-sm text-red-700 font-medium">
                  {claimState.error}
                </p>
              )}
              <textarea
                id="claim-message"
                name="message"
                rows={4}
                maxLength={2000}
                aria-describedby={claimState && "error" in claimState ? "claim-erreur" : undefined}
                className="mt-1 mb-3 block w-full rounded border border-slate-400 px-3 py-2"
              />
              <button type="submit" className="rounded bg-marine px-4 py-2 text-white">
                Envoyer la contestation
              </button>
            </Form>
          )}
        </section>
      )}
    </section>
  );
}

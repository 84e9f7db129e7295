import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { companyOfMember, createCompany, updateCompany } from "~/companies.server";
import { checkWhileTyping, FormErrors, SelectField, SubmitButton, TextField } from "~/components/form";
import { CommuneFields, ReferenceField } from "~/components/reference-fields";
import { requireUser } from "~/permissions.server";
import { resolveCommuneField, resolveNaf } from "~/reference.server";
import { companySchema } from "./schemas";

export const meta: MetaFunction = () => [{ title: "Votre entreprise · VTE" }];

const isEdit = (request: Request) => new URL(request.url).pathname.endsWith("/modifier");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context, ["COMPANY_MEMBER"]);
  const company = await companyOfMember(user.id);
  if (isEdit(request)) {
    if (!company) throw redirect("/entreprise/creer");
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
  else if (!naf) fieldErrors.naf = ["Aucune activité de la nomenclature NAF ne correspond. Saisissez le code de votre extrait Kbis (par exemple 25.62B)."];
  const place = await resolveCommuneField(value.postalCode, value.communeName);
  if ("error" in place) fieldErrors.communeName = [place.error];
  return { fieldErrors, nafCode: naf && naf !== "ambiguous" ? naf.code : null, commune: "commune" in place ? place.commune : null };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(request, context, ["COMPANY_MEMBER"]);
  const editing = isEdit(request);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: companySchema });
  if (submission.status !== "success") return submission.reply();
  const resolved = await resolveFields(submission.value);
  if (Object.keys(resolved.fieldErrors).length || !resolved.nafCode || !resolved.commune) {
    return submission.reply({ fieldErrors: resolved.fieldErrors });
  }
  const input = { name: submission.value.name, nafCode: resolved.nafCode, sizeBand: submission.value.sizeBand, communeCode: resolved.commune.inseeCode };
  if (editing) {
    const company = await companyOfMember(user.id);
    if (!company) throw redirect("/entreprise/creer");
    await updateCompany(company.id, input);
    return redirect("/entreprise?enregistre=1");
  }
  const created = await createCompany(user.id, { ...input, siren: submission.value.siren });
  if (created === "siren-taken") {
    return submission.reply({
      fieldErrors: { siren: ["Cette entreprise est déjà inscrite : demandez à l'un de ses membres de vous inviter (page « Membres »)."] },
    });
  }
  return redirect("/entreprise?creee=1");
}

const sizeBands = [
  { value: "PME", label: "PME — moins de 250 salariés" },
  { value: "ETI", label: "ETI — de 250 à 4 999 salariés" },
  { value: "GE", label: "Grande entreprise — 5 000 salariés ou plus (non éligible au VTE)" },
];

export default function CompanyFormPage() {
  const { editing, defaults } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
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
          <TextField field={fields.siren} label="SIREN" inputMode="numeric" hint="9 chiffres, sur votre extrait Kbis ou sur annuaire-entreprises.data.gouv.fr." />
        )}
        <TextField field={fields.name} label="Raison sociale" autoComplete="organization" />
        <ReferenceField field={fields.naf} kind="naf" label="Activité principale (code NAF)" hint="Le code APE de votre extrait Kbis, par exemple 25.62B, ou le nom de l'activité." />
        <SelectField field={fields.sizeBand} label="Taille de l'entreprise" options={sizeBands} placeholder="Choisissez…" />
        <CommuneFields postalCode={fields.postalCode} communeName={fields.communeName} legend="Siège social" />
        <SubmitButton>{editing ? "Enregistrer" : "Inscrire l'entreprise"}</SubmitButton>
      </Form>
    </section>
  );
}

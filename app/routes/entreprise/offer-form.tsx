import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useFetcher, useLoaderData } from "@remix-run/react";
import { useRef } from "react";
import { requireCompanyOfMember } from "#app/companies/companies.server";
import { AidsEstimate } from "#app/components/aids";
import { EligibilityPanel } from "#app/components/eligibility";
import { CheckboxGroup, checkWhileTyping, FormErrors, SelectField, SubmitButton, TextAreaField, TextField } from "#app/components/form";
import { CommuneFields, JobTitleField, ReferenceField } from "#app/components/reference-fields";
import { offerStatusLabels } from "#app/domain/offer-lifecycle";
import type { OfferStatus } from "#app/generated/prisma/enums";
import { minimumContractMonths, type VteDecision } from "#app/domain/vte-eligibility";
import { assessOffer, offerOfCompany, saveOffer } from "#app/offers/offers.server";
import { requireUser } from "#app/accounts/permissions.server";
import { resolveCommuneField, resolveRome } from "#app/reference/reference.server";
import { jobTitleNamed, suggestJobTitles } from "#app/reference/vocabulary.server";
import { significantFoldedWords } from "#app/domain/word-match";
import { offerSchema } from "./schemas";
import {
  contractTypes,
  degreeLevels,
  formLabel,
  offerSchoolKinds,
  optionsOf,
  payPeriods,
  remotePolicies,
  schoolKinds,
} from "#app/domain/codes";

export const meta: MetaFunction = () => [{ title: "Offre VTE · Espace entreprise" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = requireUser(request, context, ["COMPANY_MEMBER"]);
  const company = await requireCompanyOfMember(user.id);
  if (!params.id) {
    return {
      offer: null,
      saved: null,
      defaults: {
        postalCode: company.commune.postalCodes[0] ?? "",
        communeName: company.commune.name,
        positions: "1",
        remote: "NONE",
        schoolKinds: ["ENGINEERING", "BUSINESS"],
      },
    };
  }
  const offer = await offerOfCompany(company.id, params.id);
  return {
    offer: { id: offer.id, status: offer.status, rejectionReason: offer.rejectionReason },
    // Just saved: the status it was saved in (the redirect says so), to confirm what happened.
    saved: new URL(request.url).searchParams.get("enregistree") === offer.status ? offer.status : null,
    defaults: {
      title: offer.title,
      description: offer.description,
      rome: `${offer.romeCode} — ${offer.rome.label}`,
      contractType: offer.contractType,
      durationMonths: offer.durationMonths?.toString() ?? "",
      startDate: offer.startDate.toISOString().slice(0, 10),
      degreeLevel: offer.degreeLevel,
      schoolKinds: offer.schoolKinds,
      postalCode: offer.commune.postalCodes[0] ?? "",
      communeName: offer.commune.name,
      remote: offer.remote,
      payMin: offer.payMin?.toString() ?? "",
      payMax: offer.payMax?.toString() ?? "",
      payPeriod: offer.payPeriod ?? "",
      positions: String(offer.positions),
    },
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = requireUser(request, context, ["COMPANY_MEMBER"]);
  const company = await requireCompanyOfMember(user.id);
  if (params.id) await offerOfCompany(company.id, params.id);
  const submission = parseWithZod(await request.formData(), { schema: offerSchema });
  if (submission.status !== "success") return { decision: null, reply: submission.reply() };
  const value = submission.value;
  const fieldErrors: Record<string, string[]> = {};
  // A ROME job title as the title sets the métier; a free title needs the métier named.
  const jobTitle = await jobTitleNamed(value.title);
  const rome = value.rome ? await resolveRome(value.rome) : jobTitle ? { code: jobTitle.romeCode, label: jobTitle.romeLabel } : null;
  if (rome === "ambiguous")
    fieldErrors.rome = [
      "Plusieurs métiers correspondent : choisissez-en un dans la liste, ou saisissez son code ROME (par exemple H1206).",
    ];
  else if (!rome && value.rome)
    fieldErrors.rome = ["Aucun métier du répertoire ROME ne correspond. Saisissez un code (par exemple H1206) ou un intitulé."];
  else if (!rome) fieldErrors.rome = [await romeFromTitleHint(value.title)];
  const place = await resolveCommuneField(value.postalCode, value.communeName);
  const commune = "commune" in place ? place.commune : null;
  if ("error" in place) fieldErrors.communeName = [place.error];
  if (!params.id && value.startDate < new Date().toISOString().slice(0, 10))
    fieldErrors.startDate = ["La date de début ne peut pas être passée."];
  if (Object.keys(fieldErrors).length || !rome || rome === "ambiguous" || !commune) {
    return { decision: null, reply: submission.reply({ fieldErrors }) };
  }
  const input = {
    title: value.title,
    description: value.description,
    romeCode: rome.code,
    appellationCode: jobTitle?.romeCode === rome.code ? jobTitle.code : null,
    contractType: value.contractType,
    durationMonths: value.durationMonths ?? null,
    startDate: value.startDate,
    degreeLevel: value.degreeLevel,
    schoolKinds: value.schoolKinds,
    communeCode: commune.inseeCode,
    remote: value.remote,
    payMin: value.payMin ?? null,
    payMax: value.payMax ?? null,
    payPeriod: value.payPeriod ?? null,
    positions: value.positions ?? 1,
  };
  if (value.intent === "preview") {
    const { decision } = await assessOffer(input, company);
    return { decision, contractType: input.contractType, reply: submission.reply() };
  }
  const saved = await saveOffer(company.id, params.id ?? null, input, value.intent);
  return redirect(`/entreprise/offres/${saved.id}?enregistree=${saved.status}`);
}

/** Without JavaScript, the job titles close to a free title are named in the métier field's message. */
async function romeFromTitleHint(title: string): Promise<string> {
  // The job titles holding every word of the title, else those holding one of its words.
  let close = await suggestJobTitles(title, 4);
  if (close.length === 0)
    close = (await Promise.all(significantFoldedWords(title).map((word) => suggestJobTitles(word, 2)))).flat().slice(0, 4);
  const named = close.map((t) => `${t.romeCode} — ${t.romeLabel} (pour « ${t.label} »)`);
  return named.length
    ? `Indiquez le métier ROME. Métiers proches de votre intitulé : ${[...new Set(named)].join(" ; ")}.`
    : "Indiquez le métier ROME : un code (par exemple H1206) ou un intitulé.";
}

const savedMessages: Partial<Record<OfferStatus, string>> = {
  DRAFT: "Brouillon enregistré. Soumettez-le à validation quand il est prêt.",
  PENDING_REVIEW:
    "Offre soumise à validation : l'équipe du programme la relit ; vous recevrez un courriel à sa publication ou avec le motif d'un refus.",
  PUBLISHED: "Modifications enregistrées : l'offre publiée est à jour.",
};

const contractOptions = optionsOf(contractTypes, formLabel);
const degreeOptions = optionsOf(degreeLevels);
const remoteOptions = optionsOf(remotePolicies);
const payPeriodOptions = optionsOf(payPeriods);
const schoolKindOptions = offerSchoolKinds.map((code) => ({ value: code, label: schoolKinds[code].label }));

export default function OfferFormPage() {
  const { offer, defaults, saved } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const preview = useFetcher<typeof action>();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const [form, fields] = useForm({
    lastResult: result?.reply,
    defaultValue: defaults,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: offerSchema }),
    ...checkWhileTyping,
  });
  // With JavaScript, the decision follows the form as it is written (debounced).
  const decision: VteDecision | null = result?.decision ?? preview.data?.decision ?? null;
  const onChange = (event: React.FormEvent<HTMLFormElement>) => {
    const formElement = event.currentTarget;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const data = new FormData(formElement);
      data.set("intent", "preview");
      preview.submit(data, { method: "post" });
    }, 600);
  };
  return (
    <section className="max-w-3xl">
      <p className="text-sm mb-2">
        <Link to="/entreprise">Espace entreprise</Link> › {offer ? "Modifier l'offre" : "Nouvelle offre"}
      </p>
      <h1 className="text-3xl font-bold mb-2">{offer ? "Modifier l'offre" : "Nouvelle offre VTE"}</h1>
      {offer && (
        <p className="mb-4">
          Statut : <strong>{offerStatusLabels[offer.status]}</strong>
          {offer.status === "PUBLISHED" && " — une modification du titre, de la description ou du contrat renvoie l'offre en validation."}
        </p>
      )}
      {offer?.status === "REJECTED" && offer.rejectionReason && (
        <p role="alert" className="mb-4 rounded border-l-4 border-red-700 bg-red-50 p-3">
          Motif du refus : {offer.rejectionReason}
        </p>
      )}
      {saved && (
        <p role="status" className="mb-4 rounded border-l-4 border-vert bg-green-50 p-3">
          {savedMessages[saved]}
        </p>
      )}
      <Form method="post" {...getFormProps(form)} onChange={onChange}>
        <FormErrors errors={form.errors} id={form.errorId} />
        <JobTitleField field={fields.title} romeField={fields.rome.name} />
        <TextAreaField
          field={fields.description}
          label="Description"
          rows={10}
          hint="Missions, profil, conditions. Texte simple ; listes avec « - » en début de ligne et **gras** acceptés."
        />
        <ReferenceField
          field={fields.rome}
          kind="rome"
          label="Métier (répertoire ROME)"
          hint="Rempli par l'intitulé s'il vient de la liste ; sinon un code ROME (par exemple H1206) ou un intitulé de métier."
        />
        <div className="grid sm:grid-cols-2 gap-x-4">
          <SelectField field={fields.contractType} label="Type de contrat" options={contractOptions} placeholder="Choisissez…" />
          <TextField
            field={fields.durationMonths}
            label="Durée (mois)"
            inputMode="numeric"
            hint={`Sauf CDI. ${minimumContractMonths} mois au moins pour le VTE.`}
          />
          <TextField field={fields.startDate} label="Date de début" type="date" />
          <SelectField field={fields.degreeLevel} label="Niveau d'études demandé" options={degreeOptions} placeholder="Choisissez…" />
        </div>
        <CheckboxGroup field={fields.schoolKinds} legend="Écoles visées" options={schoolKindOptions} />
        <CommuneFields postalCode={fields.postalCode} communeName={fields.communeName} legend="Lieu de travail (par défaut, le siège)" />
        <SelectField field={fields.remote} label="Télétravail" options={remoteOptions} />
        <fieldset className="mb-2">
          <legend className="font-medium">Rémunération (facultatif)</legend>
          <div className="grid sm:grid-cols-3 gap-x-4">
            <TextField field={fields.payMin} label="Minimum (€)" inputMode="numeric" />
            <TextField field={fields.payMax} label="Maximum (€)" inputMode="numeric" />
            <SelectField field={fields.payPeriod} label="Période" options={payPeriodOptions} placeholder="—" />
          </div>
        </fieldset>
        <TextField field={fields.positions} label="Nombre de postes" inputMode="numeric" />
        {/* Beside the buttons, so the decision stays in view as the last fields are filled in. */}
        {decision && <EligibilityPanel decision={decision} live />}
        {decision && (
          <AidsEstimate
            territoryLabel={decision.territoryLabel}
            green={decision.green}
            contractType={
              (result && "contractType" in result
                ? result.contractType
                : preview.data && "contractType" in preview.data
                  ? preview.data.contractType
                  : undefined) ?? ""
            }
          />
        )}
        <div className="flex flex-wrap gap-3">
          <SubmitButton name="intent" value="preview" secondary>
            Vérifier l'éligibilité
          </SubmitButton>
          <SubmitButton name="intent" value="draft" secondary>
            Enregistrer le brouillon
          </SubmitButton>
          <SubmitButton name="intent" value="submit">
            {offer?.status === "PUBLISHED" ? "Enregistrer" : "Soumettre à validation"}
          </SubmitButton>
        </div>
      </Form>
    </section>
  );
}

// /etudiant/profil — the student's profile: establishment, degree, situation, skills, wished places
// and contracts, visibility to companies, and the CV (PDF, 2 MB at most, checked by its content).
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import type { z } from "zod";
import { useState } from "react";
import { Form, Link, useActionData, useFetcher, useLoaderData } from "@remix-run/react";
import { CheckboxGroup, checkWhileTyping, FieldMessages, FormErrors, SelectField, SubmitButton, TextField } from "#app/components/form";
import { StudentEligibilityPanel } from "#app/components/student-eligibility";
import { db } from "#app/platform/db.server";
import { phaseAt } from "#app/territories/phases.server";
import { studentEligibility } from "#app/domain/student-eligibility";
import { resolvePlace } from "#app/reference/geography.server";
import { requireUser } from "#app/accounts/permissions.server";
import { referenceLabels } from "#app/reference/labels.server";
import { establishmentLabel, resolveEstablishment, saveProfile } from "#app/students/students.server";
import { cvProblem, maxCvBytes, parseSkills } from "#app/domain/student-profile";
import { profileSchema } from "./schemas";
import { belowBac2, contractTypes, degreeLevels, optionsOf, schoolKinds, studentStatuses } from "#app/domain/codes";

export const meta: MetaFunction = () => [{ title: "Mon profil · Espace étudiant · VTE" }];

/** What the form shows before any change: every field as text, by its name in the schema. */
type ProfileDefaults = Partial<Record<keyof z.input<typeof profileSchema>, string | string[]>>;

const isoDay = (date: Date | null | undefined) => (date ? date.toISOString().slice(0, 10) : undefined);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context, ["STUDENT"]);
  const [profile, labels, phase] = await Promise.all([
    db().studentProfile.findUnique({
      where: { userId: user.id },
      include: { establishment: { select: { name: true, communeName: true } } },
      omit: { cv: true },
    }),
    referenceLabels(),
    phaseAt(),
  ]);
  const commune = profile?.wishedCommuneCode
    ? await db().commune.findUnique({ where: { inseeCode: profile.wishedCommuneCode }, select: { name: true } })
    : null;
  return {
    hasProfile: !!profile,
    cvFileName: profile?.cvFileName ?? null,
    decision: profile ? studentEligibility(profile) : null,
    saved: new URL(request.url).searchParams.has("enregistre"),
    regions: [...labels.region.entries()].map(([code, name]) => ({ code, name })).sort((a, b) => a.name.localeCompare(b.name, "fr")),
    // The territories of the list in force (offers carry those), by region for the checkboxes.
    territories: (await db().territory.findMany({ where: { phaseId: phase }, select: { id: true, name: true, regionCode: true } })).sort(
      (a, b) => a.name.localeCompare(b.name, "fr"),
    ),
    defaults: (profile
      ? ({
          establishment: profile.establishment ? establishmentLabel(profile.establishment) : undefined,
          otherEstablishment: profile.otherEstablishmentName ? "on" : undefined,
          otherEstablishmentName: profile.otherEstablishmentName ?? undefined,
          schoolKind: profile.schoolKind,
          degreeLevel: profile.degreeLevel ?? "BAC",
          field: profile.field,
          status: profile.status,
          graduationDate: isoDay(profile.graduationDate),
          skills: profile.skills.join(", "),
          wishedRegionCodes: profile.wishedRegionCodes,
          wishedTerritoryIds: profile.wishedTerritoryIds,
          wishedPlace: commune?.name,
          wishedRadiusKm: String(profile.wishedRadiusKm ?? 50),
          contractTypes: profile.contractTypes,
          availableFrom: isoDay(profile.availableFrom),
          visibleToCompanies: profile.visibleToCompanies ? "on" : undefined,
        } satisfies ProfileDefaults)
      : { wishedRadiusKm: "50", contractTypes: ["CDI", "ALTERNANCE"] }) as ProfileDefaults,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(request, context, ["STUDENT"]);
  // The whole form is at most 8 MB (refused before reading otherwise, app/server/http.ts), so the
  // platform's own multipart parser reads it; Remix's refused file names with "=" in them.
  const formData = await request.formData().catch(() => null);
  if (!formData)
    return { reply: { status: "error" as const, initialValue: {}, error: { "": ["Le formulaire n'a pas pu être lu : réessayez."] } } };
  const file = formData.get("cv");
  const uploaded =
    file instanceof File && file.size > 0 && file.name
      ? { name: file.name.slice(0, 200), head: new Uint8Array(await file.slice(0, maxCvBytes + 1).arrayBuffer()), size: file.size }
      : null;
  formData.delete("cv");
  if (uploaded) formData.set("cv", "joint");
  const submission = parseWithZod(formData, { schema: profileSchema });
  if (submission.status !== "success") return { reply: submission.reply() };
  const value = submission.value;
  const fieldErrors: Record<string, string[]> = {};
  const problem = uploaded ? cvProblem(uploaded.head, uploaded.size) : null;
  if (problem) fieldErrors.cv = [problem];
  let establishmentId: string | null = null;
  if (!value.otherEstablishment && value.establishment) {
    const found = await resolveEstablishment(value.establishment);
    if (found === "ambiguous")
      fieldErrors.establishment = ["Plusieurs établissements portent ce nom : choisissez-en un dans la liste (avec sa ville)."];
    else if (!found)
      fieldErrors.establishment = [
        "Aucun établissement ne correspond. Choisissez-en un dans la liste, ou cochez « Mon établissement n'est pas dans la liste ».",
      ];
    else establishmentId = found.id;
  }
  const place = value.wishedPlace ? await resolvePlace(value.wishedPlace) : null;
  if (value.wishedPlace && !place)
    fieldErrors.wishedPlace = [`Aucune commune ne correspond à « ${value.wishedPlace} » : saisissez un nom de commune ou un code postal.`];
  if (Object.keys(fieldErrors).length) return { reply: submission.reply({ fieldErrors }) };
  await saveProfile(user.id, {
    establishmentId,
    otherEstablishmentName: value.otherEstablishment ? (value.otherEstablishmentName ?? null) : null,
    schoolKind: value.schoolKind,
    degreeLevel: value.degreeLevel === "BAC" ? null : value.degreeLevel,
    field: value.field,
    status: value.status,
    graduationDate: value.status === "GRADUATED" && value.graduationDate ? new Date(`${value.graduationDate}T00:00:00Z`) : null,
    skills: parseSkills(value.skills ?? ""),
    wishedTerritoryIds: value.wishedTerritoryIds,
    wishedRegionCodes: value.wishedRegionCodes,
    wishedCommuneCode: place?.inseeCode ?? null,
    wishedRadiusKm: place ? Number(value.wishedRadiusKm) : null,
    contractTypes: value.contractTypes,
    availableFrom: value.availableFrom ? new Date(`${value.availableFrom}T00:00:00Z`) : null,
    visibleToCompanies: !!value.visibleToCompanies,
    cv: uploaded ? { name: uploaded.name, bytes: uploaded.head } : value.removeCv ? null : undefined,
  });
  return redirect("/etudiant/profil?enregistre");
}

const schoolKindOptions = Object.entries(schoolKinds).map(([value, words]) => ({ value, label: words.one }));
const degreeOptions = [{ value: belowBac2.code, label: belowBac2.label }, ...optionsOf(degreeLevels)];
const statusOptions = optionsOf(studentStatuses);
const contractOptions = optionsOf(contractTypes);

export default function StudentProfilePage() {
  const { hasProfile, cvFileName, decision, saved, regions, territories, defaults } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const establishments = useFetcher<{ id: string; label: string }[]>();
  const skills = useFetcher<string[]>();
  // A suggestion replaces the whole field: each one keeps the skills already written before it.
  const [skillsBefore, setSkillsBefore] = useState("");
  const [form, fields] = useForm({
    lastResult: result?.reply,
    defaultValue: defaults,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: profileSchema }),
    ...checkWhileTyping,
  });
  const chosen = (field: { initialValue?: unknown }) => [field.initialValue ?? []].flat() as string[];
  return (
    <section className="max-w-3xl">
      <p className="text-sm mb-2">
        <Link to="/etudiant">Espace étudiant</Link> › Mon profil
      </p>
      <h1 className="text-3xl font-bold mb-4">Mon profil</h1>
      {saved && (
        <p role="status" className="mb-4 rounded border-l-4 border-green-700 bg-green-50 p-3">
          Profil enregistré. <Link to="/etudiant/pour-vous">Voir les offres pour vous</Link>
        </p>
      )}
      {decision && <StudentEligibilityPanel decision={decision} />}
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)}>
        <FormErrors errors={form.errors} id={form.errorId} />
        <fieldset className="mb-4">
          <legend className="text-xl font-semibold mb-2">Formation</legend>
          <div
            onInput={(event) => {
              const target = event.target as HTMLInputElement;
              if (target.name === fields.establishment.name && target.value.trim().length >= 2)
                establishments.load(`/api/reference/etablissements?q=${encodeURIComponent(target.value.trim())}`);
            }}
          >
            <TextField
              field={fields.establishment}
              label="Établissement"
              list="etablissements"
              hint="Nom, sigle ou code UAI ; choisissez dans la liste qui s'affiche."
            />
          </div>
          <datalist id="etablissements">
            {(establishments.data ?? []).map((e) => (
              <option key={e.id} value={e.label} />
            ))}
          </datalist>
          <label className="mb-2 flex items-center gap-2">
            <input type="checkbox" name={fields.otherEstablishment.name} defaultChecked={fields.otherEstablishment.initialValue === "on"} />
            Mon établissement n'est pas dans la liste
          </label>
          <TextField field={fields.otherEstablishmentName} label="Nom de l'établissement (s'il n'est pas dans la liste)" />
          <div className="grid sm:grid-cols-2 gap-x-4">
            <SelectField field={fields.schoolKind} label="Type d'établissement" options={schoolKindOptions} placeholder="Choisissez…" />
            <SelectField
              field={fields.degreeLevel}
              label="Niveau d'études (atteint ou préparé)"
              options={degreeOptions}
              placeholder="Choisissez…"
            />
          </div>
          <TextField field={fields.field} label="Domaine de formation" hint="Par exemple : génie mécanique, commerce international." />
          <div className="grid sm:grid-cols-2 gap-x-4">
            <SelectField field={fields.status} label="Situation" options={statusOptions} placeholder="Choisissez…" />
            <TextField field={fields.graduationDate} label="Date du diplôme (si diplômé)" type="date" />
          </div>
          <div
            onInput={(event) => {
              const target = event.target as HTMLInputElement;
              if (target.name !== fields.skills.name) return;
              const comma = target.value.lastIndexOf(",");
              const last = target.value.slice(comma + 1).trim();
              setSkillsBefore(comma >= 0 ? `${target.value.slice(0, comma + 1).trim()} ` : "");
              if (last.length >= 2) skills.load(`/api/reference/competences?q=${encodeURIComponent(last)}`);
            }}
          >
            <TextField
              field={fields.skills}
              label="Compétences"
              list="competences"
              hint="Séparées par des virgules, par exemple : soudage, CAO, anglais. Suggestions tirées des savoirs du ROME ; toute autre compétence est acceptée."
            />
          </div>
          <datalist id="competences">
            {(skills.data ?? []).map((skill) => (
              <option key={skill} value={`${skillsBefore}${skill}`} />
            ))}
          </datalist>
        </fieldset>
        <fieldset className="mb-4">
          <legend className="text-xl font-semibold mb-2">Ce que vous cherchez</legend>
          <CheckboxGroup field={fields.contractTypes} legend="Contrats" options={contractOptions} />
          <TextField field={fields.availableFrom} label="Disponible à partir du" type="date" />
          <CheckboxGroup
            field={fields.wishedRegionCodes}
            legend="Régions souhaitées"
            options={regions.map((r) => ({ value: r.code, label: r.name }))}
            columns
          />
          <fieldset className="mb-4">
            <legend className="block font-medium">Territoires d'industrie souhaités</legend>
            <p className="text-sm text-slate-600">Ouvrez une région pour cocher ses territoires.</p>
            <FieldMessages field={fields.wishedTerritoryIds} />
            {regions
              .map((region) => ({ region, inRegion: territories.filter((t) => t.regionCode === region.code) }))
              .filter(({ inRegion }) => inRegion.length > 0)
              .map(({ region, inRegion }) => {
                const ticked = inRegion.filter((t) => chosen(fields.wishedTerritoryIds).includes(t.id)).length;
                return (
                  <details key={region.code} open={ticked > 0} className="border-b border-slate-100 py-1">
                    <summary className="cursor-pointer">
                      {region.name}
                      {ticked > 0 && ` (${ticked} choisi${ticked > 1 ? "s" : ""})`}
                    </summary>
                    <ul className="mt-1 grid gap-1 sm:grid-cols-2">
                      {inRegion.map((t) => (
                        <li key={t.id}>
                          <label className="flex items-start gap-2">
                            <input
                              type="checkbox"
                              name={fields.wishedTerritoryIds.name}
                              value={t.id}
                              defaultChecked={chosen(fields.wishedTerritoryIds).includes(t.id)}
                              className="mt-1"
                            />
                            {t.name}
                          </label>
                        </li>
                      ))}
                    </ul>
                  </details>
                );
              })}
          </fieldset>
          <div className="grid sm:grid-cols-[1fr_10rem] gap-x-4">
            <TextField field={fields.wishedPlace} label="Autour d'une commune (nom ou code postal)" />
            <SelectField
              field={fields.wishedRadiusKm}
              label="Rayon"
              options={["10", "30", "50", "100", "200"].map((km) => ({ value: km, label: `${km} km` }))}
            />
          </div>
        </fieldset>
        <fieldset className="mb-4">
          <legend className="text-xl font-semibold mb-2">CV et visibilité</legend>
          <div className="mb-4">
            <label htmlFor="cv" className="block font-medium">
              CV (PDF, 2 Mo au plus)
            </label>
            {cvFileName && (
              <p className="text-sm">
                CV actuel : <a href="/etudiant/cv">{cvFileName}</a>{" "}
                <label className="ml-4 inline-flex items-center gap-2">
                  <input type="checkbox" name={fields.removeCv.name} /> Retirer ce CV
                </label>
              </p>
            )}
            {fields.cv?.errors?.length ? (
              <p id="cv-erreur" className="text-sm text-red-700 font-medium" role="alert">
                {fields.cv.errors.join(" ")}
              </p>
            ) : null}
            <input
              id="cv"
              name="cv"
              type="file"
              accept="application/pdf,.pdf"
              aria-invalid={fields.cv?.errors?.length ? true : undefined}
              aria-describedby={fields.cv?.errors?.length ? "cv-erreur" : undefined}
              className="mt-1 block w-full max-w-full"
            />
            <p className="text-sm text-slate-600">Il n'est montré qu'aux entreprises auxquelles vous l'envoyez en postulant.</p>
          </div>
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              name={fields.visibleToCompanies.name}
              defaultChecked={fields.visibleToCompanies.initialValue === "on"}
              aria-describedby="visibilite-details"
            />
            Les entreprises peuvent trouver mon profil
          </label>
          <p id="visibilite-details" className="text-sm text-slate-700 mt-1">
            Un choix que vous pouvez retirer à tout moment. Les entreprises qui publient une offre verront alors votre nom, votre
            établissement, votre formation, votre niveau, vos compétences et votre disponibilité, parmi les profils proches de leur offre.
            Elles ne voient ni votre adresse e-mail, ni votre CV, ni vos autres candidatures ; le CV n'est envoyé qu'avec une candidature où
            vous le joignez. Vous voyez dans <a href="/compte/donnees">Mes données</a> quelles entreprises ont ouvert votre profil.
          </p>
        </fieldset>
        <SubmitButton>{hasProfile ? "Enregistrer mon profil" : "Créer mon profil"}</SubmitButton>
      </Form>
    </section>
  );
}

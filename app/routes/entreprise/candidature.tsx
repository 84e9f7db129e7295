// /entreprise/candidatures/:id — one application: the student's message and profile, the CV when
// sent, the history, and the move to the next stage with an optional message to the student.
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { useHydrated } from "#app/components/hydrated";
import { applicationOfCompany, markViewed, moveApplication, type HireContract } from "#app/applications/applications.server";
import { parseWithZod } from "@conform-to/zod/v4";
import { applicationMoveSchema, hireContractSchema } from "./schemas";
import { requireCompanyOfMember } from "#app/companies/companies.server";
import { formatLongDate } from "#app/components/labels";
import { payBands, undoHireDays } from "#app/domain/placement";
import { applicationStatusLabels, canCompanyMove, companyTargets, nextStage } from "#app/domain/application-pipeline";
import { requireUser } from "#app/accounts/permissions.server";
import { firstFieldError } from "#app/domain/form-fields";
import { recordProfileAccess } from "#app/personal-data/access-log.server";
import { db } from "#app/platform/db.server";
import { AidsEstimate } from "#app/components/aids";
import { contractTypes, degreeLevels, labelOf, optionsOf, schoolKinds } from "#app/domain/codes";

export const meta: MetaFunction = () => [{ title: "Candidature · Espace entreprise · VTE" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = requireUser(request, context, ["COMPANY_MEMBER"]);
  const company = await requireCompanyOfMember(user.id);
  const found = await applicationOfCompany(company.id, params.id ?? "");
  if (found.status === "SUBMITTED") await markViewed(found.id, user.id);
  const a = found.status === "SUBMITTED" ? await applicationOfCompany(company.id, found.id) : found;
  const profile = a.student.studentProfile;
  await recordProfileAccess(company.id, a.studentId, "PROFILE");
  return {
    application: {
      id: a.id,
      status: a.status,
      message: a.message,
      withCv: a.withCv && !!profile?.cvFileName,
      createdAt: a.createdAt,
      offer: a.offer,
      student: {
        name: `${a.student.firstName} ${a.student.lastName}`,
        email: a.student.email,
        field: profile?.field ?? null,
        degree: profile?.degreeLevel ? labelOf(degreeLevels, profile.degreeLevel) : profile ? "Bac ou moins" : null,
        school: profile ? (profile.establishment?.name ?? profile.otherEstablishmentName ?? null) : null,
        schoolKind: profile ? labelOf(schoolKinds, profile.schoolKind) : null,
        skills: profile?.skills ?? [],
        availableFrom: profile?.availableFrom ?? null,
      },
      placement: a.placement,
      undoUntil: a.placement ? new Date(a.placement.createdAt.getTime() + undoHireDays * 86_400_000) : null,
      contractDefaults: {
        contractType: a.offer.contractType,
        startDate: a.offer.startDate.toISOString().slice(0, 10),
        durationMonths: a.offer.durationMonths,
      },
      // What the hire may open, from the offer's labels and the VTE Vert aids the company already opened.
      aids: {
        territoryLabel: a.offer.vteTerritory,
        green: a.offer.vteGreen,
        contractType: a.offer.contractType,
        greenHiresOfCompany: await db().placement.count({ where: { companyId: company.id, vteGreen: true } }),
      },
      history: a.history.map((h) => ({
        to: h.toStatus,
        message: h.message,
        at: h.createdAt,
        by: `${h.byUser.firstName} ${h.byUser.lastName}`,
      })),
      targets: companyTargets.filter((to) => canCompanyMove(a.status, to)),
      next: nextStage(a.status),
    },
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = requireUser(request, context, ["COMPANY_MEMBER"]);
  const company = await requireCompanyOfMember(user.id);
  const form = await request.formData();
  const typed = String(form.get("message") ?? "");
  const move = parseWithZod(form, { schema: applicationMoveSchema });
  if (move.status !== "success") return { error: firstFieldError(move.error).message, message: typed };
  const { to, message = "" } = move.value;
  let contract: HireContract | null = null;
  if (to === "HIRED") {
    const hire = parseWithZod(form, { schema: hireContractSchema });
    if (hire.status !== "success")
      return {
        error: Object.values(hire.error ?? {})
          .flat()
          .join(" "),
        message: typed,
      };
    contract = {
      ...hire.value,
      startDate: new Date(`${hire.value.startDate}T00:00:00Z`),
      durationMonths: hire.value.durationMonths ?? null,
    };
  }
  const error = await moveApplication(company.id, params.id ?? "", user.id, to, message || null, contract);
  return error ? { error, message } : { error: null, message: "" };
}

export default function ApplicationPage() {
  const { application: a } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  // With JavaScript the contract is asked only when "hired" is chosen; without it, it stays in view.
  const [chosen, setChosen] = useState<string | null>(null);
  const stage = chosen ?? a.next;
  const hydrated = useHydrated();
  return (
    <section className="max-w-3xl">
      <p className="text-sm mb-2">
        <Link to="/entreprise">Espace entreprise</Link> ›{" "}
        <Link to={`/entreprise/offres/${a.offer.id}/candidatures`}>Candidatures : {a.offer.title}</Link>
      </p>
      <h1 className="text-3xl font-bold mb-1">{a.student.name}</h1>
      <p className="mb-4">
        Étape : <strong>{applicationStatusLabels[a.status]}</strong> · reçue le {formatLongDate(a.createdAt)}
      </p>
      <dl className="facts mb-4">
        <dt className="font-medium">Formation</dt>
        <dd>
          {[a.student.field, a.student.degree, a.student.school, a.student.schoolKind].filter(Boolean).join(" · ") ||
            "Profil non renseigné"}
        </dd>
        <dt className="font-medium">Compétences</dt>
        <dd>{a.student.skills.join(", ") || "—"}</dd>
        <dt className="font-medium">Disponible</dt>
        <dd>{a.student.availableFrom ? `à partir du ${formatLongDate(a.student.availableFrom)}` : "—"}</dd>
        <dt className="font-medium">Contact</dt>
        <dd>
          <a href={`mailto:${a.student.email}`}>{a.student.email}</a>
        </dd>
        <dt className="font-medium">CV</dt>
        <dd>{a.withCv ? <a href={`/entreprise/candidatures/${a.id}/cv`}>Télécharger le CV (PDF)</a> : "Non joint"}</dd>
      </dl>
      {a.placement && (
        <p className="mb-4 rounded border-l-4 border-vert bg-green-50 p-3">
          Recrutement enregistré : {labelOf(contractTypes, a.placement.contractType)}
          {a.placement.durationMonths ? ` de ${a.placement.durationMonths} mois` : ""} à partir du {formatLongDate(a.placement.startDate)}.
          {a.undoUntil && ` Il peut être annulé (en choisissant une autre étape) jusqu'au ${formatLongDate(a.undoUntil)}.`}
        </p>
      )}
      <h2 className="text-xl font-semibold mb-1">Message</h2>
      <p className="mb-6 whitespace-pre-line rounded bg-slate-50 p-3">{a.message}</p>
      {result?.error && (
        <p role="alert" className="mb-4 rounded border-l-4 border-red-700 bg-red-50 p-3">
          {result.error}
        </p>
      )}
      {a.targets.length > 0 && (
        // A new stage remounts the form: what was typed for the previous move is not sent again.
        <Form method="post" key={`${a.status}-${a.history.length}`} className="mb-6 rounded border border-slate-200 p-4">
          <fieldset>
            <legend className="font-semibold mb-2">Faire avancer la candidature</legend>
            <label htmlFor="to" className="block font-medium">
              Nouvelle étape
            </label>
            <select
              id="to"
              name="to"
              defaultValue={a.next ?? undefined}
              onChange={(event) => setChosen(event.currentTarget.value)}
              className="mt-1 mb-3 block rounded border border-slate-400 px-2 py-1"
            >
              {a.targets.map((to) => (
                <option key={to} value={to}>
                  {applicationStatusLabels[to]}
                </option>
              ))}
            </select>
            {a.targets.includes("HIRED") && (!hydrated || stage === "HIRED") && (
              <fieldset className="mb-3 rounded border border-slate-200 p-3">
                <legend className="font-medium">En cas de recrutement : le contrat</legend>
                <p className="text-sm text-slate-700 mb-2">
                  Le recrutement crée le placement, compté dans les statistiques du territoire de l'offre.
                </p>
                <AidsEstimate {...a.aids} />
                <div className="grid sm:grid-cols-2 gap-x-4 gap-y-2">
                  <label className="block">
                    Type de contrat
                    <select
                      name="contractType"
                      defaultValue={a.contractDefaults.contractType}
                      className="mt-1 block w-full rounded border border-slate-400 px-2 py-1"
                    >
                      {optionsOf(contractTypes).map(({ value, label }) => (
                        <option key={value} value={value}>
                          {label}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label className="block">
                    Date de début du contrat
                    <input
                      type="date"
                      name="startDate"
                      defaultValue={a.contractDefaults.startDate}
                      className="mt-1 block w-full rounded border border-slate-400 px-2 py-1"
                    />
                  </label>
                  <label className="block">
                    Durée en mois (sauf CDI)
                    <input
                      type="text"
                      inputMode="numeric"
                      name="durationMonths"
                      defaultValue={a.contractDefaults.durationMonths ?? ""}
                      className="mt-1 block w-full rounded border border-slate-400 px-2 py-1"
                    />
                  </label>
                  <label className="block">
                    Rémunération
                    <select
                      name="payBand"
                      defaultValue="UNDISCLOSED"
                      className="mt-1 block w-full rounded border border-slate-400 px-2 py-1"
                    >
                      {payBands.map((band) => (
                        <option key={band.value} value={band.value}>
                          {band.label}
                        </option>
                      ))}
                    </select>
                  </label>
                </div>
              </fieldset>
            )}
            <label htmlFor="message" className="block font-medium">
              Message au candidat (facultatif)
            </label>
            <textarea
              id="message"
              name="message"
              rows={4}
              defaultValue={result?.message ?? ""}
              className="mt-1 mb-3 block w-full rounded border border-slate-400 px-3 py-2"
            />
            <button type="submit" className="rounded bg-marine px-4 py-2 text-white">
              Enregistrer l'étape
            </button>
          </fieldset>
        </Form>
      )}
      <h2 className="text-xl font-semibold mb-1">Historique</h2>
      <ol className="list-decimal pl-6">
        {a.history.map((h, i) => (
          <li key={i}>
            {formatLongDate(h.at)} : {applicationStatusLabels[h.to]} ({h.by}){h.message && <> — « {h.message} »</>}
          </li>
        ))}
      </ol>
    </section>
  );
}

// /offres/:id/postuler — a student applies with a message and, if the profile holds one, the CV.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { applyToOffer } from "#app/applications/applications.server";
import { formatLongDate } from "#app/components/labels";
import { checkWhileTyping, FormErrors, SubmitButton, TextAreaField } from "#app/components/form";
import { db } from "#app/platform/db.server";
import { findPublishedOffer } from "#app/offers/offer-page.server";
import { requireUser } from "#app/accounts/permissions.server";
import { isProfileComplete } from "#app/students/students.server";
import { applicationSchema } from "#app/routes/etudiant/schemas";

export const meta: MetaFunction = () => [{ title: "Postuler · VTE" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = requireUser(request, context, ["STUDENT"]);
  const offer = await findPublishedOffer(params.id ?? "");
  if (!offer) throw new Response("Offre introuvable", { status: 404 });
  const [profile, existing] = await Promise.all([
    db().studentProfile.findUnique({ where: { userId: user.id }, omit: { cv: true } }),
    db().application.findUnique({
      where: { offerId_studentId: { offerId: offer.id, studentId: user.id } },
      select: { createdAt: true, status: true },
    }),
  ]);
  return {
    offer: { id: offer.id, title: offer.title, company: offer.company.name },
    complete: isProfileComplete(profile),
    cvFileName: profile?.cvFileName ?? null,
    // An application under way is followed, not sent twice; a withdrawn one may be sent again.
    alreadyApplied: existing && existing.status !== "WITHDRAWN" ? existing.createdAt : null,
    withdrawn: existing?.status === "WITHDRAWN",
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = requireUser(request, context, ["STUDENT"]);
  const submission = parseWithZod(await request.formData(), { schema: applicationSchema });
  if (submission.status !== "success") return { reply: submission.reply() };
  const outcome = await applyToOffer(user.id, params.id ?? "", { message: submission.value.message, withCv: !!submission.value.withCv });
  if (!outcome.ok) return { reply: submission.reply({ formErrors: [outcome.error] }) };
  return redirect("/etudiant/candidatures?envoyee=1");
}

export default function ApplyPage() {
  const { offer, complete, cvFileName, alreadyApplied, withdrawn } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: result?.reply,
    defaultValue: { withCv: cvFileName ? "on" : undefined },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: applicationSchema }),
    ...checkWhileTyping,
  });
  return (
    <section className="max-w-3xl">
      <p className="text-sm mb-2">
        <Link to={`/offres/${offer.id}`}>{offer.title}</Link> › Postuler
      </p>
      <h1 className="text-3xl font-bold mb-4">
        Postuler : {offer.title} <span className="block text-lg font-normal">{offer.company}</span>
      </h1>
      {alreadyApplied && (
        <p role="status" className="mb-4 rounded border-l-4 border-marine bg-marine-light p-3">
          Vous avez déjà postulé à cette offre le {formatLongDate(alreadyApplied)}.{" "}
          <Link to="/etudiant/candidatures">Suivre mes candidatures</Link>
        </p>
      )}
      {withdrawn && (
        <p role="status" className="mb-4 rounded border-l-4 border-marine bg-marine-light p-3">
          Vous aviez retiré votre candidature à cette offre : vous pouvez l'envoyer à nouveau.
        </p>
      )}
      {!complete && (
        <p className="mb-4 rounded border-l-4 border-amber-600 bg-amber-50 p-3">
          L'entreprise verra votre profil : <Link to="/etudiant/profil">complétez-le</Link> avant de postuler.
        </p>
      )}
      {!alreadyApplied && (
        <Form method="post" {...getFormProps(form)}>
          <FormErrors errors={form.errors} id={form.errorId} />
          <TextAreaField
            field={fields.message}
            label="Votre message à l'entreprise"
            rows={8}
            hint="Pourquoi ce poste, ce que vous apportez (20 caractères au moins)."
          />
          {cvFileName ? (
            <label className="mb-4 flex items-center gap-2">
              <input type="checkbox" name={fields.withCv.name} defaultChecked={fields.withCv.initialValue === "on"} />
              Joindre mon CV ({cvFileName})
            </label>
          ) : (
            <p className="mb-4 text-sm text-slate-700">
              Pas de CV dans votre profil : vous pouvez <Link to="/etudiant/profil">en ajouter un</Link> (PDF, 2 Mo au plus) avant de
              postuler.
            </p>
          )}
          <SubmitButton>Envoyer ma candidature</SubmitButton>
        </Form>
      )}
    </section>
  );
}

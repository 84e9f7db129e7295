import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { signUp } from "#app/accounts/auth.server";
import { checkWhileTyping, FieldMessages, FormErrors, SubmitButton, TextField } from "#app/components/form";
import { formatMinutes } from "#app/components/format";
import { publicUrl } from "#app/platform/config.server";
import { currentUser, homeOf } from "#app/accounts/permissions.server";
import { signUpSchema } from "./schemas";
import { passwordHint } from "#app/domain/password-policy";

export const meta: MetaFunction = () => [{ title: "Créer un compte · VTE" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = currentUser(context);
  if (user) throw redirect(homeOf(user.role));
  // "?profil=entreprise" from a page that speaks to companies: the matching choice is ticked.
  const profile = new URL(request.url).searchParams.get("profil");
  return { role: roles.find((role) => role.word === profile)?.value ?? null };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: signUpSchema });
  if (submission.status !== "success") return submission.reply({ hideFields: ["password"] });
  const result = await signUp(submission.value, publicUrl(), context.clientIp);
  if (result.outcome === "rate-limited") {
    return submission.reply({
      formErrors: [
        `Trop de demandes d'inscription pour cette adresse ou depuis votre connexion. Réessayez dans ${formatMinutes(result.minutes)}.`,
      ],
      hideFields: ["password"],
    });
  }
  if (result.outcome === "school-domain-unknown") {
    return submission.reply({
      fieldErrors: {
        email: [
          "Cette adresse n'appartient au personnel d'aucune école inscrite. Utilisez votre adresse professionnelle ; si elle est refusée, demandez à l'équipe du programme VTE d'enregistrer le domaine de votre école.",
        ],
      },
      hideFields: ["password"],
    });
  }
  // The same answer whether or not the address had an account: its owner learns which by mail.
  return redirect(`/inscription/verification?adresse=${encodeURIComponent(submission.value.email)}`);
}

const roles = [
  { value: "STUDENT", word: "etudiant", label: "Étudiant ou jeune diplômé", hint: "Je cherche un VTE." },
  { value: "COMPANY_MEMBER", word: "entreprise", label: "Entreprise (PME ou ETI)", hint: "Je publie des offres VTE." },
  { value: "SCHOOL_STAFF", word: "ecole", label: "École", hint: "Je relaie les offres auprès de mes étudiants." },
];

export default function SignUpPage() {
  const lastResult = useActionData<typeof action>();
  const chosen = useLoaderData<typeof loader>();
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { role: chosen?.role ?? undefined },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: signUpSchema }),
    ...checkWhileTyping,
  });
  return (
    <section className="max-w-xl">
      <h1 className="text-3xl font-bold mb-6">Créer un compte</h1>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} id={form.errorId} />
        <fieldset className="mb-4" aria-describedby={fields.role.errors?.length ? fields.role.errorId : undefined}>
          <legend className="font-medium mb-1">Vous êtes</legend>
          <FieldMessages field={fields.role} />
          {roles.map((role) => (
            <label key={role.value} className="flex items-start gap-2 mb-1">
              <input
                type="radio"
                name={fields.role.name}
                value={role.value}
                defaultChecked={fields.role.initialValue === role.value}
                className="mt-1"
              />
              <span>
                {role.label} <span className="text-sm text-slate-600">— {role.hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <div className="grid sm:grid-cols-2 gap-x-4">
          <TextField field={fields.firstName} label="Prénom" autoComplete="given-name" />
          <TextField field={fields.lastName} label="Nom" autoComplete="family-name" />
        </div>
        <TextField field={fields.email} label="Adresse e-mail" type="email" autoComplete="email" />
        <TextField
          field={fields.password}
          label="Mot de passe"
          type="password"
          autoComplete="new-password"
          hint={`${passwordHint} Évitez les mots de passe courants.`}
        />
        <div className="mb-4">
          <FieldMessages field={fields.terms} />
          <label className="inline-flex items-start gap-2">
            <input
              type="checkbox"
              name={fields.terms.name}
              id={fields.terms.id}
              aria-invalid={fields.terms.errors?.length ? true : undefined}
              aria-describedby={fields.terms.errors?.length ? fields.terms.errorId : undefined}
              className="mt-1"
            />
            <span>
              J'accepte les <Link to="/conditions-utilisation">conditions d'utilisation</Link> et la politique de{" "}
              <Link to="/donnees-personnelles">données personnelles</Link>.
            </span>
          </label>
        </div>
        <SubmitButton>Créer mon compte</SubmitButton>
      </Form>
      <p className="mt-6">
        Déjà inscrit ? <Link to="/connexion">Se connecter</Link>
      </p>
    </section>
  );
}

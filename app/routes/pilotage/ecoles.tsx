// /pilotage/ecoles — operators register schools: an establishment of the reference, its kind, the
// e-mail domains of its students and those of its staff (staff sign up only with one of the
// latter), and approve the staff accounts waiting to act for a school.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useFetcher, useLoaderData } from "@remix-run/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { requireUser } from "#app/accounts/permissions.server";
import { approveStaff, createSchool, listSchools, setSchoolDomains } from "#app/schools/schools.server";
import { resolveEstablishment } from "#app/students/students.server";
import { labelOf, optionsOf, schoolKinds } from "#app/domain/codes";
import { firstFieldError } from "#app/domain/form-fields";
import { schoolAdminSchema } from "./schemas";
import { ColumnHeads, TableBox } from "#app/components/table";

export const meta: MetaFunction = () => [{ title: "Écoles · Pilotage · VTE" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireUser(request, context, ["OPERATOR"]);
  return { schools: await listSchools() };
}

type Result = { error: string | null; field?: string; values?: Record<string, string>; done?: string };

export async function action({ request, context }: ActionFunctionArgs): Promise<Result> {
  const user = requireUser(request, context, ["OPERATOR"]);
  const form = await request.formData();
  const values = Object.fromEntries([...form].map(([k, v]) => [k, String(v)]));
  const submission = parseWithZod(form, { schema: schoolAdminSchema });
  if (submission.status !== "success") {
    const { field, message } = firstFieldError(submission.error);
    return { error: message, field: field || undefined, values };
  }
  const input = submission.value;
  if (input.intent === "approve") {
    const approved = await approveStaff(user, input.staffId);
    return approved
      ? { error: null, values: {}, done: "Compte validé : la personne peut agir pour son école." }
      : { error: "Ce compte n'est plus en attente de validation.", values: {} };
  }
  if (input.intent === "domains") {
    const problem = await setSchoolDomains(input.schoolId, { emailDomains: input.domains, staffEmailDomains: input.staffDomains });
    return problem ? { error: problem.message, values: {} } : { error: null, values: {}, done: "Domaines enregistrés." };
  }
  const establishment = await resolveEstablishment(input.establishment);
  if (!establishment || establishment === "ambiguous")
    return {
      error: "Aucun établissement unique ne correspond : choisissez-le dans la liste, ou saisissez son nom, son sigle ou son code UAI.",
      field: "establishment",
      values,
    };
  const problem = await createSchool({
    name: input.name,
    kind: input.kind,
    establishmentId: establishment.id,
    emailDomains: input.domains,
    staffEmailDomains: input.staffDomains,
  });
  return problem
    ? { error: problem.message, field: problem.field, values }
    : {
        error: null,
        values: {},
        done: `« ${input.name} » est enregistrée : son personnel peut s'inscrire avec une adresse de ses domaines.`,
      };
}

/** The action's message next to the field it is about. */
function FieldError({ name, result }: { name: string; result?: Result }) {
  return result?.error && result.field === name ? (
    <p id={`${name}-erreur`} role="alert" className="text-sm text-red-700 font-medium">
      {result.error}
    </p>
  ) : null;
}

/** A text field of the registration form, with its error next to it and what was typed kept. */
function SchoolField({
  name,
  label,
  placeholder,
  result,
  list,
}: {
  name: string;
  label: string;
  placeholder?: string;
  result?: Result;
  list?: string;
}) {
  const error = result?.error && result.field === name ? result.error : null;
  return (
    <>
      <label htmlFor={name} className="block font-medium">
        {label}
      </label>
      <FieldError name={name} result={result} />
      <input
        type="text"
        id={name}
        name={name}
        defaultValue={result?.values?.[name]}
        placeholder={placeholder}
        list={list}
        aria-describedby={error ? `${name}-erreur` : undefined}
        aria-invalid={error ? true : undefined}
        className="mt-1 mb-3 block w-full rounded border border-slate-400 px-3 py-2"
      />
    </>
  );
}

export default function SchoolsAdminPage() {
  const { schools } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const establishments = useFetcher<{ id: string; label: string }[]>();
  const v = result?.values ?? {};
  return (
    <section className="max-w-4xl">
      <p className="text-sm mb-2">
        <Link to="/pilotage">Pilotage</Link> › Écoles
      </p>
      <h1 className="text-3xl font-bold mb-4">Écoles</h1>
      {result?.error && !result.field && (
        <p role="alert" className="mb-4 rounded border-l-4 border-red-700 bg-red-50 p-3">
          {result.error}
        </p>
      )}
      {result?.done && (
        <p role="status" className="mb-4 rounded border-l-4 border-vert bg-green-50 p-3">
          {result.done}
        </p>
      )}
      <TableBox label={"Écoles enregistrées"}>
        <table className="w-full text-sm border-collapse mb-8">
          <ColumnHeads columns={["École", "Établissement", "Domaines (étudiants ; personnel)", { label: "Personnels", numeric: true }]} />
          <tbody>
            {schools.map((school) => (
              <tr key={school.id} className="border-b border-slate-100 align-top">
                <td className="py-2 pr-4">
                  <Link to={`/ecole?ecole=${school.id}`}>{school.name}</Link>{" "}
                  <span className="text-slate-600">({labelOf(schoolKinds, school.kind)})</span>
                </td>
                <td className="py-2 pr-4">{school.establishment?.name ?? "—"}</td>
                <td className="py-2 pr-4">
                  <Form method="post" className="flex gap-2">
                    <input type="hidden" name="intent" value="domains" />
                    <input type="hidden" name="schoolId" value={school.id} />
                    <label className="sr-only" htmlFor={`domaines-${school.id}`}>
                      Domaines des étudiants de {school.name}
                    </label>
                    <input
                      type="text"
                      id={`domaines-${school.id}`}
                      name="domains"
                      defaultValue={school.emailDomains.join(", ")}
                      className="rounded border border-slate-400 px-2 py-1 w-32"
                    />
                    <label className="sr-only" htmlFor={`domaines-personnel-${school.id}`}>
                      Domaines du personnel de {school.name}
                    </label>
                    <input
                      type="text"
                      id={`domaines-personnel-${school.id}`}
                      name="staffDomains"
                      defaultValue={school.staffEmailDomains.join(", ")}
                      className="rounded border border-slate-400 px-2 py-1 w-32"
                    />
                    <button type="submit" className="text-marine underline">
                      Enregistrer
                    </button>
                  </Form>
                </td>
                <td className="py-2 pr-4 text-right tabular-nums">
                  {school._count.staff}
                  {school.staff
                    .filter((staff) => staff.emailVerifiedAt)
                    .map((staff) => (
                      <Form method="post" key={staff.id} className="mt-1 text-left">
                        <input type="hidden" name="intent" value="approve" />
                        <input type="hidden" name="staffId" value={staff.id} />
                        <span>
                          {staff.firstName} {staff.lastName} ({staff.email}) attend :{" "}
                        </span>
                        <button type="submit" className="text-marine underline">
                          Valider
                        </button>
                      </Form>
                    ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableBox>
      {/* A school registered remounts the form: its fields start empty for the next one. */}
      <Form method="post" key={result?.done ?? "new"} className="rounded border border-slate-200 p-4">
        <fieldset>
          <legend className="text-xl font-semibold mb-2">Enregistrer une école</legend>
          <SchoolField name="name" label="Nom de l'école" result={result} />
          <div
            onInput={(event) => {
              const typed = (event.target as HTMLInputElement).value.trim();
              if (typed.length >= 2) establishments.load(`/api/reference/etablissements?q=${encodeURIComponent(typed)}`);
            }}
          >
            <SchoolField
              name="establishment"
              label="Établissement du référentiel (nom, sigle ou code UAI)"
              result={result}
              list="etablissements-ecole"
            />
          </div>
          <datalist id="etablissements-ecole">
            {(establishments.data ?? []).map((e) => (
              <option key={e.id} value={e.label} />
            ))}
          </datalist>
          <label htmlFor="kind" className="block font-medium">
            Type
          </label>
          <FieldError name="kind" result={result} />
          <select
            id="kind"
            name="kind"
            defaultValue={v.kind ?? "ENGINEERING"}
            className="mt-1 mb-3 block rounded border border-slate-400 px-2 py-1"
          >
            {optionsOf(schoolKinds).map(({ value, label }) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
          <SchoolField
            name="domains"
            label="Domaines des adresses des étudiants (séparés par des virgules)"
            placeholder="etu.ecole.fr"
            result={result}
          />
          <SchoolField
            name="staffDomains"
            label="Domaines des adresses du personnel (inscription comme école, validée ensuite)"
            placeholder="ecole.fr"
            result={result}
          />
          <button type="submit" className="rounded bg-marine px-4 py-2 text-white">
            Enregistrer l'école
          </button>
        </fieldset>
      </Form>
    </section>
  );
}

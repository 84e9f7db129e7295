// /ecole — a school's students, their applications and placements by territory, sector and
// contract, over time; the offers it recommends. Staff see their own school only; operators any.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { LineChart } from "#app/components/charts";
import { FigureCards } from "#app/components/figures";
import { formatCount } from "#app/components/format";
import { ColumnHeads, TableBox } from "#app/components/table";

import { requireUser } from "#app/accounts/permissions.server";
import { referenceLabels } from "#app/reference/labels.server";
import { approveStaff, pendingStaffOf, removePromotion, schoolDashboard, schoolForViewer, staffStatus } from "#app/schools/schools.server";
import { lastMonths } from "#app/statistics/uptake.server";
import { z } from "zod";
import { recordId } from "#app/domain/form-fields";
import { formValues } from "#app/platform/forms.server";
import { contractTypes, labelOf } from "#app/domain/codes";

export const meta: MetaFunction = () => [{ title: "Espace école · VTE" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context, ["SCHOOL_STAFF", "OPERATOR"]);
  const url = new URL(request.url);
  if (user.role === "SCHOOL_STAFF") {
    const status = await staffStatus(user.id);
    if (!status.approved) return { pending: true as const, schoolName: status.school?.name ?? null };
  }
  const school = await schoolForViewer(user, url);
  const [figures, labels, pendingStaff] = await Promise.all([
    schoolDashboard(school, lastMonths(12)),
    referenceLabels(),
    pendingStaffOf(school.id),
  ]);
  const section = (rows: { label: string; count: number }[]) => rows.map((r) => ({ ...r, label: labels.naf.get(r.label) ?? r.label }));
  const contract = (rows: { label: string; count: number }[]) => rows.map((r) => ({ ...r, label: labelOf(contractTypes, r.label) }));
  return {
    pending: false as const,
    pendingStaff: pendingStaff.map((staff) => ({ id: staff.id, name: `${staff.firstName} ${staff.lastName}`, email: staff.email })),
    school: { id: school.id, name: school.name, establishment: school.establishment?.name ?? null, domains: school.emailDomains },
    query: user.role === "OPERATOR" ? `?ecole=${school.id}` : "",
    canEdit: user.role === "SCHOOL_STAFF",
    figures: {
      ...figures,
      applicationsBySector: section(figures.applicationsBySector),
      placementsBySector: section(figures.placementsBySector),
      applicationsByContract: contract(figures.applicationsByContract),
      placementsByContract: contract(figures.placementsByContract),
      promotions: figures.promotions.map((p) => ({
        id: p.id,
        note: p.note,
        createdAt: p.createdAt,
        by: `${p.createdBy.firstName} ${p.createdBy.lastName}`,
        offer: { id: p.offer.id, title: p.offer.title, company: p.offer.company.name, published: p.offer.status === "PUBLISHED" },
      })),
    },
  };
}

/** Approve a colleague, or withdraw a promotion (the form without an intent). */
const dashboardForms = z.union([
  z.object({ intent: z.literal("approve"), staffId: recordId }),
  z.object({ intent: z.undefined().optional(), promotionId: recordId }),
]);

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(request, context, ["SCHOOL_STAFF"]);
  const school = await schoolForViewer(user, new URL(request.url));
  const input = formValues(await request.formData(), dashboardForms);
  // An approved member of the school approves a colleague (approveStaff checks the school).
  if (input.intent === "approve") return { approved: await approveStaff(user, input.staffId) };
  await removePromotion(school.id, input.promotionId);
  return { removed: true };
}

/** A count broken down one way; named with its group ("Candidatures par territoire") so that each region's name is its own. */
function Breakdown({ id, groupId, title, rows }: { id: string; groupId: string; title: string; rows: { label: string; count: number }[] }) {
  return (
    <section aria-labelledby={`${groupId} ${id}`}>
      <h3 id={id} className="font-semibold mb-1">
        {title}
      </h3>
      {rows.length === 0 ? (
        <p className="text-sm">Aucune pour l'instant.</p>
      ) : (
        <TableBox label={title}>
          <table className="w-full text-sm border-collapse">
            <tbody>
              {rows.slice(0, 10).map((r) => (
                <tr key={r.label} className="border-b border-slate-100">
                  <th scope="row" className="py-1 pr-4 text-left font-normal">
                    {r.label}
                  </th>
                  <td className="py-1 text-right tabular-nums">{formatCount(r.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableBox>
      )}
    </section>
  );
}

export default function SchoolDashboardPage() {
  const data = useLoaderData<typeof loader>();
  if (data.pending) {
    return (
      <section className="max-w-2xl">
        <h1 className="text-3xl font-bold mb-4">Votre compte attend sa validation</h1>
        <p>
          Votre adresse appartient au personnel{" "}
          {data.schoolName ? (
            <>
              de <strong>{data.schoolName}</strong>
            </>
          ) : (
            "d'une école inscrite"
          )}
          . Avant de voir ses étudiants et de recommander des offres, un membre déjà validé de votre école ou l'équipe du programme VTE doit
          confirmer que vous en faites partie. Vous recevrez l'accès dès cette validation.
        </p>
      </section>
    );
  }
  return <SchoolDashboard {...data} />;
}

function SchoolDashboard({
  school,
  query,
  canEdit,
  figures,
  pendingStaff,
}: Extract<ReturnType<typeof useLoaderData<typeof loader>>, { pending: false }>) {
  const exportUrl = (table: string) => `/ecole/export/${table}.csv${query}`;
  return (
    <section>
      <h1 className="text-3xl font-bold mb-1">{school.name}</h1>
      {canEdit && pendingStaff.length > 0 && (
        <section aria-labelledby="collegues" className="mb-6 rounded border-l-4 border-amber-600 bg-amber-50 p-3">
          <h2 id="collegues" className="font-semibold">
            Collègues en attente de validation
          </h2>
          <ul>
            {pendingStaff.map((staff) => (
              <li key={staff.id}>
                <Form method="post" className="inline">
                  {staff.name} ({staff.email}) <input type="hidden" name="intent" value="approve" />
                  <input type="hidden" name="staffId" value={staff.id} />
                  <button type="submit" className="text-marine underline">
                    Valider {staff.name}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </section>
      )}
      <p className="mb-6 text-slate-700">
        {school.establishment} · adresses {school.domains.map((d) => `@${d}`).join(", ")}. Vos étudiants : les comptes étudiants qui nomment
        votre établissement et ont vérifié une adresse de ces domaines.
      </p>
      <FigureCards
        figures={[
          { label: "Étudiants", value: figures.studentCount },
          { label: "Profils complets", value: figures.completeProfiles },
          { label: "Candidatures", value: figures.applicationCount },
          { label: "Placements", value: figures.placementCount },
        ]}
      />
      <section aria-labelledby="etudiants-titre" className="mb-8">
        <h2 id="etudiants-titre" className="text-xl font-semibold mb-2">
          Vos étudiants
        </h2>
        {figures.students.length === 0 ? (
          <p>Aucun étudiant pour l'instant : ils apparaissent ici dès qu'ils ont vérifié une adresse de vos domaines.</p>
        ) : (
          <TableBox label="Vos étudiants">
            <table className="w-full text-sm border-collapse">
              <ColumnHeads
                columns={[
                  "Étudiant",
                  "Profil",
                  { label: "Candidatures (en cours)", numeric: true },
                  { label: "Placements", numeric: true },
                ]}
              />
              <tbody>
                {figures.students.map((student) => (
                  <tr key={student.id} className="border-b border-slate-100">
                    <td className="py-1 pr-4">{student.name}</td>
                    <td className="py-1 pr-4">{student.profileComplete ? "complet" : "à compléter"}</td>
                    <td className="py-1 pr-4 text-right tabular-nums">
                      {`${formatCount(student.applications)} (${formatCount(student.applicationsInProgress)})`}
                    </td>
                    <td className="py-1 text-right tabular-nums">{formatCount(student.placements)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableBox>
        )}
        <p className="mt-1 text-sm text-slate-600">
          Vous voyez leur nom, l'état de leur profil et le nombre de leurs candidatures et placements ; jamais leurs messages ni leur CV.
        </p>
      </section>
      <LineChart
        id="ecole-mois"
        title="Candidatures et placements de vos étudiants, 12 derniers mois"
        months={figures.series.map((m) => m.month)}
        series={[
          { key: "applications", label: "Candidatures", color: "#b34000", values: figures.series.map((m) => m.applications) },
          { key: "placements", label: "Placements", color: "#000091", values: figures.series.map((m) => m.placements) },
        ]}
      />
      {[
        {
          id: "candidatures",
          title: "Candidatures",
          ways: {
            territoire: figures.applicationsByTerritory,
            secteur: figures.applicationsBySector,
            contrat: figures.applicationsByContract,
          },
        },
        {
          id: "placements",
          title: "Placements",
          ways: { territoire: figures.placementsByTerritory, secteur: figures.placementsBySector, contrat: figures.placementsByContract },
        },
      ].map((group) => (
        <div key={group.id}>
          <h2 id={`${group.id}-titre`} className="text-xl font-semibold mb-2">
            {group.title}
          </h2>
          <div className="grid gap-6 md:grid-cols-3 mb-6">
            {Object.entries(group.ways).map(([way, rows]) => (
              <Breakdown key={way} id={`${group.id}-${way}`} groupId={`${group.id}-titre`} title={`Par ${way}`} rows={rows} />
            ))}
          </div>
        </div>
      ))}
      <p className="mb-8 text-sm">
        Exporter en CSV : <a href={exportUrl("mois")}>par mois</a> · <a href={exportUrl("candidatures")}>candidatures</a> ·{" "}
        <a href={exportUrl("placements")}>placements</a>
      </p>
      <h2 className="text-xl font-semibold mb-2">Offres recommandées à vos étudiants</h2>
      <p className="text-sm mb-2">
        Recommandez une offre depuis sa page ; vos étudiants la voient signalée dans leur recherche et reçoivent chaque semaine les
        nouvelles recommandations.
      </p>
      {figures.promotions.length === 0 ? (
        <p>
          Aucune recommandation. <Link to="/offres">Chercher une offre</Link>
        </p>
      ) : (
        <ul className="space-y-2">
          {figures.promotions.map((p) => (
            <li key={p.id} className="rounded border border-slate-200 p-3">
              <Link to={`/offres/${p.offer.id}`}>{p.offer.title}</Link> — {p.offer.company}
              {!p.offer.published && <span className="text-slate-600"> (plus publiée)</span>}
              <p className="text-sm">
                « {p.note} » ({p.by})
              </p>
              {canEdit && (
                <Form method="post">
                  <input type="hidden" name="promotionId" value={p.id} />
                  <button type="submit" className="text-sm text-red-700 underline">
                    Retirer la recommandation de « {p.offer.title} »
                  </button>
                </Form>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

// /etudiant — the student's space: profile and eligibility at a glance, and where to go next.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { StudentEligibilityPanel } from "#app/components/student-eligibility";
import { db } from "#app/platform/db.server";
import { studentEligibility } from "#app/domain/student-eligibility";
import { requireUser } from "#app/accounts/permissions.server";
import { isInProgress } from "#app/domain/application-pipeline";
import { isProfileComplete } from "#app/students/students.server";

export const meta: MetaFunction = () => [{ title: "Espace étudiant · VTE" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context, ["STUDENT"]);
  const [profile, applications, alerts] = await Promise.all([
    db().studentProfile.findUnique({ where: { userId: user.id }, omit: { cv: true } }),
    db().application.findMany({ where: { studentId: user.id }, select: { status: true } }),
    db().savedSearch.count({ where: { userId: user.id } }),
  ]);
  return {
    firstName: user.firstName,
    complete: isProfileComplete(profile),
    decision: profile ? studentEligibility(profile) : null,
    // Counted as the list shows them: every application, and how many are still under way.
    applications: { total: applications.length, inProgress: applications.filter((a) => isInProgress(a.status)).length },
    alerts,
  };
}

export default function StudentSpace() {
  const { firstName, complete, decision, applications, alerts } = useLoaderData<typeof loader>();
  return (
    <section className="max-w-3xl">
      <h1 className="text-3xl font-bold mb-4">Bonjour {firstName}</h1>
      {!complete && (
        <p className="mb-4 rounded border-l-4 border-marine bg-marine-light p-3">
          Complétez <Link to="/etudiant/profil">votre profil</Link> pour recevoir des offres adaptées et postuler.
        </p>
      )}
      {decision && <StudentEligibilityPanel decision={decision} />}
      <ul className="space-y-2 text-lg">
        <li>
          <Link to="/etudiant/pour-vous">Offres pour vous</Link>
        </li>
        <li>
          <Link to="/etudiant/profil">Mon profil</Link>
        </li>
        <li>
          <Link to="/etudiant/candidatures">Mes candidatures</Link>{" "}
          {applications.total === 0
            ? "(aucune)"
            : `(${applications.total}${applications.inProgress < applications.total ? `, dont ${applications.inProgress} en cours` : ""})`}
        </li>
        <li>
          <Link to="/etudiant/alertes">Mes alertes</Link> ({alerts})
        </li>
        <li>
          <Link to="/offres">Chercher une offre</Link>
        </li>
      </ul>
    </section>
  );
}

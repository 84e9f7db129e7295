import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatCount } from "~/components/format";
import { db } from "~/db.server";
import { requireUser } from "~/permissions.server";

export const meta: MetaFunction = () => [{ title: "Pilotage · VTE" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireUser(request, context, ["OPERATOR"]);
  const [pending, published, companies] = await Promise.all([
    db().offer.count({ where: { status: "PENDING_REVIEW" } }),
    db().offer.count({ where: { status: "PUBLISHED" } }),
    db().company.count(),
  ]);
  return { pending, published, companies };
}

export default function OperatorHomePage() {
  const { pending, published, companies } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1 className="text-3xl font-bold mb-6">Pilotage du programme</h1>
      <dl className="grid sm:grid-cols-3 gap-4 mb-8">
        {[
          ["Offres à valider", pending],
          ["Offres publiées", published],
          ["Entreprises inscrites", companies],
        ].map(([label, value]) => (
          <div key={label} className="rounded border border-slate-200 p-4">
            <dt className="text-sm text-slate-600">{label}</dt>
            <dd className="text-3xl font-semibold tabular-nums">{formatCount(value as number)}</dd>
          </div>
        ))}
      </dl>
      <Link to="/pilotage/moderation" className="rounded bg-marine px-4 py-2 text-white no-underline">
        File de modération ({pending})
      </Link>
    </section>
  );
}

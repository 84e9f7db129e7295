// /compte/suppression — after asking to delete one's account: when it becomes final, and how to cancel.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatLongDate } from "#app/components/labels";
import { isRealDate } from "#app/domain/offer-search-params";

export const meta: MetaFunction = () => [{ title: "Compte en cours de suppression · VTE" }];

export function loader({ request }: LoaderFunctionArgs) {
  const day = new URL(request.url).searchParams.get("le") ?? "";
  return { finalOn: isRealDate(day) ? day : null };
}

export default function DeletionRequestedPage() {
  const { finalOn } = useLoaderData<typeof loader>();
  return (
    <section className="max-w-2xl">
      <h1 className="text-3xl font-bold mb-4">Votre compte est en cours de suppression</h1>
      <p className="mb-4">
        Vous êtes déconnecté(e), votre CV est effacé et votre profil n'apparaît plus. La suppression sera définitive
        {finalOn ? ` le ${formatLongDate(new Date(`${finalOn}T12:00:00Z`))}` : " dans quelques jours"} ; un e-mail vous le confirme.
      </p>
      <p>
        Vous avez changé d'avis ? <Link to="/connexion">Connectez-vous</Link> avant cette date : la suppression sera annulée.
      </p>
    </section>
  );
}

import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { legalPages } from "#app/components/legal-pages";
import {
  Form,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { useNonce } from "#app/components/nonce";
import { Stylesheet } from "#app/components/stylesheet";
import { usePageScripts } from "#app/components/page-scripts";
import { currentUser, homeOf } from "#app/accounts/permissions.server";
import { holdsDemoData } from "#app/platform/demo.server";

export const links: LinksFunction = () => [{ rel: "icon", href: "/favicon.ico", sizes: "16x16" }];

export async function loader({ context }: LoaderFunctionArgs) {
  const user = currentUser(context);
  return {
    user: user ? { firstName: user.firstName, lastName: user.lastName, home: homeOf(user.role) } : null,
    demo: await holdsDemoData(),
  };
}

export function Layout({ children }: { children: ReactNode }) {
  // The error page renders without the root loader's data.
  const rootData = useRouteLoaderData<typeof loader>("root");
  const user = rootData?.user ?? null;
  const nonce = useNonce();
  const scripts = usePageScripts();
  return (
    <html lang="fr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Stylesheet />
        <Links />
      </head>
      <body className="min-h-screen bg-white text-slate-900 flex flex-col">
        <a href="#contenu" className="sr-only focus:not-sr-only focus:absolute focus:p-2 focus:bg-white">
          Aller au contenu
        </a>
        <header className="border-b border-slate-200">
          {/* Inside the header: every part of the page belongs to a landmark. */}
          {rootData?.demo && (
            <p className="border-b border-amber-300 bg-amber-50 px-4 py-1 text-center text-sm">
              Données de démonstration : les entreprises, offres et personnes de ce site sont fictives.
            </p>
          )}
          <div className="mx-auto max-w-5xl px-4 py-3 flex flex-wrap items-center justify-between gap-3">
            <Link to="/" className="no-underline text-slate-900 font-bold text-lg">
              <span className="text-marine">VTE</span> · Volontariat Territorial en Entreprise
            </Link>
            <nav aria-label="Navigation principale">
              <ul className="flex flex-wrap items-center gap-4 text-sm">
                <li>
                  <Link to="/offres">Offres</Link>
                </li>
                <li>
                  <Link to="/territoires">Territoires d'industrie</Link>
                </li>
                <li>
                  <Link to="/statistiques">Statistiques</Link>
                </li>
                {user ? (
                  <>
                    <li>
                      <Link to={user.home}>
                        Mon espace ({user.firstName} {user.lastName})
                      </Link>
                    </li>
                    <li>
                      <Link to="/compte/donnees">Mes données</Link>
                    </li>
                    <li>
                      <Link to="/mot-de-passe">Mot de passe</Link>
                    </li>
                    <li>
                      <Form method="post" action="/deconnexion">
                        <button type="submit" className="text-marine underline underline-offset-2 hover:no-underline">
                          Se déconnecter
                        </button>
                      </Form>
                    </li>
                  </>
                ) : (
                  <>
                    <li>
                      <Link to="/connexion">Se connecter</Link>
                    </li>
                    <li>
                      <Link to="/inscription">Créer un compte</Link>
                    </li>
                  </>
                )}
              </ul>
            </nav>
          </div>
        </header>
        <main id="contenu" className="mx-auto w-full max-w-5xl px-4 py-8 flex-1">
          {children}
        </main>
        <footer className="border-t border-slate-200 text-sm text-slate-600">
          <div className="mx-auto max-w-5xl px-4 py-4">
            <nav aria-label="Informations légales" className="mb-2">
              <ul className="flex flex-wrap gap-x-4 gap-y-1">
                {legalPages.map((page) => (
                  <li key={page.to}>
                    <Link to={page.to} className="underline">
                      {page.label}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
            Données de référence : INSEE (COG 2026), ANCT (Territoires d'industrie), France Travail (ROME 4.0), MESR.
          </div>
        </footer>
        {scripts.framework && <ScrollRestoration nonce={nonce} />}
        {scripts.framework && <Scripts nonce={nonce} />}
        {scripts.enhancements.map((src) => (
          <script key={src} src={src} defer nonce={nonce} />
        ))}
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  const forbidden = isRouteErrorResponse(error) && error.status === 403;
  // A request the platform refused (400): its French reason, said as it is.
  const refused =
    isRouteErrorResponse(error) && error.status >= 400 && error.status < 500 && !notFound && !forbidden && typeof error.data === "string"
      ? error.data
      : null;
  return (
    <section aria-labelledby="erreur-titre" className="max-w-2xl">
      <h1 id="erreur-titre" className="text-2xl font-bold mb-4">
        {notFound ? "Page introuvable" : forbidden ? "Accès refusé" : refused ? "Demande refusée" : "Le service rencontre un problème"}
      </h1>
      <p className="mb-4">
        {notFound
          ? "Cette page n'existe pas ou plus. Vérifiez l'adresse, ou repartez de l'accueil."
          : forbidden
            ? isRouteErrorResponse(error) && typeof error.data === "string" && error.data !== "Accès refusé"
              ? error.data
              : "Votre compte ne donne pas accès à cette page."
            : refused
              ? refused
              : "Une erreur est survenue de notre côté. Vos données n'ont pas été perdues ; réessayez dans quelques instants."}
      </p>
      <Link to="/">Retour à l'accueil</Link>
    </section>
  );
}

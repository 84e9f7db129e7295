// Every page that needs a role checks it here, on the server: an anonymous visitor is sent to
// log in and brought back; a signed-in person with the wrong role gets 403.
import { redirect, type AppLoadContext } from "@remix-run/node";
import type { Role } from "#app/generated/prisma/enums";
import type { SessionUser } from "./session.server";
import "#app/platform/load-context";

export function currentUser(context: AppLoadContext): SessionUser | null {
  return context.session?.user ?? null;
}

function loginRedirect(request: Request): never {
  const url = new URL(request.url);
  throw redirect(`/connexion?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
}

function forbidden(message = "Accès refusé"): never {
  throw new Response(message, { status: 403, statusText: "Forbidden" });
}

/** A signed-in user with a verified address (and one of `roles` when given). */
export function requireUser(request: Request, context: AppLoadContext, roles?: Role[]): SessionUser {
  const user = currentUser(context);
  if (!user) loginRedirect(request);
  if (roles && !roles.includes(user.role)) forbidden();
  if (!user.emailVerified) {
    const url = new URL(request.url);
    throw redirect(`/inscription/verification?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return user;
}

export function homeOf(role: Role): string {
  switch (role) {
    case "COMPANY_MEMBER":
      return "/entreprise";
    case "OPERATOR":
      return "/pilotage";
    case "SCHOOL_STAFF":
      return "/ecole";
    default:
      return "/etudiant";
  }
}

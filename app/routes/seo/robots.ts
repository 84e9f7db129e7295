// /robots.txt — search engines stay out of the signed-in spaces, the apply forms and the
// suggestion API, and are pointed at the sitemap (its address from PUBLIC_URL).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { publicUrl } from "#app/platform/config.server";
import { publicResponse } from "#app/platform/http-cache.server";

export const disallowedForRobots = [
  "/etudiant",
  "/entreprise",
  "/ecole",
  "/pilotage",
  "/compte",
  "/dev/",
  "/api/reference/",
  "/offres/*/postuler",
];

export function loader({ request }: LoaderFunctionArgs) {
  const lines = ["User-agent: *", ...disallowedForRobots.map((path) => `Disallow: ${path}`), "", `Sitemap: ${publicUrl()}/sitemap.xml`, ""];
  return publicResponse(request, lines.join("\n"), { "Content-Type": "text/plain; charset=utf-8" });
}

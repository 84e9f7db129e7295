// What a shared cache (a CDN) may keep of what the platform serves to anyone: public pages a
// minute (then served stale while it asks again), the open data and the sitemaps an hour; each
// with a validator (ETag), so that asking again costs a 304 when nothing changed. Whatever a
// signed-in person sees, and any response that sets a cookie, stays private, no-store
// (app/server/http.ts).
import { createHash } from "node:crypto";

export const publicPageCaching = "public, max-age=0, s-maxage=60, stale-while-revalidate=300";
const publicDataCaching = "public, max-age=300, s-maxage=3600, stale-while-revalidate=86400";

/** A validator of a body: the same bytes, the same tag; weak, as it holds for every compression of them. */
export function entityTag(body: string | Uint8Array): string {
  return `W/"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
}

/** Whether the request already holds the response tagged so (If-None-Match, weak or strong). */
export function holdsTag(request: Request, tag: string): boolean {
  const held = request.headers.get("If-None-Match");
  if (!held) return false;
  const opaque = (candidate: string) => candidate.trim().replace(/^W\//, "");
  return held === "*" || held.split(",").some((candidate) => opaque(candidate) === opaque(tag));
}

/** A public response with its validator, or 304 Not Modified when the request holds it already. */
export function publicResponse(request: Request, body: string, headers: Record<string, string>): Response {
  const tag = entityTag(body);
  const all = { ...headers, "Cache-Control": publicDataCaching, ETag: tag };
  return holdsTag(request, tag) ? new Response(null, { status: 304, headers: all }) : new Response(body, { headers: all });
}

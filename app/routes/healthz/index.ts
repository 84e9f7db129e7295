// /healthz/index: the differences between the database and the offers index, for
// \`npm run search:check\` run beside the server (whose embedded database and local Meilisearch
// belong to it). Answers a client on this machine only.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { isLoopbackHost } from "#app/platform/config.server";
import { db } from "#app/platform/db.server";
import { compareIndex } from "#search/check";
import { searchClient } from "#search/client";

export async function loader({ context }: LoaderFunctionArgs) {
  if (!isLoopbackHost(context.clientIp.replace(/^::ffff:/, ""))) throw new Response("Page introuvable", { status: 404 });
  const search = searchClient();
  if (!search) return Response.json({ error: "No search engine: searches use the database." }, { status: 503 });
  return Response.json(await compareIndex(db(), search), { headers: { "Cache-Control": "no-store" } });
}

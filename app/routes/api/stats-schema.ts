// /api/stats/territoires.schema.json — the JSON Schema of the open data.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { openDataSchema } from "#app/domain/open-data-schema";
import { publicResponse } from "#app/platform/http-cache.server";

export function loader({ request }: LoaderFunctionArgs) {
  return publicResponse(request, JSON.stringify(openDataSchema), { "Content-Type": "application/schema+json; charset=utf-8" });
}

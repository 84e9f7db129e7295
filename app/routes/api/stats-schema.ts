// /api/stats/territoires.schema.json — the JSON Schema of the open data.
import { openDataSchema } from "#app/domain/open-data-schema";

export function loader() {
  return Response.json(openDataSchema, {
    headers: { "Cache-Control": "public, max-age=3600", "Content-Type": "application/schema+json; charset=utf-8" },
  });
}

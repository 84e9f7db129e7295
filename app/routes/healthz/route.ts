import { checkHealth } from "~/health.server";

export async function loader() {
  const health = await checkHealth();
  return Response.json(
    { status: health.ok ? "ok" : "degraded", database: health.database, search: health.search, mail: health.mail },
    { status: health.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}

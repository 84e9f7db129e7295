// /healthz: up or down per part for anyone (a monitor needs no more); the details (addresses,
// error texts) only for operators and for a client on this machine.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { isLoopbackHost } from "#app/platform/config.server";
import { getDatabase } from "#app/platform/db.server";
import { checkHealth } from "#app/platform/health.server";
import { failedOutboxJobs } from "#app/platform/outbox.server";
import { currentUser } from "#app/accounts/permissions.server";

export async function loader({ context }: LoaderFunctionArgs) {
  const detailed = currentUser(context)?.role === "OPERATOR" || isLoopbackHost(context.clientIp.replace(/^::ffff:/, ""));
  // Outbox jobs that gave up (they do not make the platform "down"): read only for those who see them.
  const [health, failedJobs] = await Promise.all([checkHealth(), detailed ? failedOutboxJobs(getDatabase().sql).catch(() => []) : null]);
  const part = (state: { ok: boolean; detail: string }) => (detailed ? state : { ok: state.ok });
  return Response.json(
    {
      status: health.ok ? "ok" : "degraded",
      database: part(health.database),
      search: part(health.search),
      mail: part(health.mail),
      ...(failedJobs ? { failedJobs } : {}),
    },
    { status: health.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}

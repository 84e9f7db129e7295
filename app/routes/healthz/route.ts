// /healthz: up or down per part for anyone (a monitor needs no more); the details (addresses,
// error texts) only for operators and for a client on this machine.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { isLoopbackHost } from "~/config.server";
import { checkHealth } from "~/health.server";
import { currentUser } from "~/permissions.server";

export async function loader({ context }: LoaderFunctionArgs) {
  const health = await checkHealth();
  const detailed = currentUser(context)?.role === "OPERATOR" || isLoopbackHost(context.clientIp.replace(/^::ffff:/, ""));
  const part = (state: { ok: boolean; detail: string }) => (detailed ? state : { ok: state.ok });
  return Response.json(
    {
      status: health.ok ? "ok" : "degraded",
      database: part(health.database),
      search: part(health.search),
      mail: part(health.mail),
      ...(detailed ? { failedJobs: health.failedJobs } : {}),
    },
    { status: health.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}

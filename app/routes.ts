import { type RouteConfig, index, route } from "@remix-run/route-config";

export default [
  index("routes/home/route.tsx"),
  route("territoires", "routes/territoires/list.tsx"),
  route("territoires/:id", "routes/territoires/detail.tsx"),
  route("healthz", "routes/healthz/route.ts"),
] satisfies RouteConfig;

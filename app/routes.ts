import { type RouteConfig, index, route } from "@remix-run/route-config";

export default [
  index("routes/home/route.tsx"),
  route("territoires", "routes/territoires/list.tsx"),
  route("territoires/:id", "routes/territoires/detail.tsx"),
  route("healthz", "routes/healthz/route.ts"),

  route("inscription", "routes/compte/inscription.tsx"),
  route("inscription/verification", "routes/compte/verification.tsx"),
  route("verification/:token", "routes/compte/verification-link.tsx"),
  route("connexion", "routes/compte/connexion.tsx"),
  route("deconnexion", "routes/compte/deconnexion.tsx"),
  route("mot-de-passe-oublie", "routes/compte/mot-de-passe-oublie.tsx"),
  route("mot-de-passe-oublie/:token", "routes/compte/nouveau-mot-de-passe.tsx"),
] satisfies RouteConfig;

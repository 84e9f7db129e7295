import { type RouteConfig, index, route } from "@remix-run/route-config";

export default [
  index("routes/home/route.tsx"),
  route("territoires", "routes/territoires/list.tsx"),
  route("territoires/:id", "routes/territoires/detail.tsx"),
  route("healthz", "routes/healthz/route.ts"),
  route("offres", "routes/offres/search.tsx"),
  route("offres/flux.xml", "routes/offres/feed.ts"),
  route("entreprises/:siren", "routes/entreprises/detail.tsx"),
  route("offres/:id", "routes/offres/detail.tsx"),
  route("offres/:id/postuler", "routes/offres/postuler.tsx"),

  route("inscription", "routes/compte/inscription.tsx"),
  route("inscription/verification", "routes/compte/verification.tsx"),
  route("verification/:token", "routes/compte/verification-link.tsx"),
  route("connexion", "routes/compte/connexion.tsx"),
  route("deconnexion", "routes/compte/deconnexion.tsx"),
  route("mot-de-passe-oublie", "routes/compte/mot-de-passe-oublie.tsx"),
  route("mot-de-passe-oublie/:token", "routes/compte/nouveau-mot-de-passe.tsx"),
  route("desabonnement/:token", "routes/compte/desabonnement.tsx"),

  route("etudiant", "routes/etudiant/espace.tsx"),
  route("etudiant/profil", "routes/etudiant/profil.tsx"),
  route("etudiant/cv", "routes/etudiant/cv.ts"),
  route("etudiant/pour-vous", "routes/etudiant/pour-vous.tsx"),
  route("etudiant/candidatures", "routes/etudiant/candidatures.tsx"),
  route("etudiant/alertes", "routes/etudiant/alertes.tsx"),

  route("entreprise", "routes/entreprise/espace.tsx"),
  route("entreprise/creer", "routes/entreprise/company-form.tsx", { id: "company-create" }),
  route("entreprise/modifier", "routes/entreprise/company-form.tsx", { id: "company-edit" }),
  route("entreprise/membres", "routes/entreprise/membres.tsx"),
  route("entreprise/offres/nouvelle", "routes/entreprise/offer-form.tsx", { id: "offer-create" }),
  route("entreprise/offres/:id", "routes/entreprise/offer-form.tsx", { id: "offer-edit" }),
  route("entreprise/offres/:id/statut", "routes/entreprise/offer-status.tsx"),
  route("entreprise/offres/:id/candidatures", "routes/entreprise/candidatures.tsx"),
  route("entreprise/candidatures/:id", "routes/entreprise/candidature.tsx"),
  route("entreprise/candidatures/:id/cv", "routes/entreprise/candidature-cv.ts"),
  route("invitation/:token", "routes/entreprise/invitation.tsx"),

  route("pilotage", "routes/pilotage/accueil.tsx"),
  route("pilotage/moderation", "routes/pilotage/moderation.tsx"),

  route("api/reference/:kind", "routes/api/reference.ts"),
  route("dev/mail", "routes/dev/mail.tsx"),
] satisfies RouteConfig;

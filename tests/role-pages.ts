// The pages of each role's space, as the privacy, accessibility and form checks visit them.
export const rolePages = {
  student: [
    "/etudiant",
    "/etudiant/profil",
    "/etudiant/pour-vous",
    "/etudiant/candidatures",
    "/etudiant/alertes",
    "/mot-de-passe",
    "/compte/donnees",
  ],
  company: [
    "/entreprise",
    "/entreprise/modifier",
    "/entreprise/membres",
    "/entreprise/offres/nouvelle",
    "/mot-de-passe",
    "/compte/donnees",
  ],
  staff: ["/ecole", "/compte/donnees"],
  operator: ["/pilotage", "/pilotage/moderation", "/pilotage/ecoles", "/pilotage/entreprises", "/compte/donnees"],
};

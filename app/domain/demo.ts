// The demo world's accounts, one per role, listed on the log-in page when the database holds demo
// data: a reader of the quick start tries every side of the platform without creating anything.

/** The password of every demo account (the demo world is public: never use it for real data). */
export const demoPassword = "demo-vte-2026";

/** Rows of the demo world carry ids with this prefix, so that a new seed replaces exactly them. */
export const demoIdPrefix = "demo-";

export const demoAccounts = [
  { role: "STUDENT", label: "Étudiante", email: "etudiante@etu.demo-vte.fr", firstName: "Camille", lastName: "Démo" },
  { role: "COMPANY_MEMBER", label: "Entreprise", email: "recrutement.1@entreprise.demo-vte.fr" },
  { role: "SCHOOL_STAFF", label: "École", email: "relations-entreprises@ecole.demo-vte.fr", firstName: "Dominique", lastName: "Démo" },
  { role: "OPERATOR", label: "Opératrice du programme", email: "operatrice@demo-vte.fr", firstName: "Claude", lastName: "Démo" },
] as const;

/** The domains of the demo school: its students' addresses and its staff's. */
export const demoSchoolDomains = { students: "etu.demo-vte.fr", staff: "ecole.demo-vte.fr" } as const;

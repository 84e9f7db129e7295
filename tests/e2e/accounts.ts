// Accounts the end-to-end server creates before the platform starts.
export const e2eOperator = { email: "operatrice-e2e@vte.test", password: "Pilotage-VTE-e2e-2026" };
/** A school's approved staff member (its school's staff domain is ecole-e2e.test). */
export const e2eSchoolStaff = { email: "relations-entreprises@ecole-e2e.test", password: "Relayer-les-offres-2026" };
export const e2eRecruiter = { email: "recrutement-e2e@forges-du-forez.fr", password: "Recruter-en-Forez-2026" };
/** One student per Playwright project, so both runs start from an empty profile. */
export const e2eStudent = (project: string) => ({
  email: `etudiante-${project}@ecole.test`,
  password: "Etudier-puis-VTE-2026",
  firstName: "Inès",
  lastName: project === "avec-js" ? "Avecjs" : "Sansjs",
});
/** The published offer the matching test expects first: its skill words are found nowhere else. */
export const e2eMatchOffer = { title: "Ingénieur génie mécanique brasage laser", skill: "brasage laser" };
/** A published offer per project that the company invites to, then closes and reopens. */
export const e2eEndingOffer = (project: string) => ({ title: `Ingénieur génie mécanique, méthodes (${project})` });
/**
 * Students of the e2e school (a verified address of its domain and a profile naming its
 * establishment), one with a complete profile; and one with the address but another establishment.
 */
export const e2eSchoolStudents = {
  complete: { email: "lea.martin@etu.ecole-e2e.test", firstName: "Léa", lastName: "Martin" },
  incomplete: { email: "hugo.petit@etu.ecole-e2e.test", firstName: "Hugo", lastName: "Petit" },
  elsewhere: { email: "nadia.autre@etu.ecole-e2e.test", firstName: "Nadia", lastName: "Autre" },
};

// An offer's life as its company and a student see it, with JavaScript on and off (run after the
// matching flow, which completes each project's student profile): the company invites a visible
// profile, which is then marked; the student applies from the invitation, withdraws (asked, then
// confirmed) and applies again; closing the offer is
// asked, then confirmed, ends the application with a mail; the student's application leads to
// the offer's page, which says it is closed instead of "Page introuvable"; the company reopens it.
import { expect, test, type Page } from "@playwright/test";
import { e2eEndingOffer, e2eMatchOffer, e2eRecruiter, e2eStudent } from "./accounts";
import { logIn, logOut, waitForMail } from "./support";

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

async function openApplicationsOf(page: Page, title: string) {
  await page.goto("/entreprise");
  await page.getByRole("link", { name: new RegExp(`^Candidatures et profils pour ${escaped(title)} :`) }).click();
  await expect(page.getByRole("heading", { name: `Candidatures : ${title}`, level: 1 })).toBeVisible();
}

test("an invited student applies; closing the offer is confirmed, ends the application with a mail, and can be undone", async ({
  page,
}, testInfo) => {
  const student = e2eStudent(testInfo.project.name);
  const offer = e2eEndingOffer(testInfo.project.name);
  const shownName = `${student.firstName} ${student.lastName.slice(0, 1)}.`;

  // The student lets companies find the profile.
  await logIn(page, student.email, student.password);
  await page.goto("/etudiant/profil");
  await page.getByLabel("Les entreprises peuvent trouver mon profil").check();
  await page.getByRole("button", { name: "Enregistrer mon profil" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Profil enregistré." })).toBeVisible();
  await logOut(page);

  // The company finds it among the matched profiles (once the search index has it) and invites it.
  await logIn(page, e2eRecruiter.email, e2eRecruiter.password);
  await openApplicationsOf(page, offer.title);
  const profiles = page.getByRole("region", { name: "Profils qui correspondent à l'offre" });
  const profile = profiles.getByRole("listitem").filter({ has: page.getByText(new RegExp(`^${escaped(shownName)} — \\d+ / 100$`)) });
  await expect(async () => {
    await page.reload();
    await expect(profile).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await profile.getByRole("button", { name: `Inviter ${shownName} à postuler` }).click();
  await expect(profile).toContainText("Invité(e) à postuler le");
  await expect(profile.getByRole("button", { name: /^Inviter/ })).toHaveCount(0);
  // On the offer the student already applied to, the profile says so and where it stands.
  await openApplicationsOf(page, e2eMatchOffer.title);
  await expect(
    page.getByRole("region", { name: "Profils qui correspondent à l'offre" }).getByRole("listitem").filter({ hasText: shownName }),
  ).toContainText("A déjà postulé — étape :");
  await logOut(page);

  // The student follows the invitation and applies.
  const invitation = await waitForMail(student.email, new RegExp(`^Forges du Forez vous invite à postuler : ${escaped(offer.title)}$`));
  const offerPath = /\/offres\/[\w-]+/.exec(invitation.text)?.[0] as string;
  expect(offerPath).toBeTruthy();
  await logIn(page, student.email, student.password);
  await page.goto(offerPath);
  await page.getByRole("link", { name: "Postuler" }).click();
  await page.getByLabel("Votre message à l'entreprise").fill("Merci pour l'invitation : les méthodes m'intéressent beaucoup.");
  await page.getByRole("button", { name: "Envoyer ma candidature" }).click();
  await expect(page.getByText("Candidature envoyée.")).toBeVisible();

  // Withdrawing is asked, then confirmed; the offer can then be applied to again, on the same row.
  const sent = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: offer.title, exact: true }) });
  await sent.getByRole("button", { name: "Retirer ma candidature" }).click();
  const confirm = page.getByRole("form", { name: "Confirmer le retrait" });
  await expect(confirm).toContainText(`Retirer votre candidature à « ${offer.title} » ? L'entreprise ne pourra plus y donner suite.`);
  await expect(sent).toContainText("Étape : Envoyée");
  await confirm.getByRole("button", { name: "Confirmer le retrait" }).click();
  // Only what just happened is said: not the earlier "Candidature envoyée" as well.
  await expect(page.getByRole("status")).toHaveText(/^Candidature retirée\./);
  await expect(sent).toContainText("Étape : Retirée");
  await page.goto(offerPath);
  await page.getByRole("link", { name: "Postuler" }).click();
  await page.getByLabel("Votre message à l'entreprise").fill("Je reviens vers vous : le poste m'intéresse toujours.");
  await page.getByRole("button", { name: "Envoyer ma candidature" }).click();
  await expect(page.getByText("Candidature envoyée.")).toBeVisible();
  await expect(sent).toHaveCount(1);
  await expect(sent).toContainText("Étape : Envoyée");
  await page.goto("/etudiant");
  await expect(page.getByRole("listitem").filter({ hasText: "Mes candidatures" })).toHaveText("Mes candidatures (2)");
  await logOut(page);

  // Open, the offer is found by its title; closed, it leaves the search within moments (the index
  // follows the database through the outbox).
  const found = async () =>
    (await (await page.request.get(`/offres?${new URLSearchParams({ q: offer.title })}`)).text()).includes(`href="${offerPath}`);
  await expect.poll(found, { timeout: 20_000 }).toBe(true);

  // Closing is asked first, with what it does to the application under way.
  await logIn(page, e2eRecruiter.email, e2eRecruiter.password);
  await page.goto("/entreprise");
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: offer.title, exact: true }) });
  await row.getByRole("button", { name: "Clôturer" }).click();
  const question = page.getByRole("region", { name: `Clôturer « ${offer.title} » ?` });
  await expect(question).toContainText("1 candidature en cours sera close et le candidat prévenu par courriel.");
  await expect(row).toContainText("Publiée");
  await question.getByRole("button", { name: "Clôturer" }).click();
  const done = page.getByRole("status").filter({ hasText: `« ${offer.title} » est clôturée` });
  await expect(done).toContainText("1 candidature en cours a été close, avec un courriel.");
  await expect(done.getByRole("button", { name: "Annuler : rouvrir l'offre en brouillon" })).toBeVisible();
  await expect.poll(found, { timeout: 20_000 }).toBe(false);
  await logOut(page);

  const ended = await waitForMail(student.email, new RegExp(`^Votre candidature « ${escaped(offer.title)} » : non retenue$`));
  expect(ended.text).toContain("L'entreprise a clôturé cette offre : elle ne recrute plus sur ce poste.");

  // The student's application leads to the closed offer's page, which says so.
  await logIn(page, student.email, student.password);
  await page.goto("/etudiant");
  await expect(page.getByRole("listitem").filter({ hasText: "Mes candidatures" })).toHaveText("Mes candidatures (2, dont 1 en cours)");
  await page.goto("/etudiant/candidatures");
  const mine = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: offer.title, exact: true }) });
  await expect(mine).toContainText("Étape : Non retenue");
  await expect(mine.getByRole("button", { name: /^Retirer/ })).toHaveCount(0);
  await mine.getByRole("link", { name: offer.title, exact: true }).click();
  await expect(page.getByRole("heading", { name: offer.title, level: 1 })).toBeVisible();
  await expect(page.getByText(/^Cette offre est close depuis le \d{1,2} \S+ \d{4} : elle n'accepte plus de candidatures\./)).toBeVisible();
  await expect(page.getByRole("link", { name: "Postuler", exact: true })).toHaveCount(0);
  await logOut(page);

  // The company takes it back: the offer returns as a draft.
  await logIn(page, e2eRecruiter.email, e2eRecruiter.password);
  await page.goto("/entreprise");
  await expect(row).toContainText("Clôturée");
  await row.getByRole("button", { name: "Rouvrir" }).click();
  await expect(page.getByRole("status").filter({ hasText: `« ${offer.title} » est rouverte en brouillon` })).toBeVisible();
  await expect(row).toContainText("Brouillon");
});

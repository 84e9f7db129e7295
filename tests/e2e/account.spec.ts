import { expect, test } from "@playwright/test";
import { logIn, logOut, signUp, waitForMail } from "./support";

test("a student changes her password from the header: she is told by mail, and only the new one opens her account", async ({ page }, testInfo) => {
  const email = `mot-de-passe-${testInfo.project.name}-${Date.now().toString(36)}@ecole.test`;
  const oldPassword = "Premiere-phrase-de-passe";
  const newPassword = "Seconde-phrase-de-passe";
  await signUp(page, { profile: "Étudiant ou jeune diplômé", firstName: "Chloé", lastName: "Bernard", email, password: oldPassword });

  await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Mot de passe" }).click();
  await expect(page.getByRole("heading", { name: "Changer de mot de passe", level: 1 })).toBeVisible();
  await page.getByLabel("Mot de passe actuel").fill("Pas-le-bon-mot-de-passe");
  await page.getByLabel("Nouveau mot de passe", { exact: true }).fill(newPassword);
  await page.getByLabel("Confirmez le nouveau mot de passe").fill(newPassword);
  await page.getByRole("button", { name: "Changer le mot de passe" }).click();
  await expect(page.getByText("Ce n'est pas votre mot de passe actuel.")).toBeVisible();

  await page.getByLabel("Mot de passe actuel").fill(oldPassword);
  await page.getByLabel("Nouveau mot de passe", { exact: true }).fill(newPassword);
  await page.getByLabel("Confirmez le nouveau mot de passe").fill(newPassword);
  await page.getByRole("button", { name: "Changer le mot de passe" }).click();
  await expect(page.getByRole("status")).toContainText(`Mot de passe modifié. Vos autres sessions ont été fermées, et un message le confirme à ${email}.`);
  const notice = await waitForMail(email, /^Votre mot de passe VTE a été modifié$/);
  expect(notice.text).toContain("/mot-de-passe-oublie");

  await logOut(page);
  await page.goto("/connexion");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(oldPassword);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByText("Adresse e-mail ou mot de passe incorrect.")).toBeVisible();
  await logIn(page, email, newPassword);
  await expect(page).toHaveURL(/\/etudiant$/);
});

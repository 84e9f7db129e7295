import { expect, test } from "@playwright/test";
import { logIn, logOut, signUp, waitForMail } from "./support";

test("a student changes her password from the header: she is told by mail, and only the new one opens her account", async ({
  page,
}, testInfo) => {
  const email = `mot-de-passe-${testInfo.project.name}-${Date.now().toString(36)}@ecole.test`;
  const oldPassword = "Premiere-phrase-de-passe";
  const newPassword = "Seconde-phrase-de-passe";
  await signUp(page, { profile: "Étudiant ou jeune diplômé", firstName: "Chloé", lastName: "Bernard", email, password: oldPassword });

  await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Mot de passe" }).click();
  await expect(page.getByRole("heading", { name: "Changer de mot de passe", level: 1 })).toBeVisible();
  const fillIn = async (current: string, confirmation: string) => {
    await page.getByLabel("Mot de passe actuel").fill(current);
    await page.getByLabel("Nouveau mot de passe", { exact: true }).fill(newPassword);
    await page.getByLabel("Confirmez le nouveau mot de passe").fill(confirmation);
    await page.getByRole("button", { name: "Changer le mot de passe" }).click();
  };
  await fillIn("Pas-le-bon-mot-de-passe", "Seconde-phrase-de-pass");
  await expect(page.getByText("Les deux mots de passe ne sont pas identiques.")).toBeVisible();
  // The click right after fixing the confirmation must submit (the message going away must not move the button first).
  await fillIn("Pas-le-bon-mot-de-passe", newPassword);
  await expect(page.getByText("Ce n'est pas votre mot de passe actuel.")).toBeVisible();
  await fillIn(oldPassword, newPassword);
  await expect(page.getByRole("status")).toContainText(
    `Mot de passe modifié. Vos autres sessions ont été fermées, et un message le confirme à ${email}.`,
  );
  for (const label of ["Mot de passe actuel", "Nouveau mot de passe", "Confirmez le nouveau mot de passe"]) {
    await expect(page.getByLabel(label, { exact: true })).toHaveValue("");
  }
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

test("a student who forgot her password chooses a new one from the mailed link, and is signed in with it", async ({ page }, testInfo) => {
  const email = `oubli-${testInfo.project.name}-${Date.now().toString(36)}@ecole.test`;
  const newPassword = "Une-phrase-retrouvee";
  await signUp(page, {
    profile: "Étudiant ou jeune diplômé",
    firstName: "Léna",
    lastName: "Garnier",
    email,
    password: "Une-phrase-oubliee",
  });
  await logOut(page);

  await page.goto("/connexion");
  await page.getByRole("link", { name: "Mot de passe oublié ?" }).click();
  await page.getByLabel("Adresse e-mail de votre compte").fill(email);
  await page.getByRole("button", { name: "Recevoir un lien" }).click();
  await expect(page.getByRole("status")).toContainText("Si un compte existe avec cette adresse");
  const mail = await waitForMail(email, /^Réinitialiser votre mot de passe VTE$/);
  await page.goto(new URL(/https?:\/\/\S+\/mot-de-passe-oublie\/\w+/.exec(mail.text)?.[0] as string).pathname);

  const fillIn = async (confirmation: string) => {
    await page.getByLabel("Nouveau mot de passe").fill(newPassword);
    await page.getByLabel("Confirmez le mot de passe").fill(confirmation);
    await page.getByRole("button", { name: "Enregistrer" }).click();
  };
  await fillIn("Une-phrase-retrouve");
  await expect(page.getByText("Les deux mots de passe ne sont pas identiques.")).toBeVisible();
  await fillIn(newPassword);
  await expect(page).toHaveURL(/\/etudiant$/);
  await logOut(page);
  await logIn(page, email, newPassword);
});

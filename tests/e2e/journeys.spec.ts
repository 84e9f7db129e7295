// The small surprises of the everyday journeys, gone: the ways in from the home page, the header,
// an anonymous visitor's alert, the filters on a phone, the eligibility labels. With and without
// JavaScript.
import { expect, test } from "@playwright/test";

test("the home page searches, and each audience has its way in", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("search", { name: "Chercher une offre VTE" }).getByLabel("Métier, compétence, entreprise…").fill("ingénieur");
  await page.getByRole("button", { name: "Chercher une offre" }).click();
  await expect(page).toHaveURL(/\/offres\?q=ing%C3%A9nieur/);
  await expect(page.getByRole("heading", { name: /^[\d  ]+ offres?/ })).toBeVisible();

  await page.goto("/");
  await page.getByRole("link", { name: "Inscrire mon entreprise" }).click();
  await expect(page.getByLabel("Entreprise (PME ou ETI)")).toBeChecked();
  await page.goto("/");
  await page.getByRole("link", { name: "Créer un compte école" }).click();
  await expect(page.getByLabel("École", { exact: false }).first()).toBeChecked();
  await page.goto("/");
  await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Statistiques" }).click();
  await expect(page).toHaveURL(/\/statistiques$/);
});

test("an anonymous visitor is offered an alert for the search, and comes back to it after logging in", async ({ page }) => {
  await page.goto("/offres?q=qualite&region=84");
  const offer = page.getByText("Recevez les nouvelles offres de cette recherche par e-mail");
  await expect(offer).toBeVisible();
  await offer.getByRole("link", { name: "connectez-vous" }).click();
  await expect(page).toHaveURL(/\/connexion\?redirectTo=%2Foffres%3Fq%3Dqualite%26region%3D84/);
});

test("on a phone the results come first; the filters open with their button", async ({ page, javaScriptEnabled }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/offres?q=ingenieur&region=84");
  const filters = page.getByRole("region", { name: "Filtres" });
  await expect(filters).toBeHidden();
  const firstResult = page.locator(".offer-card").first();
  await expect(firstResult).toBeVisible();
  // The first result starts within the first screen.
  expect((await firstResult.boundingBox())?.y ?? 9999).toBeLessThan(740);
  await page.getByText(/^Filtres \(\d+ choisis?\)$/).click();
  await expect(filters).toBeVisible();
  await expect(filters.getByRole("group", { name: "Région" }).getByLabel(/^Auvergne-Rhône-Alpes/)).toBeChecked();
  if (javaScriptEnabled) {
    // A filter ticked there applies at once, and the filters stay open for the next one.
    await filters.getByRole("group", { name: "Contrat" }).getByRole("checkbox").first().check();
    await expect(page).toHaveURL(/contrat=/);
    await expect(page.getByText(/^Filtres \(2 choisis\)$/)).toBeVisible();
    await expect(filters).toBeVisible();
  }
});

test("an eligible offer's panel lists its labels apart: no VTE Vert is not a failed condition", async ({ page }) => {
  await page.goto("/offres?q=ingenieur");
  await page
    .locator(".offer-card")
    .filter({ has: page.locator(".badge-vte") })
    .first()
    .locator("a")
    .first()
    .click();
  const panel = page.getByRole("region", { name: "Éligibilité au VTE" });
  await expect(panel).toContainText("Labels");
  await expect(panel.getByText("Non respecté", { exact: false })).toHaveCount(0);
});

test("the stylesheet inside the page applies under the site's security policy, and still does after moving on", async ({
  page,
  javaScriptEnabled,
}) => {
  const refused: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
  });
  await page.goto("/offres?q=ingenieur");
  const marine = "rgb(0, 0, 145)";
  const search = page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Offres" });
  await expect(search).toHaveCSS("color", marine);
  await expect(page.locator(".offer-card").first()).toHaveCSS("border-top-style", "solid");
  if (javaScriptEnabled) {
    // A live update of the results, read and swapped in under the page's policy.
    await page.getByRole("group", { name: "Région" }).getByRole("checkbox").first().check();
    await expect(page).toHaveURL(/region=/);
    await expect(page.locator(".offer-card").first()).toHaveCSS("border-top-style", "solid");
  }
  await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Territoires d'industrie" }).click();
  await expect(page).toHaveURL(/\/territoires$/);
  await expect(search).toHaveCSS("color", marine);
  expect(refused).toEqual([]);
});

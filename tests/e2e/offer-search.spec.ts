// The search page as people use it, with JavaScript on and off: text, a region and a contract, then
// a facet click, page 2, and the back button brings the previous state back. Then an offer page.
import { expect, test, type Page } from "@playwright/test";
import { contractTypes } from "#app/domain/codes";

/**
 * Waits until the page shows the result count the server renders for the page's URL, and returns it:
 * with JavaScript the URL changes before the new results render, so the URL alone proves nothing.
 */
async function showsCountOfItsUrl(page: Page): Promise<string> {
  const html = await (await page.request.get(page.url())).text();
  const expected = /id="resultats"[^>]*>([^<]*)</.exec(html)?.[1] ?? "no result count in the server's page";
  await expect(page.locator("#resultats")).toHaveText(expected);
  return expected;
}

// The app builds its search index in the background after start (outbox job): wait for it.
test.beforeAll(async ({ request }) => {
  await expect
    .poll(
      async () =>
        (await (await request.get("/offres.data")).text()).includes('"total"') &&
        !(await (await request.get("/offres")).text()).includes(">0 offre<"),
      { timeout: 60_000 },
    )
    .toBe(true);
});

test("a student narrows a search, pages through it, and goes back", async ({ page, javaScriptEnabled }) => {
  const apply = async () => {
    // Without JavaScript the filters apply with the button; with it they apply as they change.
    if (!javaScriptEnabled) await page.getByRole("button", { name: "Appliquer les filtres" }).click();
  };
  const count = page.locator("#resultats");

  await page.goto("/offres");
  await page.getByLabel("Métier, compétence, entreprise…").fill("ingénieur");
  if (javaScriptEnabled) await expect(page).toHaveURL(/q=ing%C3%A9nieur/);
  else await page.getByRole("button", { name: "Rechercher" }).click();
  await showsCountOfItsUrl(page);

  const filters = page.getByRole("region", { name: "Filtres" });
  // The facet says each contract as codes.ts words it.
  await filters
    .getByRole("group", { name: "Contrat" })
    .getByLabel(new RegExp(`^${contractTypes.CDI.label} \\(`))
    .check();
  await apply();
  await expect(page).toHaveURL(/contrat=cdi/);
  await showsCountOfItsUrl(page);
  await filters
    .getByRole("group", { name: "Région" })
    .getByLabel(/^Auvergne-Rhône-Alpes/)
    .check();
  await apply();
  await expect(page).toHaveURL(/region=84/);
  const narrowed = await showsCountOfItsUrl(page);

  // A facet click: a second region widens the search (counts are disjunctive).
  const hauts = filters.getByRole("group", { name: "Région" }).getByLabel(/^Hauts-de-France/);
  await expect(hauts).toHaveAccessibleName(/\(\d+\)/);
  await hauts.check();
  await apply();
  await expect(page).toHaveURL(/region=84&region=32|region=32&region=84/);
  const widened = await showsCountOfItsUrl(page);
  expect(widened).not.toBe(narrowed);
  const firstTitle = await page.getByRole("listitem").getByRole("heading", { level: 3 }).first().textContent();

  await page.getByRole("link", { name: "Page suivante" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByText(/Page 2 sur/)).toBeVisible();
  await expect(page.getByRole("listitem").getByRole("heading", { level: 3 }).first()).not.toHaveText(firstTitle as string);

  await page.goBack();
  await expect(page).not.toHaveURL(/page=2/);
  await expect(count).toHaveText(widened);
  await expect(filters.getByRole("group", { name: "Région" }).getByLabel(/^Hauts-de-France/)).toBeChecked();
  await expect(page.getByLabel("Métier, compétence, entreprise…")).toHaveValue("ingénieur");
});

test("with JavaScript the results follow the form without losing the person's place", async ({ page, javaScriptEnabled }) => {
  test.skip(!javaScriptEnabled, "the live updates are the script's; without it the buttons apply (above)");
  // Arriving from a page that runs the framework, the search page still loads as a document, with its own script.
  await page.goto("/connexion");
  await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Offres" }).click();
  await expect(page).toHaveURL(/\/offres$/);
  await expect.poll(() => page.evaluate(() => typeof (window as { htmx?: unknown }).htmx)).toBe("object");
  expect(await page.evaluate(() => "__remixContext" in window)).toBe(false);

  const box = page.getByLabel("Métier, compétence, entreprise…");
  await box.pressSequentially("chaudronn");
  await expect(page.locator("#q-metiers option").first()).toHaveAttribute("value", /chaudronn/i);
  await expect(page).toHaveURL(/q=chaudronn/);
  let count = await showsCountOfItsUrl(page);
  await expect(page.locator("#annonce-resultats")).toHaveText(count);
  // Typing on after an update keeps every letter.
  await box.pressSequentially("ier");
  await expect(page).toHaveURL(/q=chaudronnier/);
  await showsCountOfItsUrl(page);
  await expect(box).toHaveValue("chaudronnier");
  await expect(box).toBeFocused();

  const cdi = page
    .getByRole("region", { name: "Filtres" })
    .getByRole("group", { name: "Contrat" })
    .getByLabel(new RegExp(`^${contractTypes.CDI.label} \\(`));
  await cdi.check();
  await expect(page).toHaveURL(/contrat=cdi/);
  count = await showsCountOfItsUrl(page);
  // The box just ticked keeps the focus, and the new count is said.
  await expect(cdi).toBeFocused();
  await expect(cdi).toBeChecked();
  await expect(page.locator("#annonce-resultats")).toHaveText(count);
  await expect(page).toHaveTitle(/« chaudronnier »/);
});

test("an offer page carries its schema.org JobPosting", async ({ page }) => {
  await page.goto("/offres?q=ing%C3%A9nieur");
  await page.getByRole("listitem").getByRole("heading", { level: 3 }).getByRole("link").first().click();
  // The offer's address carries the search it came from, for its "Offres" link back.
  await expect(page).toHaveURL(/\/offres\/[\w-]+\?depuis=/);
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) as string);
  expect(jsonLd).toMatchObject({
    "@context": "https://schema.org",
    "@type": "JobPosting",
    title: await page.getByRole("heading", { level: 1 }).textContent(),
    hiringOrganization: { "@type": "Organization" },
    jobLocation: { "@type": "Place", address: { "@type": "PostalAddress", addressCountry: "FR" } },
  });
  expect(Date.parse(jsonLd.datePosted)).not.toBeNaN();
  expect(Date.parse(jsonLd.validThrough)).toBeGreaterThan(Date.now());
  expect(jsonLd.employmentType.length).toBeGreaterThan(0);
  expect(jsonLd.jobLocation.geo).toMatchObject({ "@type": "GeoCoordinates" });
  await expect(page.getByRole("region", { name: "Éligibilité au VTE" })).toBeVisible();
});

test("a sector narrows to one of its NAF divisions", async ({ page, javaScriptEnabled }) => {
  await page.goto("/offres");
  const filters = page.getByRole("region", { name: "Filtres" });
  await filters
    .getByRole("group", { name: "Secteur d'activité" })
    .getByLabel(/^Industrie manufacturière/)
    .check();
  if (!javaScriptEnabled) await page.getByRole("button", { name: "Appliquer les filtres" }).click();
  await expect(page).toHaveURL(/secteur=C/);
  const divisions = filters.getByRole("group", { name: "Préciser la division" });
  const first = divisions.getByRole("checkbox").first();
  const name = (await first.evaluate((input) => input.closest("label")?.textContent ?? "")) as string;
  const expected = Number(/\(([\d\s\u202f]+)\)$/.exec(name)?.[1]?.replace(/\D/g, ""));
  await first.check();
  if (!javaScriptEnabled) await page.getByRole("button", { name: "Appliquer les filtres" }).click();
  await expect(page).toHaveURL(/secteur=C&secteur=\d{2}/);
  await expect(page.locator("#resultats")).toHaveText(new RegExp(`^${expected.toLocaleString("fr-FR").replace(/\s/g, "\\s")} offres?`));
});

test("'chaudronnier', in no title, finds the boilermaking offers, and their page explains the métier", async ({ page }) => {
  await page.goto("/offres?q=chaudronnier");
  await expect(page.getByRole("heading", { name: /^[\d  ]+ offres?$/ })).toBeVisible();
  await page.getByRole("listitem").getByRole("heading", { level: 3 }).getByRole("link").first().click();
  const metier = page.getByRole("group").filter({ hasText: "Le métier : Chaudronnier / Chaudronnière" });
  const definition = page.getByText(/^Réalise des ouvrages, structures chaudronnés/);
  await expect(definition).toBeHidden();
  await page.getByText("Le métier : Chaudronnier / Chaudronnière").click();
  await expect(definition).toBeVisible();
  await expect(metier.getByRole("heading", { name: "Accès au métier" })).toBeVisible();
});

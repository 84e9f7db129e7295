import { expect, test } from "@playwright/test";

test("the home page says what the VTE is and for whom", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Le Volontariat Territorial en Entreprise");
  for (const audience of ["Étudiants et jeunes diplômés", "PME et ETI", "Écoles", "Bpifrance et les régions"]) {
    await expect(page.getByRole("heading", { name: audience })).toBeVisible();
  }
  await expect(page.getByText("Territoires d'industrie", { exact: true }).first()).toBeVisible();
});

test("a visitor goes from the home page to the territories in force in their region, then to Roannais Forez and back to Roanne - Tarare", async ({
  page,
}) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Découvrir les Territoires d'industrie" }).click();
  await expect(page).toHaveURL(/\/territoires$/);
  await expect(page.getByText(/183 territoires de la liste 2023–2027 dans 18 régions/)).toBeVisible();
  // The map, drawn on the server: every territory of the list is a link, with or without JavaScript.
  await expect(page.locator("svg a[href^='/territoires/2023-2027/']")).toHaveCount(183);
  await expect(page.getByRole("navigation", { name: "Régions" }).getByRole("link")).toHaveCount(18);
  await page.getByRole("navigation", { name: "Régions" }).getByRole("link", { name: "Auvergne-Rhône-Alpes" }).click();
  await expect(page.getByRole("heading", { name: /^Auvergne-Rhône-Alpes \(\d+ territoires\)$/ })).toBeVisible();
  // Sorted by placements: the first row has the most.
  await page.getByRole("link", { name: "Placements", exact: true }).click();
  await expect(page).toHaveURL(/region=84&tri=placements/);
  // With JavaScript the URL changes before the new table is rendered: wait for the table itself.
  await expect(page.locator("caption")).toHaveText(/triés par placements/);
  const placements = (await page.locator("tbody tr td:nth-child(3)").allTextContents()).map((t) => Number(t.replace(/\s/g, "")));
  expect(placements.length).toBeGreaterThan(5);
  expect(placements).toEqual([...placements].sort((a, b) => b - a));
  await page.getByRole("link", { name: "Roannais Forez", exact: true }).click();
  await expect(page).toHaveURL(/\/territoires\/2023-2027\/ti-8417$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Roannais Forez");
  await expect(page.getByText("CA Roannais Agglomération")).toBeVisible();
  // Its lineage: the territory of the first list it comes from.
  await page.getByRole("link", { name: "Roanne - Tarare (2019–2022)" }).click();
  await expect(page).toHaveURL(/\/territoires\/2019-2022\/ti-8411$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Roanne - Tarare");
});

test("an unknown territory answers a French 404 page, not an error trace", async ({ page }) => {
  const response = await page.goto("/territoires/ti-0000");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
  await expect(page.locator("body")).not.toContainText("Error:");
});

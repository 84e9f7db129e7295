// Issue 6's loop, with JavaScript on and off: the company hires the student who applied in the
// matching flow (run before this file in each project); /pilotage, for Roannais Forez (the
// territory in force for Roanne) and for the whole country, shows one more placement; undoing the
// hire brings both back. The public page of the territory never shows a count from 1 to 4.
import { expect, test, type Page } from "@playwright/test";
import { e2eMatchOffer, e2eOperator, e2eRecruiter, e2eStudent } from "./accounts";
import { logIn, logOut } from "./support";

/** The figure under a label of a "dl" of cards, as a number. */
async function figure(page: Page, label: string): Promise<number> {
  const text = await page
    .locator("dt", { hasText: new RegExp(`^${label}$`) })
    .first()
    .locator("xpath=following-sibling::dd[1]")
    .textContent();
  return Number((text ?? "").replace(/\s/g, ""));
}

/** Operators see exact numbers: the placements of the last 12 months, nationally or in one territory. */
async function dashboardPlacements(page: Page, territory?: string) {
  await logIn(page, e2eOperator.email, e2eOperator.password);
  await page.goto(territory ? `/pilotage?territoire=${encodeURIComponent(territory)}` : "/pilotage");
  const value = await figure(page, "Placements");
  await logOut(page);
  return value;
}

const territoryPlacements = (page: Page) => dashboardPlacements(page, "2023-2027/ti-8417");

/** The public page shows a published count or "moins de 5", never 1 to 4. */
async function publicTerritoryPlacements(page: Page) {
  await page.goto("/territoires/2023-2027/ti-8417");
  const text =
    (await page
      .locator("dt", { hasText: /^Placements$/ })
      .first()
      .locator("xpath=following-sibling::dd[1]")
      .textContent()) ?? "";
  return text.trim();
}

async function moveTo(page: Page, studentName: string, stage: string, javaScriptEnabled: boolean) {
  await logIn(page, e2eRecruiter.email, e2eRecruiter.password);
  await page.goto("/entreprise");
  await page.getByRole("link", { name: new RegExp(`^Candidatures et profils pour ${e2eMatchOffer.title}`) }).click();
  await page.getByRole("link", { name: studentName }).click();
  // With JavaScript the hire's contract is asked only once "Recrutée" is chosen; without it the
  // page cannot follow the choice and shows the block "En cas de recrutement : le contrat".
  if (stage === "Recrutée" && javaScriptEnabled) await expect(page.getByLabel("Type de contrat")).toHaveCount(0);
  await page.getByLabel("Nouvelle étape").selectOption({ label: stage });
}

test("a hire adds a placement to Roannais Forez and to the dashboard; undoing it takes it back", async ({
  page,
  javaScriptEnabled,
}, testInfo) => {
  const student = e2eStudent(testInfo.project.name);
  const studentName = `${student.firstName} ${student.lastName}`;
  const territoryBefore = await territoryPlacements(page);
  const dashboardBefore = await dashboardPlacements(page);

  await moveTo(page, studentName, "Recrutée", javaScriptEnabled);
  await expect(page.getByLabel("Type de contrat")).toHaveValue("CDI");
  await page.getByLabel("Rémunération").selectOption({ label: "de 30 000 à 35 000 €" });
  await page.getByRole("button", { name: "Enregistrer l'étape" }).click();
  await expect(page.getByText(/Recrutement enregistré : CDI à partir du/)).toBeVisible();
  await logOut(page);

  expect(await territoryPlacements(page)).toBe(territoryBefore + 1);
  expect(await dashboardPlacements(page)).toBe(dashboardBefore + 1);
  const shown = await publicTerritoryPlacements(page);
  expect(territoryBefore + 1 < 5 ? shown === "moins de 5" : Number(shown.replace(/\s/g, "")) === territoryBefore + 1).toBe(true);

  await moveTo(page, studentName, "Proposition faite", javaScriptEnabled);
  await page.getByRole("button", { name: "Enregistrer l'étape" }).click();
  await expect(page.getByText(/Étape : Proposition faite/)).toBeVisible();
  await expect(page.getByText(/Recrutement enregistré/)).toHaveCount(0);
  await logOut(page);

  expect(await territoryPlacements(page)).toBe(territoryBefore);
  expect(await dashboardPlacements(page)).toBe(dashboardBefore);
});

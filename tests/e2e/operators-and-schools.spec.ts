// What the programme's operators and a school's staff see, with JavaScript on and off: the
// moderation queue in pages, the dashboard's filters saying what they do, exports that hold every
// row, a school registered with a confirmation, and a school's list of its own students.
import { expect, test } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { e2eOperator, e2eSchoolStaff, e2eSchoolStudents } from "./accounts";
import { logIn } from "./support";

test("the moderation queue shows 50 offers a page, oldest first, with its count and the way to the next page", async ({ page }) => {
  await logIn(page, e2eOperator.email, e2eOperator.password);
  await page.goto("/pilotage/moderation");
  const summary = page.getByText(/^[\d  ]+ offres en attente, la plus ancienne d'abord \(page 1 sur \d+\)\.$/);
  await expect(summary).toBeVisible();
  const pages = Number(/sur (\d+)\)/.exec((await summary.textContent()) as string)?.[1]);
  expect(pages).toBeGreaterThan(1);
  const offers = page.locator("article h2");
  await expect(offers).toHaveCount(50);
  const firstOfPageOne = (await offers.first().getAttribute("id")) as string;

  const paging = page.getByRole("navigation", { name: "Pages de la file" });
  await expect(paging.getByText(`Page 1 sur ${pages}`)).toBeVisible();
  await expect(paging.getByRole("link", { name: "Page précédente" })).toHaveCount(0);
  await paging.getByRole("link", { name: "Page suivante" }).click();
  await expect(page).toHaveURL(/[?&]page=2/);
  await expect(paging.getByText(`Page 2 sur ${pages}`)).toBeVisible();
  await expect(offers.first()).not.toHaveAttribute("id", firstOfPageOne);
  await paging.getByRole("link", { name: "Page précédente" }).click();
  await expect(offers.first()).toHaveAttribute("id", firstOfPageOne);
});

test("the dashboard offers only the chosen region's territories, says when filters cannot meet, and exports every row", async ({
  page,
}) => {
  await logIn(page, e2eOperator.email, e2eOperator.password);
  await page.goto("/pilotage");
  const territory = page.getByLabel("Territoire d'industrie");
  await expect(territory.locator("option", { hasText: /^Finistère$/ })).toHaveCount(1);
  const everyTerritory = await territory.locator("option").count();

  await page.getByLabel("Région").selectOption({ label: "Auvergne-Rhône-Alpes" });
  await page.getByRole("button", { name: "Appliquer" }).click();
  await expect(page).toHaveURL(/region=84/);
  await expect(territory.locator("option", { hasText: /^Finistère$/ })).toHaveCount(0);
  await expect(territory.locator("option", { hasText: /^Roannais Forez$/ })).toHaveCount(1);
  expect(await territory.locator("option").count()).toBeLessThan(everyTerritory);

  // A link kept from before can still hold both: the page says why every figure is empty.
  await page.goto("/pilotage?region=84&territoire=2023-2027%2Fti-5304");
  await expect(page.getByRole("alert")).toHaveText(
    "Finistère n'est pas en Auvergne-Rhône-Alpes : aucun chiffre ne peut répondre aux deux filtres. Retirez l'un des deux.",
  );

  // The school kind narrows applications and placements, not the offers: the page says so.
  await page.goto("/pilotage");
  await expect(page.getByRole("note")).toHaveCount(0);
  await page.getByLabel("Type d'école").selectOption({ index: 1 });
  await page.getByRole("button", { name: "Appliquer" }).click();
  await expect(page.getByRole("note")).toContainText("Le type d'école s'applique aux candidatures et aux placements");

  // The territory export holds every territory with placements (the page shows ten at most; the
  // integration tests check an export past ten), with the page's counts.
  await page.goto("/pilotage?periode=36");
  const table = page
    .getByRole("table")
    .filter({ has: page.getByRole("columnheader", { name: "Nom" }) })
    .first();
  const shown = (await table.locator("tbody tr").allInnerTexts()).map((row) => row.replace(/\s+/g, " ").trim());
  expect(shown.length).toBeGreaterThan(0);
  const href = (await page.getByRole("link", { name: "territoires", exact: true }).getAttribute("href")) as string;
  expect(href).toContain("periode=36");
  const rows: string[][] = parse(await (await page.request.get(href)).text(), { delimiter: ";", bom: true, fromLine: 2 });
  // Fewer than ten on the page is every territory with placements: the export holds no more.
  expect(rows.length).toBe(shown.length < 10 ? shown.length : rows.length);
  expect(rows.length).toBeGreaterThanOrEqual(shown.length);
  expect(rows.slice(0, shown.length).map(([, name, placements]) => `${name} ${placements}`)).toEqual(shown);
});

test("registering a school refuses a public mail domain at its field, then confirms and empties the form", async ({ page }, testInfo) => {
  const project = testInfo.project.name;
  const name = `École des essais (${project})`;
  // One school per establishment: each project registers its own.
  const acronym = project === "avec-js" ? "ENSAM" : "INSA Lyon";
  await logIn(page, e2eOperator.email, e2eOperator.password);
  await page.goto("/pilotage/ecoles");
  const establishment = page.getByLabel("Établissement du référentiel (nom, sigle ou code UAI)");
  await page.getByLabel("Nom de l'école").fill(name);
  await establishment.fill(acronym);
  if (project === "avec-js") {
    // Suggestions as the operator types.
    await expect(page.locator("#etablissements-ecole option").first()).toHaveAttribute("value", /Arts et Métiers/);
  }
  await page.getByLabel("Domaines des adresses des étudiants (séparés par des virgules)").fill(`etu.essais-${project}.test`);
  const staffDomains = page.getByLabel("Domaines des adresses du personnel (inscription comme école, validée ensuite)");
  await staffDomains.fill("gmail.com");
  await page.getByRole("button", { name: "Enregistrer l'école" }).click();
  await expect(staffDomains).toHaveAccessibleDescription(/gmail\.com est une messagerie ouverte à tous/);
  await expect(page.getByLabel("Nom de l'école")).toHaveValue(name);
  await expect(establishment).toHaveValue(acronym);

  await staffDomains.fill(`essais-${project}.test`);
  await page.getByRole("button", { name: "Enregistrer l'école" }).click();
  await expect(page.getByRole("status")).toHaveText(
    `« ${name} » est enregistrée : son personnel peut s'inscrire avec une adresse de ses domaines.`,
  );
  await expect(page.getByLabel("Nom de l'école")).toHaveValue("");
  await expect(staffDomains).toHaveValue("");
  const establishmentName =
    project === "avec-js" ? "Arts et Métiers Sciences et Technologies" : "Institut national des sciences appliquées de Lyon";
  await expect(page.getByRole("row").filter({ has: page.getByRole("link", { name, exact: true }) })).toContainText(establishmentName);

  // The same establishment again is said at its field.
  await page.getByLabel("Nom de l'école").fill(`${name}, bis`);
  await establishment.fill(acronym);
  await page.getByLabel("Domaines des adresses des étudiants (séparés par des virgules)").fill(`etu.bis-${project}.test`);
  await staffDomains.fill(`bis-${project}.test`);
  await page.getByRole("button", { name: "Enregistrer l'école" }).click();
  await expect(establishment).toHaveAccessibleDescription(
    `${establishmentName} est déjà enregistré sous le nom « ${name} » : modifiez ses domaines dans la liste des écoles.`,
  );
  await expect(page.getByLabel("Nom de l'école")).toHaveValue(`${name}, bis`);
});

test("a school's staff see the list of their own students, and no one else's", async ({ page }) => {
  await logIn(page, e2eSchoolStaff.email, e2eSchoolStaff.password);
  await page.goto("/ecole");
  const students = page.getByRole("table").filter({ has: page.getByRole("columnheader", { name: "Étudiant" }) });
  const row = (student: { firstName: string; lastName: string }) =>
    students.getByRole("row").filter({ has: page.getByRole("cell", { name: `${student.firstName} ${student.lastName}`, exact: true }) });
  await expect(row(e2eSchoolStudents.complete)).toHaveText(/complet\s*0 \(0\)\s*0$/);
  await expect(row(e2eSchoolStudents.incomplete)).toContainText("à compléter");
  // Her address is the school's, but her profile names another establishment.
  await expect(row(e2eSchoolStudents.elsewhere)).toHaveCount(0);
  await expect(page.getByText(/jamais leurs messages ni leur CV\.$/)).toBeVisible();
});

// axe runs inside the page, so this file runs only in the project with JavaScript.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { legalPages } from "#app/components/legal-pages";
import { rolePages } from "#tests/role-pages";
import { e2eOperator, e2eRecruiter, e2eSchoolStaff, e2eStudent } from "./accounts";
import { logIn, logOut } from "./support";

// One test per public page: axe takes 2 to 4 s a page on this machine, and a failure names its page.
for (const url of [
  "/",
  "/territoires",
  "/territoires/ti-8411",
  "/offres",
  "/offres?q=qualite&region=84",
  "/connexion",
  "/inscription",
  "/statistiques",
  "/territoires?tri=placements",
  ...legalPages.map((page) => page.to),
]) {
  test(`the public page ${url} has no accessibility violation that axe can detect`, async ({ page }) => {
    await page.goto(url);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${url}: ${v.id} (${v.nodes.length})`)).toEqual([]);
  });
}

test("the student, company and operator pages have no accessibility violation that axe can detect", async ({ page }) => {
  // Twelve pages behind three log-ins, axe on each: more than one flow's 30 s.
  test.setTimeout(120_000);
  const check = async (url: string) => {
    await page.goto(url);
    const results = await new AxeBuilder({ page }).analyze();
    expect(
      results.violations.map((v) => `${url}: ${v.id} (${v.nodes.length}) ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    ).toEqual([]);
  };
  const student = e2eStudent("avec-js");
  await logIn(page, student.email, student.password);
  for (const url of rolePages.student) await check(url);
  await logOut(page);
  await logIn(page, e2eRecruiter.email, e2eRecruiter.password);
  await check("/entreprise");
  await page
    .getByRole("link", { name: /^Candidatures et profils pour / })
    .first()
    .click();
  // With JavaScript the click returns before the URL changes: wait for it, or axe checks /entreprise twice.
  await expect(page).toHaveURL(/\/entreprise\/offres\/[^/]+\/candidatures$/);
  await check(page.url());
  await logOut(page);
  await logIn(page, e2eSchoolStaff.email, e2eSchoolStaff.password);
  await check("/ecole");
  await logOut(page);
  await logIn(page, e2eOperator.email, e2eOperator.password);
  for (const url of ["/pilotage", "/pilotage?region=84&periode=24", "/pilotage/ecoles", "/pilotage/moderation"]) await check(url);
});

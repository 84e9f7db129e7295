// Personal data (issue 15): no page of the site, public or behind a log-in, calls another origin,
// and the only cookie is the session cookie; every page links the legal pages in its footer.
import { expect, test, type Page } from "@playwright/test";
import { legalPages } from "#app/components/legal-pages";
import { rolePages } from "#tests/role-pages";
import { e2eOperator, e2eRecruiter, e2eSchoolStaff, e2eStudent } from "./accounts";
import { logIn, logOut } from "./support";

const publicPages = [
  "/",
  "/offres",
  "/offres?q=ingenieur&region=84",
  "/territoires",
  "/territoires/2023-2027/ti-8417",
  "/statistiques",
  "/connexion",
  "/inscription",
  ...legalPages.map((page) => page.to),
];
const legalLinks = legalPages.map((page) => page.label);

async function visit(page: Page, url: string) {
  await page.goto(url);
  const footer = page.getByRole("navigation", { name: "Informations légales" });
  for (const name of legalLinks) await expect(footer.getByRole("link", { name, exact: true }), `${url}: ${name}`).toHaveCount(1);
}

test("every page stays on the site's own origin, sets no cookie but the session's, and links the legal pages", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const origin = new URL(baseURL as string).origin;
  const elsewhere: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.protocol !== "data:" && url.origin !== origin) elsewhere.push(request.url());
  });

  for (const url of publicPages) await visit(page, url);
  const offer = page.locator("a[href^='/offres/']").first();
  await page.goto("/offres");
  await visit(page, (await offer.getAttribute("href")) as string);
  expect(await page.context().cookies()).toEqual([]);

  const student = e2eStudent(test.info().project.name);
  await logIn(page, student.email, student.password);
  for (const url of rolePages.student) await visit(page, url);
  expect((await page.context().cookies()).map((cookie) => cookie.name)).toEqual(["vte_session"]);
  await logOut(page);

  await logIn(page, e2eRecruiter.email, e2eRecruiter.password);
  for (const url of rolePages.company) await visit(page, url);
  await logOut(page);

  await logIn(page, e2eSchoolStaff.email, e2eSchoolStaff.password);
  for (const url of rolePages.staff) await visit(page, url);
  await logOut(page);

  await logIn(page, e2eOperator.email, e2eOperator.password);
  for (const url of rolePages.operator) await visit(page, url);
  expect((await page.context().cookies()).map((cookie) => cookie.name)).toEqual(["vte_session"]);
  await logOut(page);

  expect(elsewhere).toEqual([]);
  expect(await page.context().cookies()).toEqual([]);
});

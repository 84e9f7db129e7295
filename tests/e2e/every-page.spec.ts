// Every public page and every page of each role, as a phone shows it and as an HTML checker reads
// it: no sideways scroll at 360 px, valid HTML (html-validate), valid UTF-8 without control
// characters. With and without JavaScript, since a page must hold in both.
import { expect, test, type Page } from "@playwright/test";
import { HtmlValidate } from "html-validate";
import { legalPages } from "#app/components/legal-pages";
import { rolePages } from "#tests/role-pages";
import { e2eOperator, e2eRecruiter, e2eSchoolStaff, e2eStudent } from "./accounts";
import { logIn, logOut } from "./support";

const phone = { width: 360, height: 740 };

const htmlValidate = new HtmlValidate({
  extends: ["html-validate:recommended"],
  rules: {
    // Style preferences of the preset, not HTML errors: attribute names are case-insensitive
    // (React writes charSet), an id needs only to be unique and without spaces (React's useId
    // gives ":R95:"), checkboxes of one group share their name.
    "attr-case": "off",
    "valid-id": ["error", { relaxed: true }],
    "form-dup-name": ["error", { shared: ["radio", "checkbox", "submit", "button", "reset"] }],
    "no-inline-style": "off",
    "attribute-boolean-style": "off",
    "attribute-empty-style": "off",
    "no-trailing-whitespace": "off",
    "void-style": "off",
    "no-redundant-for": "off",
    "prefer-native-element": "off",
    "long-title": "off",
  },
});

/** What is wrong with a page as a phone shows it and as a checker reads it; an empty list when nothing. */
async function pageProblems(page: Page, url: string): Promise<string[]> {
  const response = await page.goto(url);
  const problems: string[] = [];
  if (!response || response.status() >= 400) return [`${url}: HTTP ${response?.status()}`];
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  if (width > phone.width) {
    // Name the innermost element that sticks out, so that the failure says what to fix.
    const culprit = await page.evaluate((screen) => {
      const out = [...document.body.querySelectorAll("*")].filter((e) => e.getBoundingClientRect().right > screen + 0.5);
      const innermost = out.filter((e) => !out.some((other) => other !== e && e.contains(other)));
      return innermost
        .slice(0, 3)
        .map((e) => `<${e.tagName.toLowerCase()} class="${e.getAttribute("class") ?? ""}">${(e.textContent ?? "").slice(0, 40)}`)
        .join(" | ");
    }, phone.width);
    problems.push(`${url}: ${width} px wide in a ${phone.width} px screen: ${culprit}`);
  }
  // The bytes as served (same session), not the DOM after scripts ran.
  const bytes = Buffer.from(await (await page.context().request.get(url)).body());
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  if (text.includes("\uFFFD")) problems.push(`${url}: not valid UTF-8`);
  // eslint-disable-next-line no-control-regex
  const control = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.exec(text);
  if (control) problems.push(`${url}: control character U+${control[0].charCodeAt(0).toString(16).padStart(4, "0")} at ${control.index}`);
  const report = await htmlValidate.validateString(text);
  for (const result of report.results)
    for (const message of result.messages) problems.push(`${url}: ${message.ruleId} ${message.message} (line ${message.line})`);
  return problems;
}

test.use({ viewport: phone });

test("every public page fits a 360 px phone and is valid HTML in valid UTF-8", async ({ page }) => {
  test.setTimeout(120_000);
  // Right after the server starts, the worker may still be indexing the offers.
  await expect
    .poll(
      async () => {
        await page.goto("/offres?q=ingenieur");
        return page.locator(".offer-card a").count();
      },
      { timeout: 30_000 },
    )
    .toBeGreaterThan(0);
  const offer = await page.locator(".offer-card a").first().getAttribute("href");
  await page.goto(offer as string);
  const companyPage = await page.locator("a[href^='/entreprises/']").first().getAttribute("href");
  const urls = [
    "/",
    "/offres",
    "/offres?q=ingenieur&region=84",
    "/offres?q=zzzqqq",
    offer as string,
    companyPage as string,
    "/territoires",
    "/territoires/ti-8417",
    "/statistiques",
    "/connexion",
    "/inscription",
    "/mot-de-passe-oublie",
    ...legalPages.map((p) => p.to),
  ];
  const problems: string[] = [];
  for (const url of urls) problems.push(...(await pageProblems(page, url)));
  expect(problems).toEqual([]);
});

test("every page of each role fits a 360 px phone and is valid HTML in valid UTF-8", async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const problems: string[] = [];
  const student = e2eStudent(testInfo.project.name);
  await logIn(page, student.email, student.password);
  for (const url of rolePages.student) problems.push(...(await pageProblems(page, url)));
  await logOut(page);
  await logIn(page, e2eRecruiter.email, e2eRecruiter.password);
  for (const url of rolePages.company) problems.push(...(await pageProblems(page, url)));
  await page.goto("/entreprise");
  const applications = await page.locator("a[href$='/candidatures']").first().getAttribute("href");
  const offerForm = applications?.replace(/\/candidatures$/, "");
  for (const url of [applications, offerForm]) if (url) problems.push(...(await pageProblems(page, url)));
  await logOut(page);
  await logIn(page, e2eSchoolStaff.email, e2eSchoolStaff.password);
  for (const url of rolePages.staff) problems.push(...(await pageProblems(page, url)));
  await logOut(page);
  await logIn(page, e2eOperator.email, e2eOperator.password);
  for (const url of [...rolePages.operator, "/pilotage?region=84&periode=24"]) problems.push(...(await pageProblems(page, url)));
  expect(problems).toEqual([]);
});

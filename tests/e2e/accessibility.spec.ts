// axe runs inside the page, so this file runs only in the project with JavaScript.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

test("the public pages have no accessibility violation that axe can detect", async ({ page }) => {
  for (const url of ["/", "/territoires", "/territoires/ti-8411", "/offres", "/offres?q=qualite&region=84", "/connexion", "/inscription"]) {
    await page.goto(url);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${url}: ${v.id} (${v.nodes.length})`)).toEqual([]);
  }
});

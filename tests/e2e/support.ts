// Helpers for end-to-end tests: read the mail the platform sent (the e2e server's SMTP sink writes
// each message it receives), query the platform's Meilisearch.
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { simpleParser } from "mailparser";
import { e2eDataDir } from "../../playwright.config";

/** Waits for the newest mail to `to` whose subject matches, and returns its subject and text. */
export async function waitForMail(to: string, subject: RegExp, timeoutMs = 15_000): Promise<{ subject: string; text: string }> {
  const folder = path.join(e2eDataDir, "smtp-sink");
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const files = (await readdir(folder).catch(() => [] as string[]))
      .filter((f) => f.endsWith(".eml"))
      .sort()
      .reverse();
    for (const file of files) {
      const mail = await simpleParser(await readFile(path.join(folder, file)));
      const recipients = [mail.to].flat().flatMap((a) => a?.value.map((v) => v.address) ?? []);
      if (recipients.includes(to) && subject.test(mail.subject ?? "")) return { subject: mail.subject ?? "", text: mail.text ?? "" };
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`No mail to ${to} matching ${subject} within ${timeoutMs} ms`);
}

/** Searches the app's own Meilisearch (the local server writes where it listens into the data folder). */
export async function searchOffers(query: string): Promise<{ id: string; title: string }[]> {
  const url = (await readFile(path.join(e2eDataDir, "meili.url"), "utf8")).trim();
  const key = (await readFile(path.join(e2eDataDir, "meili-master-key"), "utf8")).trim();
  const response = await fetch(`${url}/indexes/offers/search`, {
    method: "POST",
    headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" },
    body: JSON.stringify({ q: query }),
  });
  const body = (await response.json()) as { hits?: { id: string; title: string }[] };
  return body.hits ?? [];
}

/** Signs up through the form and enters the code of the verification mail. */
export async function signUp(
  page: Page,
  account: { profile: string; firstName: string; lastName: string; email: string; password: string },
) {
  await page.goto("/inscription");
  await page.getByLabel(account.profile).check();
  await page.getByLabel("Prénom").fill(account.firstName);
  await page.getByLabel("Nom", { exact: true }).fill(account.lastName);
  await page.getByLabel("Adresse e-mail").fill(account.email);
  await page.getByLabel("Mot de passe").fill(account.password);
  await page.getByRole("checkbox", { name: /J'accepte les conditions d'utilisation/ }).check();
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(page.getByRole("heading", { name: "Vérifiez votre adresse e-mail" })).toBeVisible();
  const mail = await waitForMail(account.email, /code de vérification/);
  const code = /\b(\d{6})\b/.exec(mail.text)?.[1] as string;
  await page.getByLabel("Code de vérification").fill(code);
  await page.getByRole("button", { name: "Vérifier" }).click();
  await expect(page).not.toHaveURL(/\/inscription/);
}

export async function logIn(page: Page, email: string, password: string) {
  await page.goto("/connexion");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).not.toHaveURL(/\/connexion/);
}

export async function logOut(page: Page) {
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page.getByRole("link", { name: "Se connecter" })).toBeVisible();
}

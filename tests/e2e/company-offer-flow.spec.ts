// The write side, as a person does it, with JavaScript on and again with it off: sign up as a
// company member, verify the address from the mail, create a company in Roanne, write an offer,
// see its eligibility, submit it; an operator cannot publish it before verifying the company, then
// verifies it and approves the offer; it is in Meilisearch within 5 seconds.
import { expect, test } from "@playwright/test";
import { contractTypes, formLabel } from "#app/domain/codes";
import { withLuhnKey } from "#app/domain/siren";
import { e2eOperator, e2eRecruiter } from "./accounts";
import { logIn, logOut, searchOffers, signUp, waitForMail } from "./support";

test("a company member publishes a VTE offer in Roanne, approved by an operator and found in search", async ({ page }, testInfo) => {
  const run = `${testInfo.project.name}-${Date.now().toString(36)}`;
  const email = `recrutement-${run}@forges-roannaises.fr`;
  const password = "Une-longue-phrase-de-passe";
  const title = `Ingénieur méthodes ${run}`;

  await signUp(page, { profile: "Entreprise (PME ou ETI)", firstName: "Camille", lastName: "Durand", email, password });
  await expect(page).toHaveURL(/\/entreprise$/);

  await page.getByRole("link", { name: "Inscrire mon entreprise" }).click();
  await page.getByLabel("SIREN").fill(withLuhnKey(String(10_000_000 + Math.floor(Math.random() * 89_999_999))));
  await page.getByLabel("Raison sociale").fill(`Forges Roannaises ${run}`);
  await page.getByLabel("Activité principale (code NAF)").fill("25.62B");
  await page.getByLabel("Taille de l'entreprise").selectOption("PME");
  await page.getByLabel("Code postal").fill("42300");
  await page.getByLabel("Commune").fill("Roanne");
  await page.getByRole("button", { name: "Inscrire l'entreprise" }).click();
  await expect(page.getByText("Votre entreprise est dans le Territoire d'industrie Roannais Forez.")).toBeVisible();
  await expect(page.getByText("Votre entreprise attend sa vérification")).toBeVisible();

  await page.getByRole("link", { name: "Publier une offre" }).click();
  await page.getByLabel("Intitulé du poste").fill(title);
  await page
    .getByLabel("Description")
    .fill(
      "Rattaché au directeur industriel, vous industrialisez nos nouvelles pièces.\n\n- définir les gammes d'usinage\n- conduire le projet de ligne robotisée",
    );
  await page.getByLabel("Métier (répertoire ROME)").fill("H1206");
  // The contract types read as codes.ts words them.
  await expect(
    page.getByLabel("Type de contrat").getByRole("option", { name: formLabel(contractTypes.ALTERNANCE), exact: true }),
  ).toHaveCount(1);
  await page.getByLabel("Type de contrat").selectOption("CDI");
  const start = new Date(Date.now() + 45 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel("Date de début").fill(start);
  await page.getByLabel("Niveau d'études demandé").selectOption("BAC5");
  await page.getByRole("button", { name: "Vérifier l'éligibilité" }).click();
  const eligibility = page.getByRole("region", { name: "Éligibilité au VTE" });
  await expect(eligibility).toContainText("Offre éligible au VTE — label VTE Territoires d'industrie — VTE Vert proposé.");
  await expect(eligibility).toContainText("L'entreprise est une PME.");
  // The aids the hire may open, as an estimate with its sources.
  const aids = page.getByRole("region", { name: "Aides possibles" });
  await expect(aids).toContainText("Aide VTE Territoires d'industrie : 4 000 €");
  await expect(aids).toContainText("Aide VTE Vert : 12 000 €");
  await page.getByRole("button", { name: "Soumettre à validation" }).click();
  await expect(page.getByText("Statut : En attente de validation")).toBeVisible();

  await logOut(page);
  await logIn(page, e2eOperator.email, e2eOperator.password);
  await page.goto("/pilotage/moderation");
  // The demo world has its own pending offers: find ours by its title.
  await page.getByLabel("Intitulé ou entreprise").fill(title);
  await page.getByRole("button", { name: "Chercher" }).click();
  await expect(page).toHaveURL(/\?q=/);
  const card = page.getByRole("article", { name: title });
  await expect(card.getByText("Offre éligible au VTE")).toBeVisible();
  await expect(card.getByText("Entreprise non vérifiée")).toBeVisible();
  await card.getByRole("button", { name: "Publier" }).click();
  await expect(card.getByRole("alert")).toContainText("L'entreprise n'est pas encore vérifiée");
  await page.goto("/pilotage/entreprises");
  await page.getByRole("button", { name: `Vérifier Forges Roannaises ${run}` }).click();
  await expect(page.getByRole("status")).toContainText("L'entreprise est vérifiée");
  await page.goto(`/pilotage/moderation?q=${encodeURIComponent(title)}`);
  await card.getByRole("button", { name: "Publier" }).click();
  await expect(page.getByRole("status")).toContainText(`« ${title} » est publiée`);

  const approved = Date.now();
  await expect.poll(async () => (await searchOffers(title)).map((hit) => hit.title), { timeout: 5_000, intervals: [100] }).toContain(title);
  testInfo.annotations.push({ type: "indexed-after-ms", description: String(Date.now() - approved) });
  const approval = await waitForMail(email, /est publiée/);
  const offerUrl = /http:\/\/\S+\/offres\/\S+/.exec(approval.text)?.[0] as string;
  await page.goto(new URL(offerUrl).pathname);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByRole("region", { name: "Éligibilité au VTE" })).toContainText("label VTE Territoires d'industrie");
  await expect(page.getByRole("listitem").filter({ hasText: "définir les gammes d'usinage" })).toBeVisible();
});

test("a recruiter titles an offer with a ROME job title: the métier follows", async ({ page, javaScriptEnabled }) => {
  await logIn(page, e2eRecruiter.email, e2eRecruiter.password);
  await page.goto("/entreprise/offres/nouvelle");
  const title = page.getByLabel("Intitulé du poste");
  if (javaScriptEnabled) {
    // Suggested while typing; choosing one fills the métier field at once.
    await title.pressSequentially("chaudronn");
    await expect(page.locator("datalist option[value='Chaudronnier / Chaudronnière']")).toHaveCount(1);
    await title.fill("Chaudronnier / Chaudronnière");
    await expect(page.getByLabel("Métier (répertoire ROME)")).toHaveValue("H2902 — Chaudronnier / Chaudronnière");
  } else {
    await title.fill("Chaudronnier / Chaudronnière");
  }
  await page
    .getByLabel("Description")
    .fill("Vous réalisez nos ensembles chaudronnés, de la lecture de plans à l'assemblage final en atelier.");
  await page.getByLabel("Type de contrat").selectOption("CDI");
  await page.getByLabel("Date de début").fill(new Date(Date.now() + 45 * 86_400_000).toISOString().slice(0, 10));
  await page.getByLabel("Niveau d'études demandé").selectOption("BAC2");
  await page.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  await expect(page).toHaveURL(/\/entreprise\/offres\/[\w-]+\?enregistree=DRAFT/);
  // The saved offer's form shows the fiche its title set.
  await expect(page.getByLabel("Métier (répertoire ROME)")).toHaveValue("H2902 — Chaudronnier / Chaudronnière");
});

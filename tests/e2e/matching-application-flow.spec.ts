// Issue 5's path, with JavaScript on and off: a student fills a complete profile (a fake PDF and a
// 3 MB file are refused, nothing typed is lost; the files' names hold "=", which once broke the
// upload), sees offers with reasons on /etudiant/pour-vous,
// applies with the PDF (a second application is refused), the company moves the application to
// "Entretien", the student sees it and the status-change mail arrives at the SMTP sink; the student
// then keeps a search with a weekly alert.
import { expect, test } from "@playwright/test";
import { e2eMatchOffer, e2eRecruiter, e2eStudent } from "./accounts";
import { logIn, logOut, waitForMail } from "./support";

const smallPdf = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

test("a student is matched, applies with a PDF, and follows the company's answer", async ({ page }, testInfo) => {
  const student = e2eStudent(testInfo.project.name);
  await logIn(page, student.email, student.password);
  await page.goto("/etudiant/profil");
  await page.getByLabel("Mon établissement n'est pas dans la liste").check();
  await page.getByLabel("Nom de l'établissement (s'il n'est pas dans la liste)").fill("École des Mines de Saint-Étienne");
  await page.getByLabel("Type d'établissement").selectOption("ENGINEERING");
  await page.getByLabel("Niveau d'études (atteint ou préparé)").selectOption("BAC5");
  await page.getByLabel("Domaine de formation").fill("Génie mécanique");
  await page.getByLabel("Situation").selectOption("WORK_STUDY");
  await page.getByLabel("Compétences").fill(e2eMatchOffer.skill);
  // Territories are ticked region by region.
  const territories = page.getByRole("group", { name: "Territoires d'industrie souhaités" });
  await territories.getByText("Auvergne-Rhône-Alpes", { exact: true }).click();
  await territories.getByLabel("Roannais Forez", { exact: true }).check();

  // A text file named .pdf: refused by its content, next to the field; what was typed stays.
  await page
    .getByLabel("CV (PDF, 2 Mo au plus)")
    .setInputFiles({ name: "cv.pdf", mimeType: "application/pdf", buffer: Buffer.from("Ceci est un CV en texte, pas un PDF.") });
  await page.getByRole("button", { name: "Créer mon profil" }).click();
  await expect(
    page.getByText("Le CV doit être un fichier PDF : ce fichier n'en est pas un, même si son nom finit par .pdf."),
  ).toBeVisible();
  await expect(page.getByLabel("Domaine de formation")).toHaveValue("Génie mécanique");
  await expect(page.getByLabel("Compétences")).toHaveValue(e2eMatchOffer.skill);

  // 3 MB: refused with its size.
  const large = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(3 * 1024 * 1024, 0x20)]);
  await page.getByLabel("CV (PDF, 2 Mo au plus)").setInputFiles({ name: "cv=lourd.pdf", mimeType: "application/pdf", buffer: large });
  await page.getByRole("button", { name: "Créer mon profil" }).click();
  await expect(page.getByText(/Le CV dépasse 2 Mo \(3 Mo\)/)).toBeVisible();

  await page.getByLabel("CV (PDF, 2 Mo au plus)").setInputFiles({ name: "cv=ines.pdf", mimeType: "application/pdf", buffer: smallPdf });
  await page.getByRole("button", { name: "Créer mon profil" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Profil enregistré." })).toBeVisible();
  await expect(page.getByRole("region", { name: "Éligibilité au VTE" })).toContainText("Vous êtes éligible au VTE.");

  await page.getByRole("link", { name: "Voir les offres pour vous" }).click();
  await expect(page.getByRole("heading", { name: "Offres pour vous", level: 1 })).toBeVisible();
  const first = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: e2eMatchOffer.title }) });
  await expect(first).toContainText("100 / 100");
  await expect(first).toContainText("dans votre Territoire d'industrie souhaité (Roannais Forez)");
  await expect(first).toContainText("niveau bac+5 demandé, vous avez bac+5");
  await expect(first).toContainText(`« ${e2eMatchOffer.skill} »`);
  // Its field and its skill are in no other offer: it comes first.
  await expect(page.locator("ol > li").first()).toContainText(e2eMatchOffer.title);

  await first.getByRole("link", { name: e2eMatchOffer.title }).click();
  await expect(page.getByRole("heading", { name: e2eMatchOffer.title, level: 1 })).toBeVisible();
  const offerUrl = page.url();
  await page.getByRole("link", { name: "Postuler" }).click();
  await page
    .getByLabel("Votre message à l'entreprise")
    .fill("Alternante en génie mécanique, je travaille déjà sur le brasage : je serais ravie d'en parler.");
  await expect(page.getByLabel("Joindre mon CV (cv=ines.pdf)")).toBeChecked();
  await page.getByRole("button", { name: "Envoyer ma candidature" }).click();
  await expect(page).toHaveURL(/\/etudiant\/candidatures/);
  await expect(page.getByText("Candidature envoyée.")).toBeVisible();
  const mine = page.getByRole("listitem").filter({ hasText: e2eMatchOffer.title });
  await expect(mine).toContainText("Étape : Envoyée");

  // The offer now shows the application instead of offering a second one.
  await page.goto(offerUrl);
  await expect(page.getByRole("status").filter({ hasText: "Vous avez postulé le" })).toContainText("étape : Envoyée");
  await expect(page.getByRole("link", { name: "Postuler", exact: true })).toHaveCount(0);
  await page.goto(`${new URL(offerUrl).pathname}/postuler`);
  await expect(page.getByRole("status")).toContainText("Vous avez déjà postulé à cette offre le");
  await expect(page.getByRole("button", { name: "Envoyer ma candidature" })).toHaveCount(0);
  await logOut(page);

  // The company: the pipeline, the CV, the move to "Entretien" with a message.
  await logIn(page, e2eRecruiter.email, e2eRecruiter.password);
  await page.goto("/entreprise");
  await page.getByRole("link", { name: new RegExp(`^Candidatures et profils pour ${e2eMatchOffer.title}`) }).click();
  await page.getByRole("link", { name: `${student.firstName} ${student.lastName}` }).click();
  await expect(page.getByRole("link", { name: "Télécharger le CV (PDF)" })).toBeVisible();
  await expect(page.getByText(/Étape : Consultée/)).toBeVisible();
  await page.getByLabel("Nouvelle étape").selectOption({ label: "Entretien" });
  await page.getByLabel("Message au candidat (facultatif)").fill("Pouvez-vous venir à l'usine mardi à 10 h ?");
  await page.getByRole("button", { name: "Enregistrer l'étape" }).click();
  await expect(page.getByText(/Étape : Entretien/)).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Entretien (Paul Recruteur)" })).toContainText(
    "Pouvez-vous venir à l'usine mardi à 10 h ?",
  );
  // The next move starts on the next stage, with an empty message: the interview's is not sent again.
  await expect(page.getByLabel("Nouvelle étape")).toHaveValue("OFFERED");
  await expect(page.getByLabel("Message au candidat (facultatif)")).toHaveValue("");
  await page.getByRole("button", { name: "Enregistrer l'étape" }).click();
  await expect(page.getByText(/Étape : Proposition faite/)).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Proposition faite (Paul Recruteur)" })).not.toContainText("«");
  await logOut(page);

  await logIn(page, student.email, student.password);
  await page.goto("/etudiant/candidatures");
  await expect(page.getByRole("listitem").filter({ hasText: e2eMatchOffer.title }).first()).toContainText("Étape : Proposition faite");
  const mail = await waitForMail(student.email, new RegExp(`Votre candidature « ${e2eMatchOffer.title} » : entretien`));
  expect(mail.text).toContain("Pouvez-vous venir à l'usine mardi à 10 h ?");
  expect(mail.text).toMatch(/\/desabonnement\/[\w-]+/);

  // The search, kept with a weekly alert.
  await page.goto("/offres?q=brasage+laser");
  await page.getByText("Créer une alerte pour cette recherche").click();
  await page.getByLabel("Nom de l'alerte").fill(`Brasage ${testInfo.project.name}`);
  await page.getByLabel("Fréquence").selectOption("WEEKLY");
  await page.getByRole("button", { name: "Créer l'alerte" }).click();
  await expect(page).toHaveURL(/\/etudiant\/alertes/);
  await expect(page.getByRole("link", { name: `Brasage ${testInfo.project.name}` })).toHaveAttribute("href", "/offres?q=brasage+laser");
  await expect(page.getByText("Chaque semaine · aucun envoi pour l'instant")).toBeVisible();
  // The alert says what it looks for.
  await expect(page.getByText("« brasage laser »", { exact: true })).toBeVisible();
});

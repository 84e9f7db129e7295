import { describe, expect, test } from "vitest";
import { z } from "zod";
import { email, firstFieldError, personName, text, wholeNumber } from "./form-fields";

function message(schema: z.ZodType, value: unknown): string | null {
  const result = schema.safeParse(value);
  return result.success ? null : result.error.issues[0].message;
}

describe("form fields say what is wrong in French", () => {
  test("an empty required text", () => expect(message(text({ max: 10 }), undefined)).toBe("Ce champ est obligatoire."));
  test("a too long text", () => expect(message(text({ max: 5 }), "abcdefgh")).toBe("Au plus 5 caractères."));
  test("HTML in a text", () => expect(message(text({ max: 100 }), "<script>alert(1)</script>")).toMatch(/HTML/));
  test("a comparison sign is not HTML", () => expect(message(text({ max: 100 }), "salaire > 30 k€ et < 40 k€")).toBeNull());
  test("non-Latin text is accepted", () => expect(message(text({ max: 100 }), "工程师 / Инженер")).toBeNull());
  test("names in any alphabet", () => {
    expect(message(personName("Prénom"), "Zoé-Anaïs")).toBeNull();
    expect(message(personName("Prénom"), "Арсений")).toBeNull();
    expect(message(personName("Prénom"), "<b>Bob</b>")).toMatch(/lettres/);
  });
  test("an address without @", () => expect(message(email, "prenom.nom")).toMatch(/adresse e-mail valide/));
  test("addresses are kept in lower case", () => expect(email.parse(" Prenom.Nom@Exemple.FR ")).toBe("prenom.nom@exemple.fr"));
  test("a word where a number is expected", () =>
    expect(message(wholeNumber({ min: 1, max: 60, label: "Durée" }), "douze")).toBe("Durée : saisissez un nombre."));
});

test("the first field in error is the one a form shows its message next to", () => {
  expect(firstFieldError({ name: null, domains: ["Indiquez au moins un domaine valide."], kind: ["Choisissez le type d'école."] })).toEqual(
    {
      field: "domains",
      message: "Indiquez au moins un domaine valide.",
    },
  );
  expect(firstFieldError(undefined)).toEqual({ field: "", message: "Formulaire incomplet : vérifiez les champs." });
});

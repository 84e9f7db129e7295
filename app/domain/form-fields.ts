// Zod building blocks with French messages, shared by every form schema (server and browser).
import { z } from "zod";

export const requiredMessage = "Ce champ est obligatoire.";
const htmlTag = /<\s*\/?\s*[a-zA-Z!][^>]*>/;
// Control characters other than tab and line breaks: invisible, refused by the database (NUL) or
// by XML (the feed), and never typed on purpose.
// eslint-disable-next-line no-control-regex
const controlCharacter = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/;
const controlCharacterMessage = "Ce texte contient des caractères invisibles non acceptés : retapez-le ou collez-le sans mise en forme.";

/** True when the text holds a control character a person never types (NUL, vertical tab…). */
function hasControlCharacter(value: string): boolean {
  return controlCharacter.test(value);
}

/** A string read from a form that must hold no control character (ids, codes, free text read by hand). */
export const cleanString = z.string().refine((value) => !hasControlCharacter(value), controlCharacterMessage);

/** The id of a record, as forms carry it in hidden fields. */
export const recordId = z.string({ error: requiredMessage }).regex(/^[A-Za-z0-9_-]{1,64}$/, "Identifiant inconnu : rechargez la page.");

/** Plain text: required, trimmed, at most `max` characters, no HTML tags. */
export function text(options: { max: number; min?: number }) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? requiredMessage : "Saisissez du texte.") })
    .trim()
    .min(options.min ?? 1, options.min ? `Au moins ${options.min} caractères.` : requiredMessage)
    .max(options.max, `Au plus ${options.max} caractères.`)
    .refine((value) => !hasControlCharacter(value), controlCharacterMessage)
    .refine((value) => !htmlTag.test(value), "Le HTML n'est pas accepté : écrivez du texte simple.");
}

/** The same, when the field may stay empty. */
export function optionalText(options: { max: number }) {
  return text(options).optional();
}

/** A person's name: letters of any alphabet, spaces, hyphens and apostrophes. */
export function personName(label: string) {
  return z
    .string({ error: requiredMessage })
    .trim()
    .min(1, requiredMessage)
    .max(80, `${label} : au plus 80 caractères.`)
    .regex(/^[\p{L}\p{M}][\p{L}\p{M} '’.-]*$/u, `${label} : lettres, espaces, tirets et apostrophes uniquement.`);
}

export const email = z
  .string({ error: requiredMessage })
  .trim()
  .max(254, "Au plus 254 caractères.")
  .pipe(z.email({ error: "Saisissez une adresse e-mail valide, par exemple prenom.nom@exemple.fr." }))
  .transform((value) => value.toLowerCase());

/** An integer typed in a form field. */
export function wholeNumber(options: { min: number; max: number; label: string }) {
  return z.coerce
    .number({ error: (issue) => (issue.input === undefined ? requiredMessage : `${options.label} : saisissez un nombre.`) })
    .int(`${options.label} : saisissez un nombre entier.`)
    .min(options.min, `${options.label} : au moins ${options.min}.`)
    .max(options.max, `${options.label} : au plus ${options.max}.`);
}

/** A date typed as YYYY-MM-DD (the native date field). */
export function isoDate(label: string) {
  return z
    .string({ error: requiredMessage })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label} : saisissez une date au format JJ/MM/AAAA.`)
    .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), `${label} : cette date n'existe pas.`);
}

/**
 * The first field in error and its first message, for a form that shows one message next to its
 * field (Conform's \`submission.error\`, field name → messages).
 */
export function firstFieldError(errors: Record<string, string[] | null | undefined> | null | undefined): {
  field: string;
  message: string;
} {
  const [field, messages] = Object.entries(errors ?? {}).find(([, found]) => found?.length) ?? ["", null];
  return { field, message: messages?.[0] ?? "Formulaire incomplet : vérifiez les champs." };
}

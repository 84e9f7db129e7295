import { z } from "zod";
import { email, isoDate, optionalText, requiredMessage, text } from "#app/domain/form-fields";
import { companyTargets, type ApplicationStatus } from "#app/domain/application-pipeline";
import { payBands, type PayBand } from "#app/domain/placement";
import { isValidSiren, normalizeSiren } from "#app/domain/siren";
import { codesOf, contractTypes, degreeLevels, offerSchoolKinds, payPeriods, remotePolicies } from "#app/domain/codes";

export const sirenField = z
  .string({ error: requiredMessage })
  .trim()
  .transform((value) => value.replace(/[\s.]/g, ""))
  .refine((value) => /^\d+$/.test(value), "Le SIREN ne contient que des chiffres.")
  .refine((value) => value.length === 9, "Le SIREN compte 9 chiffres.")
  .refine((value) => isValidSiren(value), "Ce numéro SIREN n'est pas valide (clé de contrôle). Vérifiez-le sur votre extrait Kbis.")
  .transform((value) => normalizeSiren(value) as string);

const postalCode = z
  .string({ error: requiredMessage })
  .trim()
  .regex(/^\d{5}$/, "Le code postal compte 5 chiffres.");

export const companySchema = z.object({
  siren: sirenField,
  name: text({ max: 120 }),
  naf: text({ max: 200 }),
  sizeBand: z.enum(["PME", "ETI", "GE"], { error: "Choisissez la taille de l'entreprise." }),
  postalCode,
  communeName: text({ max: 80 }),
});

export const invitationSchema = z.object({ email });
export { postalCode as postalCodeField };

const optionalWhole = (label: string, min: number, max: number) =>
  z.preprocess(
    (value) => (value === "" || value === undefined ? undefined : value),
    z.coerce
      .number({ error: `${label} : saisissez un nombre.` })
      .int(`${label} : saisissez un nombre entier.`)
      .min(min, `${label} : au moins ${min}.`)
      .max(max, `${label} : au plus ${max}.`)
      .optional(),
  );

export const offerSchema = z
  .object({
    intent: z.enum(["draft", "submit", "preview"]).default("draft"),
    title: text({ max: 120, min: 5 }),
    description: text({ max: 8000, min: 50 }),
    // Optional when the title is a ROME job title: its fiche is then the métier.
    rome: optionalText({ max: 200 }),
    contractType: z.enum(codesOf(contractTypes), { error: "Choisissez le type de contrat." }),
    durationMonths: optionalWhole("Durée", 1, 60),
    startDate: isoDate("Date de début"),
    degreeLevel: z.enum(codesOf(degreeLevels), { error: "Choisissez le niveau d'études demandé." }),
    schoolKinds: z
      .array(z.enum(offerSchoolKinds), { error: "Choisissez au moins un type d'école." })
      .min(1, "Choisissez au moins un type d'école."),
    postalCode: postalCode,
    communeName: text({ max: 80 }),
    remote: z.enum(codesOf(remotePolicies), { error: "Choisissez la politique de télétravail." }),
    payMin: optionalWhole("Rémunération minimale", 1, 500_000),
    payMax: optionalWhole("Rémunération maximale", 1, 500_000),
    payPeriod: z.enum(codesOf(payPeriods)).optional(),
    positions: optionalWhole("Nombre de postes", 1, 50),
  })
  .superRefine((value, context) => {
    if (value.contractType !== "CDI" && value.durationMonths === undefined) {
      context.addIssue({ code: "custom", path: ["durationMonths"], message: "Indiquez la durée du contrat en mois." });
    }
    if (value.payMin !== undefined && value.payMax !== undefined && value.payMax < value.payMin) {
      context.addIssue({ code: "custom", path: ["payMax"], message: "Le maximum doit être supérieur ou égal au minimum." });
    }
    if ((value.payMin !== undefined || value.payMax !== undefined) && !value.payPeriod) {
      context.addIssue({ code: "custom", path: ["payPeriod"], message: "Précisez si la rémunération est annuelle ou mensuelle." });
    }
  });

export const offerStatusSchema = z.object({
  intent: z.enum(["close", "fill", "submit", "reopen"]),
  // Closing and filling end applications: they are asked, then confirmed.
  confirmed: z.literal("1").optional(),
});

/** The contract a company confirms when it hires. */
export const hireContractSchema = z.object({
  contractType: z.enum(codesOf(contractTypes), { error: "Choisissez le type de contrat." }),
  startDate: isoDate("Date de début du contrat"),
  durationMonths: optionalWhole("Durée", 1, 60),
  payBand: z.enum(payBands.map((band) => band.value) as [PayBand, ...PayBand[]], { error: "Choisissez la rémunération." }),
});

/** Contesting the registration of a SIREN by another account. */
export const claimSchema = z.object({
  siren: z.string().regex(/^\d{9}$/, "SIREN inconnu."),
  message: text({ max: 2000, min: 20 }),
});

/** A company moves an application: the next stage, an optional message to the candidate. */
export const applicationMoveSchema = z.object({
  to: z.enum(companyTargets as [ApplicationStatus, ...ApplicationStatus[]], { error: "Choisissez l'étape suivante." }),
  message: optionalText({ max: 2000 }),
});

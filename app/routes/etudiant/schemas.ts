import { z } from "zod";
import { cleanString, isoDate, optionalText, text } from "#app/domain/form-fields";
import { territoryKeyPattern } from "#app/domain/territory-phase";
import { belowBac2, codesOf, contractTypes, degreeLevels, schoolKinds, studentStatuses } from "#app/domain/codes";

const radiusChoices = ["10", "30", "50", "100", "200"] as const;

export const profileSchema = z
  .object({
    establishment: optionalText({ max: 200 }),
    otherEstablishment: z.boolean().optional(),
    otherEstablishmentName: optionalText({ max: 200 }),
    schoolKind: z.enum(codesOf(schoolKinds), { error: "Choisissez le type d'établissement." }),
    degreeLevel: z.enum([belowBac2.code, ...codesOf(degreeLevels)], { error: "Choisissez votre niveau d'études." }),
    field: text({ max: 120 }),
    status: z.enum(codesOf(studentStatuses), { error: "Choisissez votre situation." }),
    graduationDate: isoDate("Date du diplôme").optional(),
    skills: optionalText({ max: 600 }),
    wishedRegionCodes: z
      .array(z.string().regex(/^\d{2,3}$/, "Région inconnue."))
      .max(18)
      .default([]),
    wishedTerritoryIds: z
      .array(z.string().regex(territoryKeyPattern, "Territoire inconnu."))
      .max(20, "Au plus 20 territoires.")
      .default([]),
    wishedPlace: optionalText({ max: 80 }),
    wishedRadiusKm: z.enum(radiusChoices, { error: "Choisissez un rayon." }).default("50"),
    contractTypes: z.array(z.enum(codesOf(contractTypes))).default([]),
    availableFrom: isoDate("Disponible à partir du").optional(),
    visibleToCompanies: z.boolean().optional(),
    removeCv: z.boolean().optional(),
    // The file in the browser, "joint" on the server once read: the action checks its content.
    cv: z.unknown().optional(),
  })
  .superRefine((value, context) => {
    if (value.status === "GRADUATED" && !value.graduationDate) {
      context.addIssue({ code: "custom", path: ["graduationDate"], message: "Indiquez la date de votre diplôme." });
    }
    if (value.otherEstablishment && !value.otherEstablishmentName) {
      context.addIssue({ code: "custom", path: ["otherEstablishmentName"], message: "Indiquez le nom de votre établissement." });
    }
    if (!value.otherEstablishment && !value.establishment) {
      context.addIssue({
        code: "custom",
        path: ["establishment"],
        message: "Indiquez votre établissement, ou cochez « Mon établissement n'est pas dans la liste ».",
      });
    }
  });

export const applicationSchema = z.object({
  message: text({ max: 3000, min: 20 }),
  withCv: z.boolean().optional(),
});

export const savedSearchSchema = z.object({
  name: text({ max: 80 }),
  query: cleanString.pipe(z.string().max(2000)).default(""),
  frequency: z.enum(["DAILY", "WEEKLY"], { error: "Choisissez la fréquence de l'alerte." }),
});

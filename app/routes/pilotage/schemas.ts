import { z } from "zod";
import { codesOf, schoolKinds } from "#app/domain/codes";
import { cleanString, recordId, requiredMessage, text } from "#app/domain/form-fields";
import { parseDomains } from "#app/domain/mail-domains";

export const moderationSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("approve"), offerId: recordId }),
  z.object({ intent: z.literal("reject"), offerId: recordId, reason: text({ max: 1000, min: 10 }) }),
]);

/** Mail domains typed as a list ("ecole.fr, @etu.ecole.fr"): at least one, each a real domain. */
function domainList(example: string) {
  const message = `Indiquez au moins un domaine valide, par exemple ${example}.`;
  return cleanString.transform((typed, context) => {
    const domains = parseDomains(typed);
    if (!domains || domains.length === 0) {
      context.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return domains;
  });
}

const schoolDomains = { domains: domainList("etu.ecole.fr"), staffDomains: domainList("ecole.fr") };

/** The operators' school forms: approve a staff member, change a school's domains, register a school (no intent). */
export const schoolAdminSchema = z.preprocess(
  (input) => (typeof input === "object" && input !== null && !("intent" in input) ? { ...input, intent: "create" } : input),
  z.discriminatedUnion("intent", [
    z.object({ intent: z.literal("approve"), staffId: recordId }),
    z.object({ intent: z.literal("domains"), schoolId: recordId, ...schoolDomains }),
    z.object({
      intent: z.literal("create"),
      ...schoolDomains,
      name: text({ max: 200 }).pipe(z.string().min(1, "Indiquez le nom de l'école (200 caractères au plus).")),
      kind: z.enum(codesOf(schoolKinds), { error: "Choisissez le type d'école." }),
      establishment: z.string({ error: requiredMessage }),
    }),
  ]),
);

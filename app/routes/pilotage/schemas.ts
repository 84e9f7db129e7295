import { z } from "zod";
import { requiredMessage, text } from "~/domain/form-fields";

export const moderationSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("approve"), offerId: z.string({ error: requiredMessage }) }),
  z.object({ intent: z.literal("reject"), offerId: z.string({ error: requiredMessage }), reason: text({ max: 1000, min: 10 }) }),
]);

import { z } from "zod";
import { recordId, text } from "#app/domain/form-fields";

export const moderationSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("approve"), offerId: recordId }),
  z.object({ intent: z.literal("reject"), offerId: recordId, reason: text({ max: 1000, min: 10 }) }),
]);

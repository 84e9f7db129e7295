// Forms read by hand (buttons carrying an id): what they hold is checked against a zod schema, and
// anything else (a tampered id, a control character) is a 400 with its French message, never a 500.
import { data } from "@remix-run/node";
import type { z } from "zod";

export function formValues<T extends z.ZodType>(form: FormData, schema: T): z.infer<T> {
  const parsed = schema.safeParse(Object.fromEntries([...form].filter(([, value]) => typeof value === "string")));
  if (!parsed.success)
    throw data(parsed.error.issues[0]?.message ?? "Ce formulaire n'a pas pu être lu : rechargez la page.", { status: 400 });
  return parsed.data;
}

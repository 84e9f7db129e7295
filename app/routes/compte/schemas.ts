import { z } from "zod";
import { email, personName, requiredMessage } from "#app/domain/form-fields";
import { passwordProblem } from "#app/domain/password-policy";

const newPassword = z.string({ error: requiredMessage }).superRefine((value, context) => {
  const problem = passwordProblem(value);
  if (problem) context.addIssue({ code: "custom", message: problem });
});

/** A password as typed at log-in: checked against the stored hash, never against the policy. */
const typedPassword = z.string({ error: requiredMessage }).max(200, "Au plus 200 caractères.");

export const signUpSchema = z.object({
  role: z.enum(["STUDENT", "COMPANY_MEMBER", "SCHOOL_STAFF"], { error: "Choisissez votre profil." }),
  firstName: personName("Prénom"),
  lastName: personName("Nom"),
  email,
  password: newPassword,
  terms: z.literal("on", { error: "Acceptez les conditions d'utilisation et la politique de données personnelles pour créer un compte." }),
});

export const logInSchema = z.object({
  email,
  password: typedPassword,
  redirectTo: z.string().optional(),
});

export const verificationSchema = z.object({
  intent: z.enum(["verify", "resend"]).default("verify"),
  code: z.string().trim().optional(),
});

export const forgotPasswordSchema = z.object({ email });

const confirmation = z.string({ error: requiredMessage });
const confirmed = {
  check: (value: { password: string; confirmation: string }) => value.password === value.confirmation,
  error: { message: "Les deux mots de passe ne sont pas identiques.", path: ["confirmation"] },
};

export const resetPasswordSchema = z.object({ password: newPassword, confirmation }).refine(confirmed.check, confirmed.error);

export const changePasswordSchema = z
  .object({ currentPassword: typedPassword, password: newPassword, confirmation })
  .refine(confirmed.check, confirmed.error)
  .refine((value) => value.password !== value.currentPassword, {
    message: "Choisissez un mot de passe différent de l'actuel.",
    path: ["password"],
  });

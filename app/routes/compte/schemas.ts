import { z } from "zod";
import { email, personName, requiredMessage } from "~/domain/form-fields";
import { passwordProblem } from "~/domain/password-policy";

const newPassword = z
  .string({ error: requiredMessage })
  .superRefine((value, context) => {
    const problem = passwordProblem(value);
    if (problem) context.addIssue({ code: "custom", message: problem });
  });

export const signUpSchema = z.object({
  role: z.enum(["STUDENT", "COMPANY_MEMBER", "SCHOOL_STAFF"], { error: "Choisissez votre profil." }),
  firstName: personName("Prénom"),
  lastName: personName("Nom"),
  email,
  password: newPassword,
});

export const logInSchema = z.object({
  email,
  password: z.string({ error: requiredMessage }).max(200, "Au plus 200 caractères."),
  redirectTo: z.string().optional(),
});

export const verificationSchema = z.object({
  intent: z.enum(["verify", "resend"]).default("verify"),
  code: z.string().trim().optional(),
});

export const forgotPasswordSchema = z.object({ email });

export const resetPasswordSchema = z
  .object({ password: newPassword, confirmation: z.string({ error: requiredMessage }) })
  .refine((value) => value.password === value.confirmation, { message: "Les deux mots de passe ne sont pas identiques.", path: ["confirmation"] });

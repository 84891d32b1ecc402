import { z } from "zod";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "validation.required")
  .max(254, "validation.emailInvalid")
  .pipe(z.email("validation.emailInvalid"));

export const signUpSchema = z.object({
  name: z.string().trim().min(1, "validation.required").max(40, "validation.nameTooLong"),
  email: emailSchema,
  password: z.string().min(8, "validation.passwordTooShort").max(128, "validation.passwordTooLong"),
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "validation.required").max(128, "validation.passwordTooLong"),
});

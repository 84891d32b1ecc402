import { z } from "zod";

/** Lanbao IDs are "lb" + 8 characters; people type them, so case and spaces are forgiven. */
const LANBAO_ID = /^lb[a-z0-9]{8}$/;
const EMAIL = z.email();

export const findUserSchema = z.object({
  query: z
    .string("validation.required")
    .trim()
    .toLowerCase()
    .min(1, "validation.required")
    .max(254, "friends.errors.queryInvalid")
    .refine((q) => q === "" || LANBAO_ID.test(q) || EMAIL.safeParse(q).success, "friends.errors.queryInvalid"),
});
export type FindUserInput = z.infer<typeof findUserSchema>;

const userId = z.string("validation.invalid").trim().min(1, "validation.invalid").max(64, "validation.invalid");

export const friendRequestSchema = z.object({ userId });

export const respondSchema = z.object({
  friendshipId: z.string("validation.invalid").min(1, "validation.invalid").max(64, "validation.invalid"),
  accept: z.boolean("validation.invalid"),
});

import { z } from "zod";

export const MESSAGE_MAX = 2000;
export const GROUP_TITLE_MAX = 40;
/** Others a group needs besides its creator. */
export const GROUP_MIN_OTHERS = 2;
export const GROUP_MAX_MEMBERS = 100;
export const PAGE_SIZE = 30;

const id = z.string("validation.invalid").trim().min(1, "validation.invalid").max(64, "validation.invalid");

export const threadIdSchema = id;

export const sendTextSchema = z.object({
  threadId: id,
  body: z
    .string("validation.required")
    .trim()
    .min(1, "validation.required")
    .max(MESSAGE_MAX, "chat.errors.messageTooLong"),
});
export type SendTextInput = z.infer<typeof sendTextSchema>;

const memberIds = z.array(id, "validation.invalid").transform((ids) => [...new Set(ids)]);

export const createGroupSchema = z.object({
  title: z.string("validation.required").trim().min(1, "validation.required").max(GROUP_TITLE_MAX, "chat.errors.titleTooLong"),
  memberIds: memberIds.pipe(
    z.array(z.string()).min(GROUP_MIN_OTHERS, "chat.errors.groupTooSmall").max(GROUP_MAX_MEMBERS - 1, "chat.errors.groupTooLarge"),
  ),
});
export type CreateGroupInput = z.infer<typeof createGroupSchema>;

export const addMembersSchema = z.object({
  threadId: id,
  memberIds: memberIds.pipe(z.array(z.string()).min(1, "chat.errors.pickSomeone").max(GROUP_MAX_MEMBERS - 1, "chat.errors.groupTooLarge")),
});

/** An opaque page cursor (see cursor.ts); the shape is checked when it is decoded. */
export const cursorSchema = z.string().min(1).max(200);

export const pageSchema = z.object({
  before: cursorSchema.optional(),
  limit: z.number().int().min(1).max(100).default(PAGE_SIZE),
});

export const afterSchema = z.object({
  after: cursorSchema.nullable().optional(),
  limit: z.number().int().min(1).max(200).default(100),
});

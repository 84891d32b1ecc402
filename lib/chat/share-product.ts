import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { DomainError } from "@/lib/validation/result";
import type { ChatMessage } from "./message-view";
import { postMessage } from "./post-message";
import { assertMember } from "./threads";

const id = z.string("validation.invalid").trim().min(1, "validation.invalid").max(64, "validation.invalid");

export const shareProductSchema = z.object({ threadId: id, productId: id });
export type ShareProductInput = z.input<typeof shareProductSchema>;

/**
 * Shares a product into a chat as a product card. Only a member of the thread may post
 * into it (anyone else is answered as for a missing thread), and only a product on sale
 * can be shared (an unpublished one answers as missing, so drafts do not leak).
 */
export async function shareProductToThread(db: Db, userId: string, raw: ShareProductInput): Promise<ChatMessage> {
  const input = shareProductSchema.parse(raw);
  await assertMember(db, userId, input.threadId);
  const product = await db.product.findFirst({ where: { id: input.productId, published: true }, select: { id: true } });
  if (!product) throw new DomainError("chat.share.productNotFound");
  const { chatMessage } = await postMessage(db, { threadId: input.threadId, senderId: userId, kind: "PRODUCT", productId: product.id });
  return chatMessage;
}

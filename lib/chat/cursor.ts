import { DomainError } from "@/lib/validation/result";

/** Where a message sits in its thread: the (createdAt, id) order of the index. */
export type MessageKey = { createdAt: Date; id: string };

/**
 * Cursors are opaque to clients: base64url of "<epoch ms>.<id>". Timestamps are stored
 * with millisecond precision, so the round trip is exact and ties fall to the id.
 */
export function encodeCursor(key: MessageKey): string {
  return Buffer.from(`${key.createdAt.getTime()}.${key.id}`, "utf8").toString("base64url");
}

export function decodeCursor(cursor: string): MessageKey {
  const raw = Buffer.from(cursor, "base64url").toString("utf8");
  const dot = raw.indexOf(".");
  const ms = Number(raw.slice(0, dot));
  const id = raw.slice(dot + 1);
  if (dot < 1 || !Number.isSafeInteger(ms) || !id || id.length > 64) throw new DomainError("chat.errors.badCursor");
  return { createdAt: new Date(ms), id };
}

// Live updates cross app processes through Postgres NOTIFY: any process that changes a
// thread publishes here, every process's listener (lib/realtime/listener.ts) fans the
// event out to the SSE streams of the users named in it.
//
// Events carry what they announce (the new message, the gift card's new state), so an
// open thread draws it without another request. Only what every member of the thread may
// see travels here: the same message and card every member's thread page shows.
import type { ChatMessage } from "@/lib/chat/message-view";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { getGiftCards, type GiftCardData } from "@/lib/gifting/cards";

export const REALTIME_CHANNEL = "lanbao_events";

/**
 * Postgres refuses NOTIFY payloads of 8000 bytes or more. An event that would not fit
 * (a long message in a large group) goes out without its content; clients then fetch it.
 */
export const MAX_PAYLOAD_BYTES = 7900;

export type RealtimeEvent =
  | { type: "message"; threadId: string; messageId: string; message?: ChatMessage }
  | { type: "gift"; threadId: string; giftId: string; card?: GiftCardData | null }
  | { type: "threads" };

type DbOrTx = Db | Prisma.TransactionClient;

/** The event without the content it carries: what is sent when the whole would not fit. */
function withoutContent(event: RealtimeEvent): RealtimeEvent {
  if (event.type === "message") return { type: "message", threadId: event.threadId, messageId: event.messageId };
  if (event.type === "gift") return { type: "gift", threadId: event.threadId, giftId: event.giftId };
  return event;
}

/** The NOTIFY payload for these users and this event, within MAX_PAYLOAD_BYTES. */
export function payloadFor(userIds: string[], event: RealtimeEvent): string {
  const users = [...new Set(userIds)];
  const full = JSON.stringify({ users, event });
  if (Buffer.byteLength(full, "utf8") <= MAX_PAYLOAD_BYTES) return full;
  return JSON.stringify({ users, event: withoutContent(event) });
}

/**
 * The same NOTIFY as `publish`, as a SQL column expression, for a statement that writes and
 * publishes at once (so the event is sent exactly when the write commits). It is evaluated
 * on a row with the text[] column "users" (who receives it; nothing is sent when empty)
 * and, for a message event, the column "senderName", which fills in the message's sender
 * name. Same size rule as payloadFor, measured on the text Postgres builds.
 */
export function notifyFromRow(event: RealtimeEvent): Prisma.Sql {
  const full =
    event.type === "message" && event.message?.sender
      ? Prisma.sql`jsonb_set(${JSON.stringify(event)}::jsonb, '{message,sender,name}', to_jsonb(coalesce("senderName", '')))`
      : Prisma.sql`${JSON.stringify(event)}::jsonb`;
  const whole = Prisma.sql`json_build_object('users', "users", 'event', ${full})::text`;
  const slim = Prisma.sql`json_build_object('users', "users", 'event', ${JSON.stringify(withoutContent(event))}::jsonb)::text`;
  return Prisma.sql`CASE WHEN cardinality("users") > 0
    THEN pg_notify(${REALTIME_CHANNEL}, CASE WHEN octet_length(${whole}) <= ${MAX_PAYLOAD_BYTES} THEN ${whole} ELSE ${slim} END)::text END AS "notified"`;
}

export async function publish(db: DbOrTx, userIds: string[], event: RealtimeEvent): Promise<void> {
  if (userIds.length === 0) return;
  await db.$executeRaw`SELECT pg_notify(${REALTIME_CHANNEL}, ${payloadFor(userIds, event)})`;
}

async function memberIds(db: DbOrTx, threadId: string): Promise<string[]> {
  const members = await db.threadMember.findMany({ where: { threadId }, select: { userId: true } });
  return members.map((m) => m.userId);
}

/** Publishes to every member of a thread. */
export async function publishToThread(db: DbOrTx, threadId: string, event: RealtimeEvent): Promise<void> {
  await publish(db, await memberIds(db, threadId), event);
}

/**
 * A gift card changed (accepted, declined, a unit taken...): every member of its thread
 * receives the card as it now is and redraws it. Called inside the transaction that made
 * the change, the card read here is the state that commits with it.
 */
export async function publishGiftChanged(db: DbOrTx, threadId: string, giftId: string): Promise<void> {
  const members = await memberIds(db, threadId);
  if (members.length === 0) return;
  // A transaction client reads the same tables as a plain one.
  const card = (await getGiftCards(db as Db, [giftId])).get(giftId) ?? null;
  await publish(db, members, { type: "gift", threadId, giftId, card });
}

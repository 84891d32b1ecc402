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

const bytes = (s: string) => Buffer.byteLength(s, "utf8");

/**
 * The NOTIFY payloads for these users and this event, each within MAX_PAYLOAD_BYTES: one
 * carrying the whole event when it fits; otherwise the event without its content, and for
 * a group too large for one payload, several, each naming part of the users.
 */
export function payloadsFor(userIds: string[], event: RealtimeEvent): string[] {
  const users = [...new Set(userIds)];
  const whole = JSON.stringify({ users, event });
  if (bytes(whole) <= MAX_PAYLOAD_BYTES) return [whole];
  const slim = withoutContent(event);
  const fixed = bytes(JSON.stringify({ users: [], event: slim }));
  const payloads: string[] = [];
  let chunk: string[] = [];
  let size = fixed;
  for (const u of users) {
    const add = bytes(JSON.stringify(u)) + 1;
    if (chunk.length > 0 && size + add > MAX_PAYLOAD_BYTES) {
      payloads.push(JSON.stringify({ users: chunk, event: slim }));
      chunk = [];
      size = fixed;
    }
    chunk.push(u);
    size += add;
  }
  if (chunk.length) payloads.push(JSON.stringify({ users: chunk, event: slim }));
  return payloads;
}

/** Users per payload when an event is split: 150 ids of up to 36 characters stay well within the limit. */
const USERS_PER_SPLIT = 150;

/**
 * The same NOTIFY as `publish`, as a SQL column expression, for a statement that writes and
 * publishes at once (so the event is sent exactly when the write commits). It is evaluated
 * on a row with the text[] column "users" (who receives it; nothing is sent when empty)
 * and, for a message event, the column "senderName", which fills in the message's sender
 * name. Same rule as payloadsFor, measured on the text Postgres builds: the whole event
 * when it fits, else the slim event to the users USERS_PER_SPLIT at a time.
 */
export function notifyFromRow(event: RealtimeEvent): Prisma.Sql {
  const full =
    event.type === "message" && event.message?.sender
      ? Prisma.sql`jsonb_set(${JSON.stringify(event)}::jsonb, '{message,sender,name}', to_jsonb(coalesce("senderName", '')))`
      : Prisma.sql`${JSON.stringify(event)}::jsonb`;
  const whole = Prisma.sql`json_build_object('users', "users", 'event', ${full})::text`;
  const slim = JSON.stringify(withoutContent(event));
  return Prisma.sql`CASE
    WHEN cardinality("users") = 0 THEN NULL
    WHEN octet_length(${whole}) <= ${MAX_PAYLOAD_BYTES} THEN pg_notify(${REALTIME_CHANNEL}, ${whole})::text
    ELSE (SELECT string_agg(pg_notify(${REALTIME_CHANNEL}, json_build_object('users', "users"[i : i + ${USERS_PER_SPLIT - 1}::int], 'event', ${slim}::jsonb)::text)::text, '')
            FROM generate_series(1, cardinality("users"), ${USERS_PER_SPLIT}::int) AS split(i))
    END AS "notified"`;
}

export async function publish(db: DbOrTx, userIds: string[], event: RealtimeEvent): Promise<void> {
  if (userIds.length === 0) return;
  for (const payload of payloadsFor(userIds, event)) await db.$executeRaw`SELECT pg_notify(${REALTIME_CHANNEL}, ${payload})`;
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

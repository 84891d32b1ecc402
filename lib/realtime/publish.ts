// Live updates cross app processes through Postgres NOTIFY: any process that changes a
// thread publishes here, every process's listener (lib/realtime/listener.ts) fans the
// event out to the SSE streams of the users named in it.
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";

export const REALTIME_CHANNEL = "lanbao_events";

/** Small on purpose: NOTIFY payloads are capped at 8 kB, and nothing private travels here. */
export type RealtimeEvent =
  | { type: "message"; threadId: string; messageId: string }
  | { type: "gift"; threadId: string; giftId: string }
  | { type: "threads" };

/** Postgres refuses NOTIFY payloads of 8000 bytes or more. */
export const MAX_PAYLOAD_BYTES = 7900;

/**
 * The NOTIFY payloads for these users and this event: one, or for a large group several,
 * each naming part of the users and within MAX_PAYLOAD_BYTES.
 */
export function payloadsFor(userIds: string[], event: RealtimeEvent): string[] {
  const users = [...new Set(userIds)];
  const fixed = Buffer.byteLength(JSON.stringify({ users: [], event }), "utf8");
  const payloads: string[] = [];
  let chunk: string[] = [];
  let size = fixed;
  for (const u of users) {
    const add = Buffer.byteLength(JSON.stringify(u), "utf8") + 1;
    if (chunk.length > 0 && size + add > MAX_PAYLOAD_BYTES) {
      payloads.push(JSON.stringify({ users: chunk, event }));
      chunk = [];
      size = fixed;
    }
    chunk.push(u);
    size += add;
  }
  if (chunk.length) payloads.push(JSON.stringify({ users: chunk, event }));
  return payloads;
}

export async function publish(db: Db | Prisma.TransactionClient, userIds: string[], event: RealtimeEvent): Promise<void> {
  for (const payload of payloadsFor(userIds, event)) await db.$executeRaw`SELECT pg_notify(${REALTIME_CHANNEL}, ${payload})`;
}

/** Publishes to every member of a thread. */
export async function publishToThread(db: Db | Prisma.TransactionClient, threadId: string, event: RealtimeEvent): Promise<void> {
  const members = await db.threadMember.findMany({ where: { threadId }, select: { userId: true } });
  await publish(
    db,
    members.map((m) => m.userId),
    event,
  );
}

/** A gift card changed (accepted, declined, a unit taken...): every member of its thread redraws it. */
export async function publishGiftChanged(db: Db | Prisma.TransactionClient, threadId: string, giftId: string): Promise<void> {
  await publishToThread(db, threadId, { type: "gift", threadId, giftId });
}

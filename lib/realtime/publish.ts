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

export async function publish(db: Db | Prisma.TransactionClient, userIds: string[], event: RealtimeEvent): Promise<void> {
  if (userIds.length === 0) return;
  const payload = JSON.stringify({ users: [...new Set(userIds)], event });
  await db.$executeRaw`SELECT pg_notify(${REALTIME_CHANNEL}, ${payload})`;
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

// Kept light (no imports beyond types) so that bulk loaders such as the demo seed can use it.
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";

/**
 * Recomputes the threads' newest-message pointers and unread counters from their
 * messages, for code that inserts messages in bulk instead of through postMessage (demo
 * data, imports). The same definitions the counters follow: others' messages, system
 * ones included, after the member's lastReadAt.
 */
export async function recountThreads(db: Db | Prisma.TransactionClient, threadIds: string[]): Promise<void> {
  if (threadIds.length === 0) return;
  await db.$executeRaw`
    UPDATE "Thread" t
       SET "lastMessageId" = last."id",
           "lastMessageAt" = GREATEST(t."lastMessageAt", last."createdAt")
      FROM (SELECT th."id" AS "threadId", m."id", m."createdAt"
              FROM "Thread" th
              CROSS JOIN LATERAL (SELECT "id", "createdAt" FROM "Message" WHERE "threadId" = th."id"
                                   ORDER BY "createdAt" DESC, "id" DESC LIMIT 1) m
             WHERE th."id" = ANY(${threadIds})) last
     WHERE t."id" = last."threadId"`;
  await db.$executeRaw`
    UPDATE "ThreadMember" tm
       SET "unreadCount" = (
             SELECT count(*) FROM "Message" m
              WHERE m."threadId" = tm."threadId"
                AND (m."senderId" IS NULL OR m."senderId" <> tm."userId")
                AND (tm."lastReadAt" IS NULL OR m."createdAt" > tm."lastReadAt"))::int
     WHERE tm."threadId" = ANY(${threadIds})`;
}

-- The chat list and the unread badge read per-member counters and a pointer to each
-- thread's newest message instead of counting and sorting messages, so they cost the same
-- at 100 and at 100,000 messages. lib/chat/post-message.ts keeps both in the message's own
-- transaction; markThreadRead zeroes the counter. "lastMessageId" has no unique index on
-- purpose: an UPDATE of a uniquely indexed column takes a FOR UPDATE row lock, which
-- conflicts with the KEY SHARE lock every concurrent message insert takes on its thread
-- for the foreign key, and two posts to one thread would deadlock.
ALTER TABLE "Thread" ADD COLUMN "lastMessageId" TEXT;

ALTER TABLE "ThreadMember" ADD COLUMN "unreadCount" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "Thread" ADD CONSTRAINT "Thread_lastMessageId_fkey" FOREIGN KEY ("lastMessageId") REFERENCES "Message"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Backfill from the messages already there: the same definitions the old queries used
-- (newest by (createdAt, id); unread = others' messages, system ones included, after lastReadAt).
UPDATE "Thread" t
   SET "lastMessageId" = (
         SELECT m."id" FROM "Message" m
          WHERE m."threadId" = t."id"
          ORDER BY m."createdAt" DESC, m."id" DESC
          LIMIT 1);

UPDATE "ThreadMember" tm
   SET "unreadCount" = (
         SELECT count(*) FROM "Message" m
          WHERE m."threadId" = tm."threadId"
            AND (m."senderId" IS NULL OR m."senderId" <> tm."userId")
            AND (tm."lastReadAt" IS NULL OR m."createdAt" > tm."lastReadAt"))
 WHERE EXISTS (SELECT 1 FROM "Message" m WHERE m."threadId" = tm."threadId");

import { getCurrentUser } from "@/lib/auth/session";
import { countUnread } from "@/lib/chat/threads";
import { db } from "@/lib/db/client";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The signed-in user's unread total for the badge next to "Chats" (0 when signed out). A sum of counters. */
export async function GET() {
  const user = await getCurrentUser();
  const count = user ? await countUnread(db, user.id) : 0;
  return Response.json({ count }, { headers: { "cache-control": "private, no-store" } });
}

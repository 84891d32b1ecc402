import { createHash } from "node:crypto";
import { ZodError } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { listMessages, listMessagesAfter } from "@/lib/chat/messages";
import { cursorSchema } from "@/lib/chat/schemas";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/validation/result";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Private to the signed-in member; the browser may keep it but must ask again each time (a 304 when nothing changed). */
const CACHE = "private, no-cache";

/**
 * A thread's messages for the open thread page: `?after=<cursor>` catches up after a gap
 * (a reconnect, an event too big to carry its message), `?before=<cursor>` pages back.
 * A plain GET, so it neither waits behind nor holds up the page's server actions (sending).
 */
export async function GET(request: Request, { params }: { params: Promise<{ threadId: string }> }) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: "unauthorized" }, { status: 401, headers: { "cache-control": "no-store" } });
  const { threadId } = await params;
  const query = new URL(request.url).searchParams;
  try {
    const before = query.get("before");
    const page = before
      ? await listMessages(db, user.id, threadId, { before: cursorSchema.parse(before) })
      : await listMessagesAfter(db, user.id, threadId, { after: query.has("after") ? cursorSchema.parse(query.get("after")) : null, limit: 100 });
    const body = JSON.stringify(page);
    const etag = `"${createHash("sha1").update(body).digest("base64url")}"`;
    if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers: { etag, "cache-control": CACHE } });
    return new Response(body, { headers: { "content-type": "application/json", etag, "cache-control": CACHE } });
  } catch (err) {
    // Outsiders get the same answer as for a thread that does not exist.
    if (err instanceof DomainError && err.key === "chat.errors.threadNotFound") return Response.json({ error: "not found" }, { status: 404 });
    if (err instanceof DomainError || err instanceof ZodError) return Response.json({ error: "bad request" }, { status: 400 });
    throw err;
  }
}

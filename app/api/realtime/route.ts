import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { realtimeListener } from "@/lib/realtime/listener";
import { openEventStream } from "@/lib/realtime/sse";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** When the page opening the stream was rendered (ms); anything else counts as not given, and the stream starts with "resync". */
const sinceParam = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional().catch(undefined);

/** The signed-in user's live events as Server-Sent Events (see lib/realtime). */
export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: "unauthorized" }, { status: 401, headers: { "cache-control": "no-store" } });
  const since = sinceParam.parse(new URL(request.url).searchParams.get("since") ?? undefined);
  return openEventStream({ listener: realtimeListener(), userId: user.id, signal: request.signal, since });
}

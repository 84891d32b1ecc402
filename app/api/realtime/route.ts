import { getCurrentUser } from "@/lib/auth/session";
import { realtimeListener } from "@/lib/realtime/listener";
import { openEventStream } from "@/lib/realtime/sse";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The signed-in user's live events as Server-Sent Events (see lib/realtime). */
export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: "unauthorized" }, { status: 401, headers: { "cache-control": "no-store" } });
  return openEventStream({ listener: realtimeListener(), userId: user.id, signal: request.signal });
}

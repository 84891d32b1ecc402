// Liveness: the process answers. No database call, so a database outage does not make
// an orchestrator restart every app process (readiness takes them out of rotation).
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}

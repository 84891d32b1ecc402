// Readiness: 200 when every check passes (database reachable, migrations applied, and
// whatever else registered a check), 503 otherwise. Load balancers route on this.
import { db } from "@/lib/db/client";
import { checkReadiness } from "@/lib/health/check";

export const dynamic = "force-dynamic";

export async function GET() {
  const readiness = await checkReadiness(db);
  return Response.json(
    { status: readiness.ok ? "ok" : "unavailable", checks: Object.fromEntries(readiness.checks.map(({ name, ...r }) => [name, r])) },
    { status: readiness.ok ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}

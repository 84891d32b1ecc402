import { db } from "@/lib/db/client";
import { databaseReachable } from "@/lib/health/check";

export const dynamic = "force-dynamic";

export async function GET() {
  const database = await databaseReachable(db);
  return Response.json(
    { status: database ? "ok" : "unavailable", database: database ? "up" : "down" },
    { status: database ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}

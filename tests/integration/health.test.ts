import { describe, expect, it } from "vitest";
import { createDb } from "../../lib/db/client.ts";
import { databaseReachable } from "../../lib/health/check.ts";
import { useTestDatabase } from "../setup/test-db.ts";

const t = useTestDatabase();

describe("health check", () => {
  it("is healthy when the database answers", async () => {
    expect(await databaseReachable(t.db)).toBe(true);
  });

  it("is unhealthy, within its timeout, when the database is down", async () => {
    // Port 9 (discard) on loopback: nothing listens, so connecting fails.
    const down = createDb("postgresql://lanbao:lanbao@127.0.0.1:9/lanbao");
    const started = Date.now();
    expect(await databaseReachable(down, 1500)).toBe(false);
    expect(Date.now() - started).toBeLessThan(3000);
    await down.$disconnect();
  });

  it("GET /api/health answers 200 with the database up and 503 with it down", async () => {
    process.env.DATABASE_URL = t.url;
    const { GET } = await import("../../app/api/health/route.ts");
    const up = await GET();
    expect(up.status).toBe(200);
    expect(await up.json()).toEqual({ status: "ok", database: "up" });

    // The app's shared client is created on first use; point a fresh one at nowhere.
    (globalThis as { lanbaoDb?: unknown }).lanbaoDb = createDb("postgresql://lanbao:lanbao@127.0.0.1:9/lanbao");
    const downRes = await GET();
    expect(downRes.status).toBe(503);
    expect(await downRes.json()).toEqual({ status: "unavailable", database: "down" });
  });
});

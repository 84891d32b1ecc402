import { cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createDb } from "../../lib/db/client.ts";
import { MIGRATIONS_DIR } from "../../lib/db/migrate.ts";
import { checkReadiness, databaseReachable, registerReadinessCheck } from "../../lib/health/check.ts";
import { useTestDatabase } from "../setup/test-db.ts";

const t = useTestDatabase();
const NOWHERE = "postgresql://lanbao:lanbao@127.0.0.1:9/lanbao"; // port 9 (discard): nothing listens

afterEach(() => {
  delete process.env.LANBAO_MIGRATIONS_DIR;
  (globalThis as { lanbaoReadinessChecks?: unknown }).lanbaoReadinessChecks = undefined;
});

describe("health check", () => {
  it("is healthy when the database answers", async () => {
    // A generous timeout: this checks the answer, not the speed of a loaded test machine.
    expect(await databaseReachable(t.db, 15_000)).toBe(true);
  });

  it("is unhealthy, within its timeout, when the database is down", async () => {
    const down = createDb(NOWHERE);
    const started = Date.now();
    expect(await databaseReachable(down, 1500)).toBe(false);
    expect(Date.now() - started).toBeLessThan(3000);
    await down.$disconnect();
  });

  it("is not ready while a migration this build ships is not applied", async () => {
    process.env.LANBAO_MIGRATIONS_DIR = MIGRATIONS_DIR;
    expect((await checkReadiness(t.db, { timeoutMs: 15_000 })).ok).toBe(true);

    // The same migrations plus one newer than the database has.
    const dir = mkdtempSync(path.join(os.tmpdir(), "lanbao-migrations-"));
    try {
      cpSync(MIGRATIONS_DIR, dir, { recursive: true });
      mkdirSync(path.join(dir, "29991231000000_not_applied"));
      process.env.LANBAO_MIGRATIONS_DIR = dir;
      const readiness = await checkReadiness(t.db, { timeoutMs: 15_000 });
      expect(readiness.ok).toBe(false);
      expect(readiness.checks.find((c) => c.name === "migrations")).toMatchObject({
        ok: false,
        detail: "1 pending, first 29991231000000_not_applied",
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("takes one more named check in one line, and fails when it fails", async () => {
    process.env.LANBAO_MIGRATIONS_DIR = MIGRATIONS_DIR;
    let queueRunning = true;
    registerReadinessCheck({ name: "job-queue", run: async () => ({ ok: queueRunning }) });
    expect((await checkReadiness(t.db, { timeoutMs: 15_000 })).checks.map((c) => c.name)).toEqual(["database", "migrations", "job-queue"]);
    expect((await checkReadiness(t.db, { timeoutMs: 15_000 })).ok).toBe(true);
    queueRunning = false;
    const r = await checkReadiness(t.db, { timeoutMs: 15_000 });
    expect(r.ok).toBe(false);
    expect(r.checks.find((c) => c.name === "job-queue")?.ok).toBe(false);
  });

  it("GET /api/health answers 200 with the database up and 503 with it down; /api/health/live needs no database", async () => {
    process.env.DATABASE_URL = t.url;
    process.env.LANBAO_MIGRATIONS_DIR = MIGRATIONS_DIR;
    const { GET } = await import("../../app/api/health/route.ts");
    const up = await GET();
    expect(up.status).toBe(200);
    expect(await up.json()).toMatchObject({ status: "ok", checks: { database: { ok: true }, migrations: { ok: true } } });

    // The app's shared client is created on first use; point a fresh one at nowhere.
    (globalThis as { lanbaoDb?: unknown }).lanbaoDb = createDb(NOWHERE);
    const downRes = await GET();
    expect(downRes.status).toBe(503);
    const down = await downRes.json();
    expect(down).toMatchObject({ status: "unavailable", checks: { database: { ok: false } } });
    // Public endpoint: no connection details in the answer.
    expect(JSON.stringify(down)).not.toContain("127.0.0.1");

    const live = await (await import("../../app/api/health/live/route.ts")).GET();
    expect(live.status).toBe(200);
  });
});

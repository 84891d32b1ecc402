// Liveness and readiness. Liveness: the process answers (GET /api/health/live). Readiness
// (GET /api/health): every named check passes, so a load balancer may send traffic here.
// A check is one entry in READINESS_CHECKS, or registered at start-up from elsewhere:
//
//   registerReadinessCheck({ name: "job-queue", run: async () => ({ ok: boss.isRunning() }) })
import { readdir } from "node:fs/promises";
import path from "node:path";
import type { Db } from "@/lib/db/client";

export type CheckResult = { ok: boolean; detail?: string };
export type ReadinessCheck = { name: string; run: (db: Db) => Promise<CheckResult> };
export type CheckReport = { name: string; ok: boolean; ms: number; detail?: string };
export type Readiness = { ok: boolean; checks: CheckReport[] };

/** Runs `fn`, failing it after `timeoutMs`. */
async function withTimeout<T>(fn: () => Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    return await Promise.race([fn(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** True when the database answers within the timeout. */
export async function databaseReachable(db: Db, timeoutMs = 3000): Promise<boolean> {
  try {
    await withTimeout(() => db.$queryRaw`SELECT 1`, timeoutMs);
    return true;
  } catch {
    return false;
  }
}

/** Where the migration folders are: set by the runtime; a checkout's prisma/migrations otherwise. */
export function migrationsDir(env: Record<string, string | undefined> = process.env): string {
  // A runtime location, not part of the app: keep the bundler from tracing it.
  return env.LANBAO_MIGRATIONS_DIR || path.join(/*turbopackIgnore: true*/ process.cwd(), "prisma", "migrations");
}

// The folders do not change while the process runs: read each once.
const knownMigrations = new Map<string, Promise<string[]>>();

/** Migrations this build ships that the database has not finished applying. */
export async function pendingMigrations(db: Db): Promise<string[]> {
  const dir = migrationsDir();
  if (!knownMigrations.has(dir)) {
    const names = readdir(dir, { withFileTypes: true }).then((entries) => entries.filter((e) => e.isDirectory()).map((e) => e.name).sort());
    names.catch(() => knownMigrations.delete(dir));
    knownMigrations.set(dir, names);
  }
  const expected = await knownMigrations.get(dir)!;
  let applied: { migration_name: string }[] = [];
  try {
    applied = await db.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  } catch (err) {
    // No ledger yet: nothing applied.
    if (!/_prisma_migrations/.test(String((err as Error).message))) throw err;
  }
  const done = new Set(applied.map((r) => r.migration_name));
  return expected.filter((name) => !done.has(name));
}

export const READINESS_CHECKS: ReadinessCheck[] = [
  { name: "database", run: async (db) => ((await databaseReachable(db)) ? { ok: true } : { ok: false, detail: "unreachable" }) },
  {
    name: "migrations",
    run: async (db) => {
      const pending = await pendingMigrations(db);
      return pending.length === 0 ? { ok: true } : { ok: false, detail: `${pending.length} pending, first ${pending[0]}` };
    },
  },
];

// Shared through globalThis: instrumentation and route handlers are separate bundles.
const state = globalThis as unknown as {
  lanbaoReadinessChecks?: Map<string, ReadinessCheck>;
  lanbaoStopping?: boolean;
  lanbaoStopHooks?: Map<string, () => Promise<void>>;
};

/** Work to finish when the process stops, after the web server and before the database (e.g. the job workers). */
export function registerStopHook(name: string, hook: () => Promise<void>): void {
  (state.lanbaoStopHooks ??= new Map()).set(name, hook);
}

/** Runs the stop hooks; one that fails does not keep the others from running. */
export async function runStopHooks(): Promise<void> {
  await Promise.all([...(state.lanbaoStopHooks?.values() ?? [])].map((hook) => hook().catch(() => {})));
}

/** Adds (or replaces, by name) a readiness check, e.g. from the job queue when it starts. */
export function registerReadinessCheck(check: ReadinessCheck): void {
  (state.lanbaoReadinessChecks ??= new Map()).set(check.name, check);
}

/** From now on this process reports not ready, so load balancers drain it before it stops. */
export function markStopping(): void {
  state.lanbaoStopping = true;
}

export async function checkReadiness(db: Db, opts: { timeoutMs?: number } = {}): Promise<Readiness> {
  const checks = [...READINESS_CHECKS, ...(state.lanbaoReadinessChecks?.values() ?? [])];
  const reports = await Promise.all(
    checks.map(async (check): Promise<CheckReport> => {
      const started = performance.now();
      let result: CheckResult;
      try {
        result = await withTimeout(() => check.run(db), opts.timeoutMs ?? 4000);
      } catch (err) {
        // The endpoint is public: say that it failed, not the internals of why.
        const message = err instanceof Error ? err.message : "";
        result = { ok: false, detail: message.startsWith("no answer within") ? message : "failed" };
      }
      return { name: check.name, ok: result.ok, ms: Math.round(performance.now() - started), ...(result.detail ? { detail: result.detail } : {}) };
    }),
  );
  if (state.lanbaoStopping) reports.push({ name: "accepting", ok: false, ms: 0, detail: "shutting down" });
  return { ok: reports.every((r) => r.ok), checks: reports };
}

// Next.js calls register() once per server process at start-up: each process also runs the
// job workers (pg-boss shares the jobs between processes), unless LANBAO_JOBS=0. They are
// stopped with the process, before its database (scripts/runtime/serve.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.LANBAO_JOBS === "0" || !process.env.DATABASE_URL) return;
  const [{ db }, { startJobRunner }, { registerStopHook }] = await Promise.all([
    import("./lib/db/client"),
    import("./lib/jobs/runner"),
    import("./lib/health/check"),
  ]);
  const runner = await startJobRunner(db, { connectionString: process.env.DATABASE_URL });
  registerStopHook("job-queue", () => runner.stop());
}

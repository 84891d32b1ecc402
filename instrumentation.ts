// Next.js calls register() once per server process at start-up.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.LANBAO_JOBS === "0") return;
  const [{ db }, { startJobs }] = await Promise.all([import("./lib/db/client"), import("./lib/jobs/scheduler")]);
  startJobs(db, { intervalMs: Number(process.env.LANBAO_JOBS_INTERVAL_MS) || undefined });
}

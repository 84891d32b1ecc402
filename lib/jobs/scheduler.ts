import type { Db } from "@/lib/db/client";
import { expireUnacceptedGifts } from "@/lib/gifting/expire";

const DEFAULT_INTERVAL_MS = 60_000;

/**
 * Runs the periodic jobs inside an app process. Every process may run it: the jobs lock
 * their rows with SKIP LOCKED, so several processes share the work instead of doubling it.
 */
export function startJobs(db: Db, opts: { intervalMs?: number; log?: (line: string) => void } = {}) {
  const log = opts.log ?? ((line: string) => console.log(`[jobs] ${line}`));
  let running = false;
  const tick = async () => {
    if (running) return; // a slow run is not overlapped by the next tick
    running = true;
    try {
      const n = await expireUnacceptedGifts(db, { batch: 100 });
      if (n) log(`expired and refunded ${n} gift(s)`);
    } catch (err) {
      log(`gift expiry failed: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, opts.intervalMs ?? DEFAULT_INTERVAL_MS);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}

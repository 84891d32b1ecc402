// `npm run bench:rate-limit`: what the rate limits cost. On a throwaway embedded
// PostgreSQL, prints the latency of one limit check (alone and with concurrent callers,
// spread over two pools as two server processes would be) and of a sign-in with its
// three limits next to the password check alone. Ports: LANBAO_BENCH_DB_PORT (55439).
import { rm } from "node:fs/promises";
import pg from "pg";
import { hashPassword, verifyPassword } from "../lib/auth/password.ts";
import { authenticate } from "../lib/auth/sign-in.ts";
import { signUp } from "../lib/auth/sign-up.ts";
import { createDb } from "../lib/db/client.ts";
import { startEmbeddedPostgres } from "../lib/db/embedded.ts";
import { migrate } from "../lib/db/migrate.ts";
import { readRateLimitConfig } from "../lib/rate-limit/config.ts";
import { RateLimits } from "../lib/rate-limit/limits.ts";

const dataDir = ".tmp/bench-rate-limit";
await rm(dataDir, { recursive: true, force: true });
const server = await startEmbeddedPostgres({ dataDir: `${dataDir}/postgres`, port: Number(process.env.LANBAO_BENCH_DB_PORT ?? 55439) });

function percentile(xs: number[], p: number) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}
const fmt = (xs: number[]) => `p50 ${percentile(xs, 50).toFixed(2)} ms, p99 ${percentile(xs, 99).toFixed(2)} ms`;

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

try {
  await server.createDatabase("bench");
  const url = server.url("bench");
  await migrate(url);
  const pools = [new pg.Pool({ connectionString: url, max: 4 }), new pg.Pool({ connectionString: url, max: 4 })];
  // Limits far above what the bench sends, so every check is the counting path.
  const config = readRateLimitConfig({ LANBAO_LIMIT_MESSAGE: "1000000/1h" });
  const processes = pools.map((p) => new RateLimits(p, config));
  const db = createDb(url, { max: 4 });

  for (let i = 0; i < 200; i++) await processes[i % 2].take("message", `warm-${i % 20}`);

  for (const concurrency of [1, 8, 32]) {
    const latencies: number[] = [];
    const rounds = 2000 / concurrency;
    const t0 = performance.now();
    for (let r = 0; r < rounds; r++) {
      latencies.push(
        ...(await Promise.all(Array.from({ length: concurrency }, (_, c) => timed(() => processes[c % 2].take("message", `user-${c}`))))),
      );
    }
    const seconds = (performance.now() - t0) / 1000;
    console.log(`limit check, ${String(concurrency).padStart(2)} at once: ${fmt(latencies)}, ${Math.round(latencies.length / seconds)} checks/s`);
  }

  await signUp(db, { name: "Bench", email: "bench@example.com", password: "right-password" });
  const hash = await hashPassword("right-password");
  const bcryptOnly: number[] = [];
  const signIns: number[] = [];
  const wrong: number[] = [];
  for (let i = 0; i < 40; i++) {
    bcryptOnly.push(await timed(() => verifyPassword("right-password", hash)));
    signIns.push(await timed(() => authenticate(db, { email: "bench@example.com", password: "right-password" }, { address: "192.0.2.1", limits: processes[i % 2] })));
    // A different unknown account and address each time, so no wait starts.
    wrong.push(await timed(() => authenticate(db, { email: `nobody-${i}@example.com`, password: "wrong" }, { address: `198.51.100.${i}`, limits: processes[i % 2] })));
  }
  console.log(`password check alone: ${fmt(bcryptOnly)}`);
  console.log(`sign-in, right password (three limits counted, two cleared): ${fmt(signIns)}`);
  console.log(`sign-in, wrong password (three limits counted): ${fmt(wrong)}`);

  await db.$disconnect();
  await Promise.all(pools.map((p) => p.end()));
} finally {
  await server.stop();
}

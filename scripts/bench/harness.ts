// What the `npm run bench:*` scripts share: the production build, the end-to-end server
// (its own database with the demo data, its own Stripe sandbox), a Prisma client on that
// database for setting up data through the services, HTTP sign-in, and small statistics.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readFile, rm } from "node:fs/promises";
import pg from "pg";
import { createDb, type Db } from "../../lib/db/client.ts";
import { embeddedDatabaseUrl, startEmbeddedPostgres } from "../../lib/db/embedded.ts";

export const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
export const chromiumPath = process.env.CHROME_PATH ?? process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const port = Number(process.env.E2E_PORT ?? 3100);
export const base = `http://localhost:${port}`;
export const sandboxUrl = `http://127.0.0.1:${process.env.E2E_STRIPE_SANDBOX_PORT ?? "12112"}`;
/** Where scripts/e2e-server.ts keeps its data (and the server's auth secret). */
export const E2E_DATA_DIR = ".tmp/e2e";
export const DEMO_PASSWORD = "lanbao-demo";

/** Chromium flags that work here as root, on a machine with no network beyond loopback. */
export const CHROME_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export const args = process.argv.slice(2);
export function numberArg(name: string, fallback: number): number {
  const i = args.indexOf(name);
  return i >= 0 ? Math.max(1, Number(args[i + 1]) || fallback) : fallback;
}

export function step(title: string) {
  console.log(`\n▶ ${title}`);
}

/** `next build` into .next-e2e (the build the e2e server runs), unless --no-build. */
export function buildApp() {
  if (args.includes("--no-build")) return;
  step("next build (.next-e2e)");
  const r = spawnSync("npx", ["next", "build"], { env: { ...env, LANBAO_NEXT_DIST_DIR: ".next-e2e" }, stdio: "inherit" });
  if (r.status !== 0) throw new Error("next build failed");
}

export async function waitForHttp(url: string, timeoutMs: number, child?: ChildProcess) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`the server exited (code ${child.exitCode})`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/** A process group started by the bench, stopped with everything it started. */
export class Started {
  constructor(readonly child: ChildProcess) {}

  async stop() {
    const child = this.child;
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise((r) => child.once("exit", r));
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      /* already gone */
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))]);
  }
}

const running: Started[] = [];
async function stopAll() {
  for (const s of running.splice(0).reverse()) await s.stop();
}
process.on("SIGINT", () => void stopAll().finally(() => process.exit(130)));

export function startDetached(cmd: string, argv: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Started {
  const child = spawn(cmd, argv, { cwd: opts.cwd, env: opts.env ?? env, stdio: ["ignore", "ignore", "inherit"], detached: true });
  const started = new Started(child);
  running.push(started);
  return started;
}

/** The end-to-end server on the production build: a fresh database with the demo data. */
export async function startAppServer(): Promise<Started> {
  step(`starting the e2e server on ${base}`);
  const server = startDetached("npx", ["tsx", "scripts/e2e-server.ts"], { env: { ...env, E2E_PORT: String(port) } });
  await waitForHttp(`${base}/api/health`, 180_000, server.child);
  return server;
}

export { stopAll };

/** The database scripts/e2e-server.ts gives the server. */
export function appDatabaseUrl(): string {
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = "/lanbao_e2e";
    return url.toString();
  }
  return embeddedDatabaseUrl(Number(process.env.LANBAO_DB_PORT ?? 54339), "lanbao");
}

export function appDb(): Db {
  return createDb(appDatabaseUrl(), { max: 4 });
}

/** The server's auth secret (gift links are signed with it). */
export async function appSecret(): Promise<string> {
  return (await readFile(`${E2E_DATA_DIR}/auth-secret`, "utf8")).trim();
}

function cookiesOf(res: Response): string[] {
  return res.headers.getSetCookie().map((c) => c.split(";")[0]);
}

/** Signs in through next-auth's credentials endpoint, as the sign-in form does; returns the Cookie header. */
export async function signInCookie(email: string, password: string): Promise<string> {
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const jar = cookiesOf(csrfRes);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: base, json: "true" }),
  });
  const session = cookiesOf(res).find((c) => c.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`sign-in failed for ${email} (${res.status})`);
  return [...jar, session].join("; ");
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const ms = (v: number) => `${v.toFixed(v < 10 ? 1 : 0)} ms`;

/**
 * An empty database for a benchmark of the services alone: `lanbao_bench_<name>` on
 * DATABASE_URL's server (dropped and made again), else an embedded server of its own in
 * .tmp/bench-<name> on `port`.
 */
export async function freshBenchDatabase(name: string, port: number): Promise<{ url: string; stop: () => Promise<void> }> {
  if (process.env.DATABASE_URL) {
    const admin = new URL(process.env.DATABASE_URL);
    admin.pathname = "/postgres";
    const c = new pg.Client({ connectionString: admin.toString() });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS lanbao_bench_${name} WITH (FORCE)`);
    await c.query(`CREATE DATABASE lanbao_bench_${name}`);
    await c.end();
    admin.pathname = `/lanbao_bench_${name}`;
    return { url: admin.toString(), stop: async () => {} };
  }
  const dataDir = `.tmp/bench-${name}`;
  await rm(dataDir, { recursive: true, force: true });
  const server = await startEmbeddedPostgres({ dataDir, port });
  await server.createDatabase("bench");
  return { url: server.url("bench"), stop: () => server.stop() };
}

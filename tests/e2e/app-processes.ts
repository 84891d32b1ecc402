// Starts extra Lanbao app processes beside the end-to-end server, on its database (a
// production start: DATABASE_URL set), for tests of what crosses processes: live updates,
// uploads, and (for the job queue) that each job runs once however many processes run.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";

export type AppProcess = { name: string; url: string; child: ChildProcess; output: string[]; stop(): Promise<void> };

/** The end-to-end server's database, auth secret and Stripe sandbox (written by scripts/e2e-server.ts). */
export function e2eServer(): { databaseUrl: string; nextauthSecret: string; linkSecret: string; stripeSandboxUrl: string } {
  return JSON.parse(readFileSync(".tmp/e2e/server.json", "utf8"));
}

/** The settings every extra process shares with the end-to-end server. */
export function sharedEnv(): Record<string, string> {
  const server = e2eServer();
  return {
    NODE_ENV: "production",
    DATABASE_URL: server.databaseUrl,
    NEXTAUTH_SECRET: server.nextauthSecret, // the same on every process, so each reads every session
    LANBAO_LINK_SECRET: server.linkSecret, // and makes the same gift links
    LANBAO_STRIPE_SANDBOX: "1",
    STRIPE_SANDBOX_URL: server.stripeSandboxUrl, // the e2e server's sandbox, shared
    LANBAO_NEXT_DIST_DIR: ".next-e2e",
  };
}

/** `npm start` as its own process on `port`; resolves once it says it is ready. */
export function startAppProcess(name: string, port: number, env: Record<string, string>): Promise<AppProcess> {
  const output: string[] = [];
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: { ...process.env, ...env, PORT: String(port), NEXTAUTH_URL: `http://localhost:${port}`, LANBAO_DATA_DIR: `.tmp/app-processes/${name}` },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  const app: AppProcess = { name, url: `http://localhost:${port}`, child, output, stop };
  for (const s of [child.stdout!, child.stderr!]) s.on("data", (d) => output.push(String(d)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`app ${name} did not start:\n${output.join("")}`)), 120_000);
    child.stdout!.on("data", () => {
      if (/\[lanbao\] ready in/.test(output.join(""))) {
        clearTimeout(timer);
        resolve(app);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`app ${name} exited (${code}):\n${output.join("")}`));
    });
  });
}

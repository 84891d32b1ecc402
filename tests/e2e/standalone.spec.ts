// The container image's contents without a container engine: the standalone output of the
// build this suite runs against, completed by scripts/build-standalone.ts, copied out of
// the checkout (so it can use nothing but itself) and started with node as the image's
// CMD does, against the end-to-end database.
import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100) + 3;
const url = `http://localhost:${port}`;
let dir = "";
let app: ChildProcess | undefined;
const output: string[] = [];
let env: Record<string, string> = {};

test.describe.configure({ mode: "serial", timeout: 120_000 });

test.beforeAll(async () => {
  execFileSync(process.execPath, ["--import", "tsx", "scripts/build-standalone.ts"], { env: { ...process.env, LANBAO_NEXT_DIST_DIR: ".next-e2e" }, stdio: "pipe" });
  dir = mkdtempSync(path.join(os.tmpdir(), "lanbao-standalone-"));
  cpSync(".next-e2e/standalone", dir, { recursive: true });
  const server = JSON.parse(readFileSync(".tmp/e2e/server.json", "utf8")) as { databaseUrl: string };
  // Only what an operator would set: no PATH tricks, no checkout around it.
  env = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    NODE_ENV: "production",
    PORT: String(port),
    DATABASE_URL: server.databaseUrl,
    NEXTAUTH_SECRET: "standalone-test-secret-".padEnd(44, "x"),
    LANBAO_LINK_SECRET: "standalone-link-secret-".padEnd(44, "x"),
    NEXTAUTH_URL: url,
    STRIPE_SECRET_KEY: "sk_test_standalone_unused",
    STRIPE_WEBHOOK_SECRET: "whsec_standalone_unused",
    LANBAO_MIGRATE: "0", // migrations as a release step, below
    LANBAO_JOBS: "0",
  };
});

test.afterAll(async () => {
  if (app && app.exitCode === null) {
    app.kill("SIGKILL");
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test("migrates as a release step, then starts and answers health, pages, assets; logs JSON; stops on SIGTERM", async ({ request }) => {
  const missing = spawnSync(process.execPath, ["lanbao.mjs"], { cwd: dir, env: { PATH: env.PATH } as unknown as NodeJS.ProcessEnv, encoding: "utf8" });
  expect(missing.status).toBe(1);
  expect(missing.stderr.trim()).toMatch(/^lanbao: DATABASE_URL is not set: the image has no database of its own/);

  const migrate = spawnSync(process.execPath, ["lanbao.mjs", "migrate"], { cwd: dir, env: env as unknown as NodeJS.ProcessEnv, encoding: "utf8" });
  expect(migrate.status, migrate.stderr).toBe(0);
  expect(migrate.stdout).toContain("database schema is up to date");

  const child = spawn(process.execPath, ["lanbao.mjs"], { cwd: dir, env: env as unknown as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] });
  app = child;
  child.stdout!.on("data", (d) => output.push(String(d)));
  child.stderr!.on("data", (d) => output.push(String(d)));
  await expect.poll(() => output.join(""), { timeout: 60_000 }).toMatch(/\[lanbao\] ready in \d+ ms: .*\(standalone, production;/);

  const health = await request.get(`${url}/api/health`);
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ status: "ok", checks: { database: { ok: true }, migrations: { ok: true } } });
  expect((await request.get(`${url}/api/health/live`)).status()).toBe(200);

  const signIn = await request.get(`${url}/sign-in`);
  expect(signIn.status()).toBe(200);
  const html = await signIn.text();
  const chunk = /\/_next\/static\/[^"]+\.js/.exec(html)?.[0];
  expect(chunk, "a script chunk on the sign-in page").toBeTruthy();
  expect((await request.get(`${url}${chunk}`)).status()).toBe(200);
  expect((await request.get(`${url}/shops/coffee.webp`)).status()).toBe(200); // public/
  const home = await request.get(`${url}/`, { maxRedirects: 0 });
  expect(home.status()).toBe(307);

  // One JSON line per request (written as each response ends).
  const requests = () =>
    output
      .join("")
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as { kind: string; route: string; status: number })
      .filter((e) => e.kind === "request")
      .map((e) => `${e.route} ${e.status}`);
  await expect.poll(requests).toEqual(expect.arrayContaining(["/api/health 200", "/sign-in 200", "/_next/static/* 200", "/ 307"]));

  const started = Date.now();
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  child.kill("SIGTERM");
  expect(await exited).toBe(0);
  expect(Date.now() - started).toBeLessThan(10_000);
});

// `npm start` refusing to start, as an operator sees it: a non-zero exit and one line
// saying what is wrong and what to do, never a stack trace. None of these needs a build:
// they all stop before Next.js loads.
import { execFileSync, spawn } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { freePort } from "../setup/global-db.ts";

const scratch = mkdtempSync(path.join(os.tmpdir(), "lanbao-startup-"));
chmodSync(scratch, 0o755); // mkdtemp makes it 0700, which is the very case tested below
const mounts: string[] = [];
const servers: net.Server[] = [];

afterAll(() => {
  for (const m of mounts) {
    try {
      execFileSync("umount", [m]);
    } catch {
      /* already gone */
    }
  }
  for (const s of servers) s.close();
  rmSync(scratch, { recursive: true, force: true });
});

type Outcome = { code: number | null; stdout: string; stderr: string };

async function npmStart(env: Record<string, string | undefined>): Promise<Outcome> {
  const base = { ...process.env };
  for (const k of ["DATABASE_URL", "NODE_ENV", "STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET", "NEXTAUTH_URL", "LANBAO_SEED", "LANBAO_STRIPE_SANDBOX"]) delete base[k];
  const ports = { PORT: String(await freePort()), LANBAO_DB_PORT: String(await freePort()), STRIPE_SANDBOX_PORT: String(await freePort()) };
  return new Promise((resolve) => {
    const child = spawn("npm", ["start"], { env: { ...base, ...ports, LANBAO_DATA_DIR: path.join(scratch, "data"), ...env } as NodeJS.ProcessEnv });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), 80_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Exactly one "lanbao:" line, matching `pattern`, and no stack trace. */
function expectOneLine(out: Outcome, pattern: RegExp) {
  expect(out.code, out.stdout + out.stderr).not.toBe(0);
  const lines = out.stderr.split("\n").filter((l) => l.startsWith("lanbao: "));
  expect(lines, out.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(out.stderr + out.stdout).not.toMatch(/^\s+at /m);
}

async function occupy(port: number, host = "127.0.0.1") {
  const srv = net.createServer();
  servers.push(srv);
  await new Promise<void>((r) => srv.listen(port, host, () => r()));
}

const isRoot = process.getuid?.() === 0;

describe("npm start refuses clearly", () => {
  it("a production start (DATABASE_URL set) without NEXTAUTH_SECRET", async () => {
    const out = await npmStart({ DATABASE_URL: inject("testAdminUrl"), NEXTAUTH_SECRET: "" });
    expectOneLine(out, /NEXTAUTH_SECRET is not set/);
  }, 90_000);

  it("NODE_ENV=production without a Stripe webhook secret (no published default in production)", async () => {
    const out = await npmStart({
      NODE_ENV: "production",
      DATABASE_URL: inject("testAdminUrl"),
      NEXTAUTH_SECRET: "s".repeat(40),
      LANBAO_LINK_SECRET: "l".repeat(40),
      NEXTAUTH_URL: "https://lanbao.example.com",
      STRIPE_SECRET_KEY: "sk_test_abc",
    });
    expectOneLine(out, /STRIPE_WEBHOOK_SECRET is not set/);
  }, 90_000);

  it("a busy port, for each of the app, the database and the Stripe sandbox", async () => {
    for (const [setting, what] of [
      ["PORT", "the web app"],
      ["LANBAO_DB_PORT", "the embedded PostgreSQL"],
      ["STRIPE_SANDBOX_PORT", "the Stripe sandbox"],
    ] as const) {
      const port = await freePort();
      await occupy(port, setting === "PORT" ? "::" : "127.0.0.1");
      const out = await npmStart({ [setting]: String(port) });
      expectOneLine(out, new RegExp(`Port ${port} \\(${what}, ${setting}\\) is already in use.*set ${setting} to a free port`));
    }
  }, 180_000);

  it.skipIf(!isRoot)("as root, a data folder the postgres user cannot enter (a 0700 parent)", async () => {
    const privateDir = path.join(scratch, "private");
    mkdirSync(privateDir, { mode: 0o700 });
    chmodSync(privateDir, 0o700);
    const out = await npmStart({ LANBAO_DATA_DIR: path.join(privateDir, "data") });
    expectOneLine(out, new RegExp(`"postgres" user, which cannot enter ${privateDir} \\(mode 700\\)`));
  }, 90_000);

  // A real small disk: a 4 MB tmpfs (needs root; skipped where mounting is not allowed).
  const tinyDisk = path.join(scratch, "tiny");
  let mounted = false;
  if (isRoot) {
    try {
      mkdirSync(tinyDisk);
      execFileSync("mount", ["-t", "tmpfs", "-o", "size=4m,mode=1777", "tmpfs", tinyDisk], { stdio: "ignore" });
      mounts.push(tinyDisk);
      mounted = true;
    } catch {
      mounted = false;
    }
  }

  it.skipIf(!mounted)("a full disk: caught before starting, and when the database runs out of space", async () => {
    const before = await npmStart({ LANBAO_DATA_DIR: path.join(tinyDisk, "a") });
    expectOneLine(before, /The disk holding .*\/a has \d+ MB free; Lanbao needs at least 200 MB/);

    // Past the free-space check (threshold lowered), initdb itself hits ENOSPC.
    const during = await npmStart({ LANBAO_DATA_DIR: path.join(tinyDisk, "b"), LANBAO_MIN_FREE_MB: "1" });
    expectOneLine(during, /disk holding .* is full: free some space, or set LANBAO_DATA_DIR/);
  }, 180_000);
});

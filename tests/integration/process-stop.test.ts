// Stopping Lanbao the way process managers do: a signal to one process of the tree
// (npm, or the server process that runs Next.js), or a SIGKILL that leaves the rest to
// notice on their own. Each time, every process the start created must be gone and every
// port free within 10 s, and the next start (right after) must work. (npm forwards SIGINT
// exactly as it forwards SIGTERM, so one of the two is enough.)
import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "../setup/global-db.ts";
import { alive, commandOf, descendants, killAll, launch, portBound, waitFor, type Launched } from "../setup/process-tree.ts";

const dataDir = path.resolve(".tmp", `stop-test-${process.pid}`);
const leftovers: number[] = [];

afterAll(() => {
  killAll(leftovers);
  rmSync(dataDir, { recursive: true, force: true });
});

type Target = "npm" | "server";
const CASES: { target: Target; signal: NodeJS.Signals; why: string }[] = [
  { target: "npm", signal: "SIGTERM", why: "npm forwards it to the server" },
  { target: "npm", signal: "SIGHUP", why: "npm dies without forwarding it; the server notices its parent is gone" },
  { target: "server", signal: "SIGINT", why: "the server's own handler (SIGTERM and SIGHUP take the same path)" },
  { target: "server", signal: "SIGKILL", why: "nothing runs in the server: the database's watchdog and Next's workers notice" },
  { target: "npm", signal: "SIGKILL", why: "the server notices its parent is gone" },
];

async function startDev(ports: { app: number; db: number; sandbox: number }): Promise<Launched> {
  const env = { ...process.env };
  for (const k of ["DATABASE_URL", "STRIPE_SECRET_KEY", "NODE_ENV", "NEXTAUTH_URL", "LANBAO_STRIPE_SANDBOX"]) delete env[k];
  const run = launch("npm", ["run", "dev"], {
    ...env,
    PORT: String(ports.app),
    LANBAO_DB_PORT: String(ports.db),
    STRIPE_SANDBOX_PORT: String(ports.sandbox),
    LANBAO_DATA_DIR: dataDir,
    LANBAO_SEED: "0",
    // A build folder other than a developer's own `npm run dev` (.next), so both can run.
    LANBAO_NEXT_DIST_DIR: ".next-e2e",
    NEXT_TELEMETRY_DISABLED: "1",
  });
  leftovers.push(run.child.pid!);
  await waitFor("the dev server to say it is ready", () => /\[lanbao\] ready in/.test(run.output()) || run.child.exitCode !== null, 90_000, 200);
  if (!/\[lanbao\] ready in/.test(run.output())) throw new Error(`npm run dev did not start:\n${run.output()}`);
  return run;
}

describe("stopping npm run dev", () => {
  it("leaves no process and no bound port, whichever process gets which signal", async () => {
    const timings: string[] = [];
    for (const c of CASES) {
      const ports = { app: await freePort(), db: await freePort(), sandbox: await freePort() };
      const run = await startDev(ports);
      const npmPid = run.child.pid!;
      const server = descendants(npmPid).find((pid) => commandOf(pid).includes("scripts/dev.ts"));
      expect(server, "the server process").toBeDefined();

      if (c.target === "server" && c.signal === "SIGKILL") {
        // Make Next.js start its worker processes (CSS compilation) so their fate is tested too.
        const res = await fetch(`http://127.0.0.1:${ports.app}/sign-in`);
        expect(res.status).toBe(200);
      }
      const tree = [npmPid, ...descendants(npmPid)];
      leftovers.push(...tree);
      expect(tree.some((pid) => commandOf(pid).includes("postgres")), "an embedded PostgreSQL in the tree").toBe(true);
      for (const port of Object.values(ports)) expect(await portBound(port), `port ${port} bound`).toBe(true);

      process.kill(c.target === "npm" ? npmPid : server!, c.signal);
      const took = await waitFor(
        `everything gone after ${c.signal} to ${c.target} (${c.why})`,
        async () => {
          if (tree.some(alive)) return false;
          for (const port of Object.values(ports)) if (await portBound(port)) return false;
          return true;
        },
        10_000,
      ).catch((err) => {
        const left = tree.filter(alive).map((pid) => `${pid} ${commandOf(pid).slice(0, 100)}`);
        throw new Error(`${err.message}; still running:\n${left.join("\n")}\n--- output ---\n${run.output().slice(-3000)}`);
      });
      timings.push(`${c.signal} → ${c.target}: ${took} ms`);
    }
    console.log(`stop times: ${timings.join("; ")}`);
  }, 480_000);
});

// One Lanbao process: checks its settings and the machine, starts the services it needs
// (scripts/runtime/services.ts), then Next.js inside this same process behind Lanbao's
// HTTP server, and stops them all, in order, however it is asked to stop
// (scripts/runtime/lifecycle.ts). Used by `npm run dev`, `npm start`, the end-to-end
// server and the container image.
import { readSettings, type RunMode, type Settings } from "./config.ts";
import { startHttpServer, type LanbaoHttpServer } from "./http-server.ts";
import { manageLifecycle } from "./lifecycle.ts";
import { ensureDataDir, ensureDiskSpace, ensurePortFree, operatorMessage } from "./preflight.ts";
import { startServices, type Services } from "./services.ts";

const log = (line: string) => console.log(`[lanbao] ${line}`);

/** Prints the one line for a problem the operator can fix (or the whole error for a bug) and exits 1. */
export function failStart(err: unknown): never {
  const line = operatorMessage(err);
  if (line) console.error(`lanbao: ${line}`);
  else console.error(err);
  process.exit(1);
}

async function preflight(settings: Settings) {
  await ensurePortFree(settings.port, settings.hostname, "the web app", "PORT");
  if (!settings.databaseUrl) {
    ensureDataDir(settings.dataDir);
    ensureDiskSpace(settings.dataDir);
    await ensurePortFree(settings.dbPort, "127.0.0.1", "the embedded PostgreSQL", "LANBAO_DB_PORT");
  }
  if (settings.sandbox && !process.env.STRIPE_SANDBOX_URL) await ensurePortFree(settings.sandboxPort, "127.0.0.1", "the Stripe sandbox", "STRIPE_SANDBOX_PORT");
}

export async function serveLanbao(mode: RunMode, opts: { dir?: string; migrationsDir?: string } = {}) {
  const t0 = Date.now();
  let services: Services | undefined;
  let http: LanbaoHttpServer | undefined;
  const lifecycle = manageLifecycle({
    log,
    async stop() {
      const { markStopping, runStopHooks } = await import("../../lib/health/check.ts");
      markStopping();
      // Open requests get a moment to finish; live streams are then cut and browsers
      // reconnect (to another process, behind a load balancer).
      const t = Date.now();
      await http?.close(2_000);
      const web = Date.now() - t;
      // The job workers finish their current job while the database is still there.
      await runStopHooks();
      await services?.stop();
      log(`stopped in ${Date.now() - t} ms (web server ${web} ms)`);
    },
  });

  if (opts.migrationsDir) process.env.LANBAO_MIGRATIONS_DIR = opts.migrationsDir;
  try {
    const settings = readSettings(mode);
    // Set before Next.js loads: React and Next pick their builds from it.
    (process.env as Record<string, string>).NODE_ENV = mode === "dev" ? "development" : "production";
    await preflight(settings);
    services = await startServices({ settings, databaseName: "lanbao", log });
    Object.assign(process.env, services.env, { LANBAO_NEXT_DIST_DIR: settings.distDir });
    const dir = opts.dir ?? process.cwd();
    http = await startHttpServer({
      dev: mode === "dev",
      dir,
      distDir: settings.distDir,
      port: settings.port,
      hostname: settings.hostname,
      logAssets: mode !== "dev",
    });
    http.server.on("close", () => lifecycle.shutdown("server exited"));
    if (mode !== "dev") {
      // One request through the whole app (database client, route code) before saying
      // ready, so the first real request does not pay for loading them.
      const host = !settings.hostname || settings.hostname === "0.0.0.0" || settings.hostname === "::" ? "127.0.0.1" : settings.hostname;
      await fetch(`http://${host.includes(":") ? `[${host}]` : host}:${settings.port}/api/health`, { signal: AbortSignal.timeout(15_000) })
        .then((r) => r.arrayBuffer())
        .catch(() => {});
    }
    log(
      `ready in ${Date.now() - t0} ms: http://localhost:${settings.port} (${mode}${settings.production ? ", production" : ""}; ` +
        `seed ${settings.seed ? "on" : "off"}, Stripe ${settings.sandbox ? "sandbox" : "live settings"}; pid ${process.pid})`,
    );
  } catch (err) {
    await services?.stop().catch(() => {});
    failStart(err);
  }
}

import { spawn } from "node:child_process";
import { startServices, stopOnSignals } from "./services.ts";

/**
 * Starts the services, then `next dev` or `next start` with their settings. Ctrl-C stops
 * Next.js first, then the Stripe sandbox and PostgreSQL, leaving no process behind.
 */
export async function serveLanbao(mode: "dev" | "start") {
  const port = Number(process.env.PORT ?? 3000);
  const log = (l: string) => console.log(`[lanbao] ${l}`);
  const t0 = Date.now();
  const services = await startServices({
    dataDir: process.env.LANBAO_DATA_DIR ?? ".data",
    appPort: port,
    dbPort: Number(process.env.LANBAO_DB_PORT ?? 54329),
    databaseName: "lanbao",
    sandboxPort: Number(process.env.STRIPE_SANDBOX_PORT ?? 12111),
    seed: process.env.LANBAO_SEED !== "0",
    log,
  });
  log(`services ready in ${Date.now() - t0} ms; Next.js (${mode}) on http://localhost:${port}`);

  const next = spawn("npx", ["next", mode, "--port", String(port)], {
    stdio: "inherit",
    env: { ...process.env, ...services.env },
  });
  stopOnSignals(async () => {
    if (next.exitCode === null && next.signalCode === null) {
      next.kill("SIGTERM");
      await new Promise((r) => next.once("exit", r));
    }
    await services.stop();
  });
  next.on("exit", (code) => void services.stop().finally(() => process.exit(code ?? 0)));
}

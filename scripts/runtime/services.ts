// Brings up what the Lanbao app needs around it: the database (embedded unless
// DATABASE_URL is set), its migrations and demo data, the auth secret, and the local
// Stripe sandbox (unless STRIPE_SECRET_KEY is set). Shared by `npm run dev`,
// `npm start` and the end-to-end test server.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { refreshStaleSearchText } from "../../lib/catalog/search-text.ts";
import { createDb } from "../../lib/db/client.ts";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../../lib/db/embedded.ts";
import { migrate } from "../../lib/db/migrate.ts";
import { seed } from "../../prisma/seed/index.ts";
import { startStripeSandbox } from "../stripe-sandbox/server.ts";

export type ServicesOptions = {
  dataDir: string;
  appPort: number;
  dbPort: number;
  databaseName: string;
  sandboxPort: number;
  seed: boolean;
  log: (line: string) => void;
};

export type Services = { env: Record<string, string>; stop(): Promise<void> };

async function persistentSecret(dataDir: string): Promise<string> {
  const file = path.join(dataDir, "auth-secret");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const secret = randomBytes(32).toString("base64url");
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, secret + "\n", { mode: 0o600 });
  return secret;
}

export async function startServices(opts: ServicesOptions): Promise<Services> {
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch((e) => opts.log(`stop failed: ${e}`));
  };
  try {
    let databaseUrl = process.env.DATABASE_URL;
    if (!databaseUrl) {
      const t0 = Date.now();
      const pg: EmbeddedDatabase = await startEmbeddedPostgres({
        dataDir: path.join(opts.dataDir, "postgres"),
        port: opts.dbPort,
      });
      stops.push(() => pg.stop());
      await pg.createDatabase(opts.databaseName);
      databaseUrl = pg.url(opts.databaseName);
      opts.log(`PostgreSQL ready on port ${opts.dbPort} in ${Date.now() - t0} ms (data in ${path.join(opts.dataDir, "postgres")})`);
    }

    const applied = await migrate(databaseUrl, { log: opts.log });
    if (applied.length === 0) opts.log("database schema is up to date");
    {
      const t0 = Date.now();
      const db = createDb(databaseUrl, { max: 4 });
      try {
        if (opts.seed) {
          await seed(db);
          opts.log(`demo data checked in ${Date.now() - t0} ms`);
        }
        // Pinyin and category names in the search text of rows written without them.
        const written = await refreshStaleSearchText(db);
        if (written > 0) opts.log(`search text written for ${written} products`);
      } finally {
        await db.$disconnect();
      }
    }

    const appUrl = process.env.NEXTAUTH_URL ?? `http://localhost:${opts.appPort}`;
    const env: Record<string, string> = {
      DATABASE_URL: databaseUrl,
      NEXTAUTH_URL: appUrl,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? (await persistentSecret(opts.dataDir)),
      NEXT_TELEMETRY_DISABLED: "1",
    };

    if (!process.env.STRIPE_SECRET_KEY) {
      const webhookSecret = process.env.STRIPE_WEBHOOK_SECRET ?? "whsec_lanbao_sandbox";
      const sandbox = await startStripeSandbox({
        port: opts.sandboxPort,
        webhookUrl: `${appUrl}/api/stripe/webhook`,
        webhookSecret,
        log: (l) => opts.log(`[stripe-sandbox] ${l}`),
      });
      stops.push(() => sandbox.stop());
      env.STRIPE_SANDBOX_URL = sandbox.url;
      env.STRIPE_WEBHOOK_SECRET = webhookSecret;
      opts.log(`Stripe sandbox on ${sandbox.url}`);
    }
    return { env, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** Stops the services once on SIGINT/SIGTERM (Ctrl-C), after the given child processes. */
export function stopOnSignals(stopAll: () => Promise<void>) {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: stopping Lanbao…\n`);
    void stopAll().finally(() => process.exit(0));
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
  process.on("SIGHUP", handler);
}

// Brings up what the Lanbao app needs around it, as the settings say: the database
// (embedded unless DATABASE_URL is set), its migrations, the demo data, the auth secret,
// and the local Stripe sandbox. Shared by `npm run dev`, `npm start`, the end-to-end test
// server and the container image (which has neither the embedded database nor the seed).
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { migrate } from "../../lib/db/migrate.ts";
import type { Settings } from "./config.ts";

export type ServicesOptions = {
  settings: Settings;
  databaseName: string;
  log: (line: string) => void;
};

export type Services = { env: Record<string, string>; stop(): Promise<void> };

/**
 * A development secret kept in the data folder. The link secret starts as a copy of the
 * auth secret when a data folder from before it existed has one, so its gift links keep
 * working; from then on the two are independent.
 */
async function persistentSecret(dataDir: string, name: "auth-secret" | "link-secret"): Promise<string> {
  const file = path.join(dataDir, name);
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const inherited = path.join(dataDir, "auth-secret");
  const secret =
    name === "link-secret" && existsSync(inherited) ? (await readFile(inherited, "utf8")).trim() : randomBytes(32).toString("base64url");
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, secret + "\n", { mode: 0o600 });
  return secret;
}

// Module paths kept out of a bundler's sight: the container image does without them.
const EMBEDDED_DB = "../../lib/db/embedded.ts";
const SEED = "../../prisma/seed/index.ts";
const DB_CLIENT = "../../lib/db/client.ts";
const SEARCH_TEXT = "../../lib/catalog/search-text.ts";

export async function startServices({ settings, databaseName, log }: ServicesOptions): Promise<Services> {
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const s of stops.splice(0).reverse()) await s().catch((e) => log(`stop failed: ${e}`));
  };
  try {
    let databaseUrl = settings.databaseUrl;
    if (!databaseUrl) {
      const t0 = Date.now();
      const { startEmbeddedPostgres } = (await import(/* @vite-ignore */ EMBEDDED_DB)) as typeof import("../../lib/db/embedded.ts");
      const dataDir = path.join(settings.dataDir, "postgres");
      const pg = await startEmbeddedPostgres({ dataDir, port: settings.dbPort });
      stops.push(() => pg.stop());
      await pg.createDatabase(databaseName);
      databaseUrl = pg.url(databaseName);
      log(`PostgreSQL ready on port ${settings.dbPort} in ${Date.now() - t0} ms (data in ${dataDir})`);
    }

    if (settings.migrate) {
      const applied = await migrate(databaseUrl, { log, dir: process.env.LANBAO_MIGRATIONS_DIR || undefined });
      if (applied.length === 0) log("database schema is up to date");
    } else {
      log("migrations skipped (LANBAO_MIGRATE=0): run `npm run db:migrate` as a release step");
    }
    if (settings.seed) {
      const t0 = Date.now();
      const [{ seed }, { createDb }, { refreshStaleSearchText }] = (await Promise.all([
        import(/* @vite-ignore */ SEED),
        import(/* @vite-ignore */ DB_CLIENT),
        import(/* @vite-ignore */ SEARCH_TEXT),
      ])) as [typeof import("../../prisma/seed/index.ts"), typeof import("../../lib/db/client.ts"), typeof import("../../lib/catalog/search-text.ts")];
      const db = createDb(databaseUrl, { max: 4 });
      try {
        await seed(db);
        log(`demo data checked in ${Date.now() - t0} ms`);
        // Pinyin and category names in the search text of rows written without them
        // (production runs `npm run db:reindex-search` instead: docs/deploy.md).
        const written = await refreshStaleSearchText(db);
        if (written > 0) log(`search text written for ${written} products`);
      } finally {
        await db.$disconnect();
      }
    }

    const appUrl = process.env.NEXTAUTH_URL ?? `http://localhost:${settings.port}`;
    const env: Record<string, string> = {
      DATABASE_URL: databaseUrl,
      NEXTAUTH_URL: appUrl,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? (await persistentSecret(settings.dataDir, "auth-secret")),
      LANBAO_LINK_SECRET: process.env.LANBAO_LINK_SECRET ?? (await persistentSecret(settings.dataDir, "link-secret")),
      NEXT_TELEMETRY_DISABLED: "1",
    };

    if (settings.sandbox && process.env.STRIPE_SANDBOX_URL) {
      // A sandbox that is already running (another app process started it): share it.
      env.STRIPE_SANDBOX_URL = process.env.STRIPE_SANDBOX_URL;
      env.STRIPE_WEBHOOK_SECRET = process.env.STRIPE_WEBHOOK_SECRET ?? "whsec_lanbao_sandbox";
      log(`Stripe sandbox at ${env.STRIPE_SANDBOX_URL} (already running)`);
    } else if (settings.sandbox) {
      const { startStripeSandbox } = await import("../stripe-sandbox/server.ts");
      const webhookSecret = process.env.STRIPE_WEBHOOK_SECRET ?? "whsec_lanbao_sandbox";
      const sandbox = await startStripeSandbox({
        port: settings.sandboxPort,
        webhookUrl: `${appUrl}/api/stripe/webhook`,
        webhookSecret,
        log: (l) => log(`[stripe-sandbox] ${l}`),
      });
      stops.push(() => sandbox.stop());
      env.STRIPE_SANDBOX_URL = sandbox.url;
      env.STRIPE_WEBHOOK_SECRET = webhookSecret;
      log(`Stripe sandbox on ${sandbox.url}`);
    }
    return { env, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

// The server the browser tests run against: the production build (`next build` with
// LANBAO_NEXT_DIST_DIR=.next-e2e, done by scripts/test.ts) on a fresh database of its
// own with the demo data, and its own Stripe sandbox. Everything it prints also goes to
// .tmp/e2e/server.log, which a test reads for what must never be logged; and
// .tmp/e2e/server.json tells specs that start more app processes where the database is.
import { randomBytes } from "node:crypto";
import { mkdirSync, openSync, writeFileSync, writeSync } from "node:fs";
import { rm } from "node:fs/promises";
import pg from "pg";
import { ensurePortFree } from "./runtime/preflight.ts";
import { failStart, serveLanbao } from "./runtime/serve.ts";

const dataDir = ".tmp/e2e";
// Another e2e server still running would lose its database to the clean-up below.
await ensurePortFree(Number(process.env.E2E_PORT ?? 3100), undefined, "the end-to-end app", "E2E_PORT").catch(failStart);
await rm(dataDir, { recursive: true, force: true });
mkdirSync(dataDir, { recursive: true });

const logFd = openSync(`${dataDir}/server.log`, "a");
for (const stream of [process.stdout, process.stderr]) {
  const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
  stream.write = ((chunk: unknown, ...rest: unknown[]) => {
    try {
      writeSync(logFd, typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Uint8Array));
    } catch {
      /* the copy is best effort; the stream still gets the output */
    }
    // The JSON request lines go to the file only (thousands per run); LANBAO_E2E_VERBOSE=1 shows them.
    if (typeof chunk === "string" && chunk.startsWith('{"time"') && process.env.LANBAO_E2E_VERBOSE !== "1") return true;
    return write(chunk, ...rest);
  }) as typeof stream.write;
}

const port = process.env.E2E_PORT ?? "3100";
if (process.env.DATABASE_URL) {
  // An external server: a database of our own on it, recreated each run. DATABASE_URL
  // makes this a production start, so ask for the demo data and the sandbox explicitly.
  const admin = new URL(process.env.DATABASE_URL);
  admin.pathname = "/postgres";
  const c = new pg.Client({ connectionString: admin.toString() });
  await c.connect();
  await c.query("DROP DATABASE IF EXISTS lanbao_e2e WITH (FORCE)");
  await c.query("CREATE DATABASE lanbao_e2e");
  await c.end();
  admin.pathname = "/lanbao_e2e";
  process.env.DATABASE_URL = admin.toString();
  process.env.LANBAO_SEED = "1";
  process.env.LANBAO_STRIPE_SANDBOX = "1";
  process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString("base64url");
  process.env.LANBAO_LINK_SECRET ??= randomBytes(32).toString("base64url");
  process.env.NEXTAUTH_URL = `http://localhost:${port}`;
} else {
  delete process.env.NEXTAUTH_URL;
}

process.env.PORT = port;
process.env.LANBAO_DATA_DIR = dataDir;
process.env.LANBAO_DB_PORT ??= "54339";
process.env.STRIPE_SANDBOX_PORT = process.env.E2E_STRIPE_SANDBOX_PORT ?? "12112";
process.env.LANBAO_NEXT_DIST_DIR = ".next-e2e";
await serveLanbao("start");

writeFileSync(
  `${dataDir}/server.json`,
  JSON.stringify({
    port: Number(port),
    databaseUrl: process.env.DATABASE_URL,
    nextauthSecret: process.env.NEXTAUTH_SECRET,
    linkSecret: process.env.LANBAO_LINK_SECRET,
    stripeSandboxUrl: process.env.STRIPE_SANDBOX_URL,
    uploadsDir: `${dataDir}/uploads`,
  }),
  { mode: 0o600 },
);

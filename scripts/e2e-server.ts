// The server the browser tests run against: the production build (`next build` with
// LANBAO_NEXT_DIST_DIR=.next-e2e, done by scripts/test.ts) on a fresh database of its
// own with the demo data, and its own Stripe sandbox.
import { rm } from "node:fs/promises";
import pg from "pg";
import { serveLanbao } from "./runtime/serve.ts";

const dataDir = ".tmp/e2e";
await rm(dataDir, { recursive: true, force: true });

if (process.env.DATABASE_URL) {
  // An external server: a database of our own on it, recreated each run.
  const admin = new URL(process.env.DATABASE_URL);
  admin.pathname = "/postgres";
  const c = new pg.Client({ connectionString: admin.toString() });
  await c.connect();
  await c.query("DROP DATABASE IF EXISTS lanbao_e2e WITH (FORCE)");
  await c.query("CREATE DATABASE lanbao_e2e");
  await c.end();
  admin.pathname = "/lanbao_e2e";
  process.env.DATABASE_URL = admin.toString();
}

process.env.PORT = process.env.E2E_PORT ?? "3100";
process.env.LANBAO_DATA_DIR = dataDir;
process.env.LANBAO_DB_PORT ??= "54339";
process.env.STRIPE_SANDBOX_PORT = process.env.E2E_STRIPE_SANDBOX_PORT ?? "12112";
process.env.LANBAO_NEXT_DIST_DIR = ".next-e2e";
delete process.env.NEXTAUTH_URL;
await serveLanbao("start");

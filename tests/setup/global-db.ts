// Starts one PostgreSQL for the whole vitest run (embedded, or the server in
// DATABASE_URL) and migrates a template database that every test file clones.
import { rm } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../lib/db/embedded.ts";
import { migrate } from "../../lib/db/migrate.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** Connection string of a maintenance database on the test server. */
    testAdminUrl: string;
    /** Migrated database each test file copies. */
    testTemplateDb: string;
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function withDatabase(url: string, database: string) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export default async function setup(project: TestProject) {
  const template = `lanbao_tpl_${process.pid}`;
  let adminUrl: string;
  let stopServer = async () => {};

  if (process.env.DATABASE_URL) {
    adminUrl = withDatabase(process.env.DATABASE_URL, "postgres");
  } else {
    const dataDir = path.resolve(".tmp", `vitest-pg-${process.pid}`);
    await rm(dataDir, { recursive: true, force: true });
    const server = await startEmbeddedPostgres({ dataDir, port: await freePort() });
    adminUrl = server.url("postgres");
    stopServer = async () => {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    };
  }

  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(template)}`);
  await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(template)}`);
  await admin.end();
  await migrate(withDatabase(adminUrl, template));

  project.provide("testAdminUrl", adminUrl);
  project.provide("testTemplateDb", template);

  return async () => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    // Test files drop their own databases; this catches any left by a crashed file.
    const { rows } = await c.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2`,
      [template, `lanbao_t_${process.pid}_%`],
    );
    for (const r of rows) await c.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(r.datname)} WITH (FORCE)`);
    await c.end();
    await stopServer();
  };
}

// Gives a test file its own freshly migrated database (a copy of the template made in
// global-db.ts) and drops it afterwards.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { createDb, type Db } from "../../lib/db/client.ts";

export type TestDatabase = { db: Db; url: string };

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: inject("testAdminUrl") });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Creates the database in beforeAll; read `.db` / `.url` inside tests. */
export function useTestDatabase(): TestDatabase {
  const handle = {} as TestDatabase;
  // The run's pid keeps parallel runs apart; the random part keeps files apart.
  const name = `lanbao_t_${process.ppid}_${randomBytes(5).toString("hex")}`;
  beforeAll(async () => {
    const template = inject("testTemplateDb");
    await admin((c) => c.query(`CREATE DATABASE ${pg.escapeIdentifier(name)} TEMPLATE ${pg.escapeIdentifier(template)}`));
    const u = new URL(inject("testAdminUrl"));
    u.pathname = `/${name}`;
    handle.url = u.toString();
    handle.db = createDb(handle.url, { max: 8 });
  });
  afterAll(async () => {
    await handle.db?.$disconnect();
    await admin((c) => c.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`));
  });
  return handle;
}

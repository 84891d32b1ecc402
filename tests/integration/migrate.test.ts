import { mkdtemp, cp, writeFile, appendFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { listMigrations, migrate, MIGRATIONS_DIR } from "../../lib/db/migrate.ts";
import { useTestDatabase } from "../setup/test-db.ts";

const t = useTestDatabase();

describe("migration runner", () => {
  it("keeps a ledger prisma migrate deploy accepts: one finished row per migration, sha256 checksums", async () => {
    const c = new pg.Client({ connectionString: t.url });
    await c.connect();
    const { rows } = await c.query(`SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`);
    await c.end();
    const files = await listMigrations();
    expect(rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
    expect(rows.map((r) => r.checksum)).toEqual(files.map((f) => f.checksum));
    for (const r of rows) {
      expect(r.finished_at).toBeInstanceOf(Date);
      expect(r.applied_steps_count).toBe(1);
    }
  });

  it("applies nothing the second time", async () => {
    expect(await migrate(t.url)).toEqual([]);
  });

  it("refuses to run when an applied migration was edited", async () => {
    const dir = await mkdtemp(path.join(process.cwd(), ".tmp", "migrations-"));
    await cp(MIGRATIONS_DIR, dir, { recursive: true });
    const first = (await listMigrations(dir))[0];
    await appendFile(path.join(dir, first.name, "migration.sql"), "\n-- edited\n");
    await expect(migrate(t.url, { dir })).rejects.toThrow(/was changed after it was applied/);
  });

  it("rolls back a failing migration and records nothing for it", async () => {
    const dir = await mkdtemp(path.join(process.cwd(), ".tmp", "migrations-"));
    await cp(MIGRATIONS_DIR, dir, { recursive: true });
    const bad = path.join(dir, "99990101000000_broken");
    await (await import("node:fs/promises")).mkdir(bad);
    await writeFile(path.join(bad, "migration.sql"), `CREATE TABLE "Half" (id TEXT);\nSELECT no_such_function();\n`);
    await expect(migrate(t.url, { dir })).rejects.toThrow(/99990101000000_broken failed/);
    const c = new pg.Client({ connectionString: t.url });
    await c.connect();
    const half = await c.query(`SELECT to_regclass('"Half"') AS t`);
    const ledger = await c.query(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '99990101000000_broken'`);
    await c.end();
    expect(half.rows[0].t).toBeNull();
    expect(ledger.rowCount).toBe(0);
  });
});

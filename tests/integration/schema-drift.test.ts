// Prisma's own migrate engine cannot run on these machines, so migrations are written by
// hand. This test is the guard: the database the migrations build must match
// schema.prisma (tables, columns, types, nullability, defaults, enums, keys, indexes).
import pg from "pg";
import { describe, expect, it } from "vitest";
import { readExpectedSchema } from "../../scripts/db/schema-model.ts";
import { useTestDatabase } from "../setup/test-db.ts";

const t = useTestDatabase();

async function actualSchema(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const columns = await c.query<{
      table_name: string;
      column_name: string;
      data_type: string;
      udt_name: string;
      is_nullable: string;
      column_default: string | null;
    }>(`SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default
          FROM information_schema.columns WHERE table_schema = 'public'`);
    const enums = await c.query<{ name: string; values: string[] }>(
      `SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS values
         FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
         JOIN pg_namespace n ON n.oid = t.typnamespace AND n.nspname = 'public'
        GROUP BY t.typname`,
    );
    const indexes = await c.query<{ name: string; table: string; unique: boolean; primary: boolean; columns: string[] }>(
      `SELECT i.relname AS name, t.relname AS table, ix.indisunique AS unique, ix.indisprimary AS primary,
              array_agg(a.attname ORDER BY k.ord)::text[] AS columns
         FROM pg_index ix
         JOIN pg_class i ON i.oid = ix.indexrelid
         JOIN pg_class t ON t.oid = ix.indrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
         CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
        GROUP BY i.relname, t.relname, ix.indisunique, ix.indisprimary`,
    );
    const fks = await c.query<{ name: string; table: string; ref_table: string; on_delete: string; columns: string[] }>(
      `SELECT con.conname AS name, t.relname AS table, r.relname AS ref_table,
              CASE con.confdeltype WHEN 'a' THEN 'NO ACTION' WHEN 'r' THEN 'RESTRICT' WHEN 'c' THEN 'CASCADE'
                                   WHEN 'n' THEN 'SET NULL' WHEN 'd' THEN 'SET DEFAULT' END AS on_delete,
              array(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(n, o)
                      JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.o)::text[] AS columns
         FROM pg_constraint con
         JOIN pg_class t ON t.oid = con.conrelid
         JOIN pg_class r ON r.oid = con.confrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
        WHERE con.contype = 'f'`,
    );
    return { columns: columns.rows, enums: enums.rows, indexes: indexes.rows, fks: fks.rows };
  } finally {
    await c.end();
  }
}

function infoType(col: { data_type: string; udt_name: string }) {
  if (col.data_type === "USER-DEFINED") return col.udt_name;
  if (col.data_type === "ARRAY") return `${col.udt_name.replace(/^_/, "")}[]`;
  return col.data_type;
}

describe("migrations match schema.prisma", () => {
  it("has every table and column with the right type, nullability and default, and nothing extra", async () => {
    const expected = await readExpectedSchema();
    const actual = await actualSchema(t.url);
    const problems: string[] = [];

    const actualTables = new Set(actual.columns.map((c) => c.table_name).filter((n) => n !== "_prisma_migrations"));
    for (const table of expected.tables) {
      if (!actualTables.delete(table.name)) {
        problems.push(`missing table ${table.name}`);
        continue;
      }
      const cols = new Map(actual.columns.filter((c) => c.table_name === table.name).map((c) => [c.column_name, c]));
      for (const col of table.columns) {
        const a = cols.get(col.name);
        if (!a) {
          problems.push(`missing column ${table.name}.${col.name}`);
          continue;
        }
        cols.delete(col.name);
        const type = infoType(a);
        const want = col.infoType.endsWith("[]") ? col.infoType.replace(/ /g, "") : col.infoType;
        if (type !== want && !(want.endsWith("[]") && type.endsWith("[]"))) {
          problems.push(`${table.name}.${col.name}: type ${type}, schema says ${col.infoType}`);
        }
        if ((a.is_nullable === "NO") !== col.notNull) {
          problems.push(`${table.name}.${col.name}: ${a.is_nullable === "NO" ? "NOT NULL" : "nullable"} in database, schema says ${col.notNull ? "required" : "optional"}`);
        }
        if (Boolean(a.column_default) !== Boolean(col.defaultSql)) {
          problems.push(`${table.name}.${col.name}: default ${a.column_default ?? "none"}, schema says ${col.defaultSql ?? "none"}`);
        }
      }
      for (const extra of cols.keys()) problems.push(`column ${table.name}.${extra} is not in schema.prisma`);
    }
    for (const extra of actualTables) problems.push(`table ${extra} is not in schema.prisma`);

    for (const e of expected.enums) {
      const a = actual.enums.find((x) => x.name === e.name);
      if (!a) problems.push(`missing enum ${e.name}`);
      else if (a.values.join(",") !== e.values.join(",")) problems.push(`enum ${e.name}: ${a.values} vs schema ${e.values}`);
    }
    for (const a of actual.enums) if (!expected.enums.some((e) => e.name === a.name)) problems.push(`enum ${a.name} is not in schema.prisma`);

    expect(problems).toEqual([]);
  });

  it("has the primary keys, unique and plain indexes, and foreign keys schema.prisma declares", async () => {
    const expected = await readExpectedSchema();
    const actual = await actualSchema(t.url);
    const problems: string[] = [];
    for (const table of expected.tables) {
      const pk = actual.indexes.find((i) => i.table === table.name && i.primary);
      if ((pk?.columns ?? []).join(",") !== table.primaryKey.join(",")) problems.push(`${table.name}: primary key ${pk?.columns} vs schema ${table.primaryKey}`);
    }
    for (const idx of expected.indexes) {
      const a = actual.indexes.find((i) => i.table === idx.table && i.columns.join(",") === idx.columns.join(",") && i.unique === idx.unique);
      if (!a) problems.push(`missing ${idx.unique ? "unique " : ""}index ${idx.name} on ${idx.table}(${idx.columns})`);
    }
    for (const fk of expected.foreignKeys) {
      const a = actual.fks.find((f) => f.table === fk.table && f.columns.join(",") === fk.columns.join(","));
      if (!a) problems.push(`missing foreign key ${fk.name}`);
      else if (a.ref_table !== fk.refTable || a.on_delete !== fk.onDelete) problems.push(`${fk.name}: ${a.ref_table} ON DELETE ${a.on_delete} vs schema ${fk.refTable} ON DELETE ${fk.onDelete}`);
    }
    // Unique constraints in the database that the schema doesn't know of would make Prisma
    // writes fail unexpectedly; extra plain indexes (e.g. search) are allowed.
    for (const a of actual.indexes.filter((i) => i.unique && !i.primary && i.table !== "_prisma_migrations")) {
      if (!expected.indexes.some((e) => e.unique && e.table === a.table && e.columns.join(",") === a.columns.join(","))) {
        problems.push(`unique index ${a.name} on ${a.table}(${a.columns}) is not in schema.prisma`);
      }
    }
    expect(problems).toEqual([]);
  });
});

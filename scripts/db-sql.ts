// Prints the CREATE statements schema.prisma implies, in Prisma's migration style, as a
// starting point for a new hand-written migration (Prisma's schema engine is not used).
//   npx tsx scripts/db-sql.ts                 every enum and table
//   npx tsx scripts/db-sql.ts Table1 Table2   only those tables
import { createSql, readExpectedSchema } from "./db/schema-model.ts";

const tables = process.argv.slice(2);
const schema = await readExpectedSchema();
process.stdout.write(createSql(schema, tables.length ? { tables, enums: [] } : undefined));

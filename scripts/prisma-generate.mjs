// Generates the Prisma Client after install. `prisma generate` needs no schema engine,
// but the CLI tries to download one first unless PRISMA_SCHEMA_ENGINE_BINARY points at
// an existing file; the Node binary serves, since generate never runs it.
import { spawnSync } from "node:child_process";

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;
const r = spawnSync("npx", ["prisma", "generate"], { stdio: "inherit", env });
process.exit(r.status ?? 1);

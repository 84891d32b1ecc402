// The container image's entry point, bundled into <distDir>/standalone/lanbao.mjs by
// scripts/build-standalone.ts. It runs from that folder alone (no checkout, no dev
// dependencies): `node lanbao.mjs` starts the app (migrating first unless
// LANBAO_MIGRATE=0), `node lanbao.mjs migrate` applies the migrations and exits.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { migrate } from "../../lib/db/migrate.ts";
import { StartupError } from "./config.ts";
import { failStart, serveLanbao } from "./serve.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
process.chdir(here);
const build = JSON.parse(readFileSync(path.join(here, "lanbao-build.json"), "utf8")) as { distDir: string };
// Next's own standalone server hands the build's settings over this way instead of
// reading next.config.ts, which the image does not have.
const { config } = JSON.parse(readFileSync(path.join(here, build.distDir, "required-server-files.json"), "utf8"));
process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config);
process.env.LANBAO_NEXT_DIST_DIR = build.distDir;
const migrationsDir = path.join(here, "prisma", "migrations");
process.env.LANBAO_MIGRATIONS_DIR = migrationsDir;

if (process.argv[2] === "migrate") {
  try {
    const databaseUrl = process.env.DATABASE_URL?.trim();
    if (!databaseUrl) throw new StartupError("DATABASE_URL is not set: set it to the PostgreSQL to migrate.");
    const applied = await migrate(databaseUrl, { dir: migrationsDir, log: (l) => console.log(`[lanbao] ${l}`) });
    console.log(`[lanbao] ${applied.length ? `${applied.length} migration(s) applied` : "database schema is up to date"}`);
    process.exit(0);
  } catch (err) {
    failStart(err);
  }
} else {
  await serveLanbao("standalone", { dir: here, migrationsDir });
}

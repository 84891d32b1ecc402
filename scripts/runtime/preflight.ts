// Checks made before anything starts, so that a busy port or a full disk stops the
// start with one line saying what to do, instead of a stack trace half-way through.
import { mkdirSync, statfsSync, existsSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { StartupError } from "./config.ts";

/** Resolves if the port can be bound on that address; throws a StartupError naming the setting otherwise. */
export async function ensurePortFree(port: number, host: string | undefined, what: string, setting: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", (err: NodeJS.ErrnoException) => {
      if (err.code === "EADDRINUSE") {
        reject(new StartupError(`Port ${port} (${what}, ${setting}) is already in use, by another Lanbao or another program: stop it, or set ${setting} to a free port.`));
      } else if (err.code === "EACCES") {
        reject(new StartupError(`Port ${port} (${what}, ${setting}) needs privileges this user does not have: choose a port above 1023 and put a proxy in front.`));
      } else reject(err);
    });
    srv.listen({ port, host, exclusive: true }, () => srv.close(() => resolve()));
  });
}

export const MIN_FREE_MB = 200;

/** Throws when the disk holding `dir` has less than `minMb` free. */
export function ensureDiskSpace(dir: string, minMb = Number(process.env.LANBAO_MIN_FREE_MB) || MIN_FREE_MB): void {
  let existing = path.resolve(dir);
  while (!existsSync(existing)) existing = path.dirname(existing);
  const st = statfsSync(existing);
  const freeMb = Math.floor((st.bavail * st.bsize) / 2 ** 20);
  if (freeMb < minMb) {
    throw new StartupError(
      `The disk holding ${path.resolve(dir)} has ${freeMb} MB free; Lanbao needs at least ${minMb} MB there (database, uploads): free some space, or set LANBAO_DATA_DIR to a folder on another disk.`,
    );
  }
}

/** Makes the data folder, turning a full disk or a read-only location into one line. */
export function ensureDataDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOSPC") throw new StartupError(`The disk holding ${path.resolve(dir)} is full: free some space, or set LANBAO_DATA_DIR to a folder on another disk.`);
    if (code === "EACCES" || code === "EROFS" || code === "EPERM") {
      throw new StartupError(`Lanbao cannot create its data folder ${path.resolve(dir)} (${code}): set LANBAO_DATA_DIR to a folder this user can write.`);
    }
    throw err;
  }
}

/** One line for errors the operator can act on; null for real bugs (which keep their stack). */
export function operatorMessage(err: unknown): string | null {
  if (!(err instanceof Error)) return null;
  if (err.name === "StartupError" || err.name === "EmbeddedPostgresError") return err.message;
  const code = (err as NodeJS.ErrnoException).code;
  if (code === "ENOSPC" || /No space left on device/.test(err.message)) {
    return "The disk is full (No space left on device): free some space, or set LANBAO_DATA_DIR to a folder on another disk.";
  }
  if (code === "EADDRINUSE") return `A port Lanbao needs is already in use (${err.message}): stop what uses it, or choose other ports (PORT, LANBAO_DB_PORT, STRIPE_SANDBOX_PORT).`;
  if (code === "ECONNREFUSED" && /5432|postgres/i.test(err.message + (process.env.DATABASE_URL ?? ""))) {
    return `PostgreSQL refused the connection (${err.message}): check that it runs and that DATABASE_URL points at it.`;
  }
  if (/password authentication failed|does not exist/.test(err.message) && process.env.DATABASE_URL) {
    return `PostgreSQL refused DATABASE_URL: ${err.message}.`;
  }
  return null;
}

// How a Lanbao process ends. Process managers (systemd, Docker, PM2, CI) send SIGTERM to
// one process, not to the group, and npm forwards only SIGINT and SIGTERM to its script;
// so every way out leads to the same ordered stop, which must finish within the
// process manager's patience (10 s is Docker's default):
//   - SIGINT, SIGTERM or SIGHUP to this process;
//   - the parent going away (npm killed by SIGHUP or SIGKILL): this process is re-parented,
//     which a watchdog notices;
//   - a stop taking too long: the process exits anyway, and the database's own watchdog
//     (lib/db/embedded.ts) stops the database when this process's pipe to it closes.
//     Exiting can itself hang (Next.js's dev bundler finishes its cache in native threads
//     that process.exit waits for), so a small outside process enforces the deadline.
import { spawn } from "node:child_process";

// Waits for the given pid to end; past the deadline, SIGKILLs it. Ignores terminal signals.
const ENFORCER = `
const [pid, ms] = process.argv.slice(1).map(Number);
for (const s of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(s, () => {});
const gone = () => {
  try { return require("node:fs").readFileSync("/proc/" + pid + "/stat", "utf8").split(") ")[1][0] === "Z"; }
  catch { try { process.kill(pid, 0); return false; } catch { return true; } }
};
const started = Date.now();
setInterval(() => {
  if (gone()) process.exit(0);
  if (Date.now() - started > ms) { try { process.kill(pid, "SIGKILL"); } catch {} process.exit(0); }
}, 100);
`;

function enforceDeadline(ms: number) {
  try {
    const child = spawn(process.execPath, ["-e", ENFORCER, String(process.pid), String(ms)], { detached: true, stdio: "ignore" });
    child.unref();
  } catch {
    /* the in-process deadline still applies */
  }
}

export type StopReason = NodeJS.Signals | "parent exited" | "startup failed" | "server exited";

export type Lifecycle = {
  /** Starts the ordered stop (once) and exits the process with `code` when it is done. */
  shutdown(reason: StopReason, code?: number): void;
};

export function manageLifecycle(opts: {
  stop: (reason: StopReason) => Promise<void>;
  log: (line: string) => void;
  /** Hard limit for the whole stop; the process exits (code 1) when it is reached. */
  deadlineMs?: number;
  /** How often to look for a new parent. */
  watchParentMs?: number;
}): Lifecycle {
  let stopping = false;
  const shutdown = (reason: StopReason, code = 0) => {
    if (stopping) return;
    stopping = true;
    opts.log(`${reason}: stopping Lanbao…`);
    const deadlineMs = opts.deadlineMs ?? 8000;
    enforceDeadline(deadlineMs + 1500);
    const deadline = setTimeout(() => {
      opts.log(`stop took longer than ${deadlineMs / 1000} s; exiting anyway`);
      process.exit(1);
    }, deadlineMs);
    deadline.unref();
    opts
      .stop(reason)
      .catch((err) => {
        opts.log(`stop failed: ${err instanceof Error ? err.message : String(err)}`);
        code = code || 1;
      })
      .finally(() => process.exit(code));
  };

  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => shutdown(signal));

  // PID 1 (a container) or a child of init has no parent to lose.
  const parent = process.ppid;
  if (parent > 1) {
    const timer = setInterval(() => {
      if (process.ppid !== parent) shutdown("parent exited");
    }, opts.watchParentMs ?? 500);
    timer.unref();
  }
  return { shutdown };
}

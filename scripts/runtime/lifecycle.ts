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

// A small outside process, started with this one and told the deadline over a pipe when
// the stop begins, so nothing has to be spawned on a busy machine at the last moment.
// Past the deadline it SIGKILLs this process; it leaves when this process is gone (or
// the pipe closes). It ignores terminal signals, so a Ctrl-C to the group cannot stop it.
const ENFORCER = `
const pid = Number(process.argv[1]);
for (const s of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(s, () => {});
let deadline = Infinity;
const gone = () => {
  try { return require("node:fs").readFileSync("/proc/" + pid + "/stat", "utf8").split(") ")[1][0] === "Z"; }
  catch { try { process.kill(pid, 0); return false; } catch { return true; } }
};
let buffered = "";
process.stdin.on("data", (d) => {
  buffered += d;
  for (const line of buffered.split("\\n").slice(0, -1)) deadline = Math.min(deadline, Date.now() + Number(line));
  buffered = buffered.slice(buffered.lastIndexOf("\\n") + 1);
});
process.stdin.on("close", () => { if (deadline === Infinity) process.exit(0); });
setInterval(() => {
  if (gone()) process.exit(0);
  if (Date.now() > deadline) { try { process.kill(pid, "SIGKILL"); } catch {} process.exit(0); }
}, 100);
`;

function startEnforcer(): (ms: number) => void {
  try {
    const child = spawn(process.execPath, ["-e", ENFORCER, String(process.pid)], { detached: true, stdio: ["pipe", "ignore", "ignore"] });
    child.unref();
    (child.stdin as unknown as { unref?: () => void }).unref?.();
    child.stdin!.on("error", () => {});
    return (ms) => {
      child.stdin!.write(`${ms}\n`);
    };
  } catch {
    return () => {}; // the in-process deadline still applies
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
  const enforce = startEnforcer();
  const shutdown = (reason: StopReason, code = 0) => {
    if (stopping) return;
    stopping = true;
    opts.log(`${reason}: stopping Lanbao…`);
    const deadlineMs = opts.deadlineMs ?? 8000;
    enforce(deadlineMs + 1000);
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
      .finally(() => {
        // Everything Lanbao started is stopped; exiting itself may still wait on Next's
        // dev bundler (native threads). A second is plenty for a normal exit.
        enforce(1000);
        process.exit(code);
      });
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

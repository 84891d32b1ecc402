// Lanbao's structured log: one JSON object per line on stdout, for requests (written by
// the HTTP server in scripts/runtime), jobs and anything else worth counting. Every field
// goes through redact() first, so secrets, tokens, phones and addresses never reach it.
//
//   logEvent({ kind: "job", name: "gift-expiry", id: job.id, status: "ok", durationMs: 12 })
//   await runLogged("gift-expiry", job.id, () => expireUnacceptedGifts(db))
import { AsyncLocalStorage } from "node:async_hooks";
import { redact } from "./redact";

export { redact, scrubText, REDACTED } from "./redact";

export type LogEvent = { kind: string } & Record<string, unknown>;

/** What the HTTP server knows about the request being served (shared by every bundle in the process). */
export type RequestContext = { requestId: string; userId?: string | null };

const globals = globalThis as unknown as {
  lanbaoRequestContext?: AsyncLocalStorage<RequestContext>;
  lanbaoLogSink?: (line: string) => void;
};
const requestStore = (globals.lanbaoRequestContext ??= new AsyncLocalStorage<RequestContext>());

/** Runs `fn` with the request's context, so log lines written inside carry its id. */
export function withRequestContext<T>(context: RequestContext, fn: () => T): T {
  return requestStore.run(context, fn);
}

/** The request being served, if any. */
export function currentRequest(): RequestContext | undefined {
  return requestStore.getStore();
}

/** Where lines go: stdout unless a test captures them. */
export function setLogSink(sink: ((line: string) => void) | undefined) {
  globals.lanbaoLogSink = sink;
}

/** Writes one JSON line. Never throws: logging must not break what it describes. */
export function logEvent(event: LogEvent): void {
  try {
    const ctx = currentRequest();
    const fields = redact({ ...(ctx && event.kind !== "request" ? { requestId: ctx.requestId } : {}), ...event }) as Record<string, unknown>;
    const line = JSON.stringify({ time: new Date().toISOString(), ...fields });
    if (globals.lanbaoLogSink) globals.lanbaoLogSink(line);
    else process.stdout.write(line + "\n");
  } catch {
    // an unserialisable field: drop the line rather than the request
  }
}

/** One line for a job run: name, id, status ("ok" | "failed" | …), duration and any extra fields. */
export function logJob(fields: { name: string; id?: string | null; status: string; durationMs: number } & Record<string, unknown>) {
  logEvent({ kind: "job", ...fields });
}

/** Runs a job, then logs it once with its outcome and duration; rethrows its error. */
export async function runLogged<T>(name: string, id: string | null | undefined, fn: () => Promise<T>, extra: Record<string, unknown> = {}): Promise<T> {
  const started = performance.now();
  try {
    const result = await fn();
    logJob({ name, id, status: "ok", durationMs: Math.round(performance.now() - started), ...extra });
    return result;
  } catch (err) {
    logJob({ name, id, status: "failed", durationMs: Math.round(performance.now() - started), error: err, ...extra });
    throw err;
  }
}

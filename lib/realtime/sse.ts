import type { ListenerEvent, RealtimeListener } from "./listener";

export const HEARTBEAT_MS = 20_000;

/**
 * A text/event-stream of the user's events: each as `event: <type>` with JSON data, a
 * comment line as heartbeat (keeps proxies from closing an idle stream and lets the
 * server notice a vanished client), and cleanup when the client goes away.
 */
export async function openEventStream(opts: {
  listener: RealtimeListener;
  userId: string;
  signal: AbortSignal;
  heartbeatMs?: number;
  /**
   * When the page opening the stream was rendered (ms since the epoch). The stream starts
   * with "resync" if the user may have had events since then, or when this is not given.
   */
  since?: number;
}): Promise<Response> {
  const encoder = new TextEncoder();
  let cleanup = () => {};
  let sendEvent: (event: ListenerEvent) => void = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let done = false;
      const send = (text: string) => {
        if (done) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      sendEvent = (event) => send(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
      const unsubscribe = opts.listener.subscribe(opts.userId, sendEvent);
      const heartbeat = setInterval(() => send(": ping\n\n"), opts.heartbeatMs ?? HEARTBEAT_MS);
      const onAbort = () => cleanup();
      cleanup = () => {
        if (done) return;
        done = true;
        clearInterval(heartbeat);
        unsubscribe();
        opts.signal.removeEventListener("abort", onAbort);
        try {
          controller.close();
        } catch {
          // already closed by the other side
        }
      };
      opts.signal.addEventListener("abort", onAbort);
      // The browser reconnects after 2 s if the stream breaks.
      send("retry: 2000\n: connected\n\n");
      if (opts.signal.aborted) cleanup();
    },
    cancel() {
      cleanup();
    },
  });
  // Subscribed already; answer once LISTEN is in place, so that whatever this process hears
  // from now on reaches the stream, and what came before is covered by "resync".
  await opts.listener.ready();
  if (opts.since === undefined || opts.listener.mayHaveMissed(opts.userId, opts.since)) sendEvent({ type: "resync" });
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      // no-transform keeps compression from buffering the stream.
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    },
  });
}

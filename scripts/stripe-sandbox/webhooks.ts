// Event creation and webhook delivery, done the way Stripe does it:
// - the body is the JSON event; `Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of
//   "<t>.<body>" keyed with the endpoint secret>` — what `stripe.webhooks.constructEvent`
//   verifies; every attempt is signed afresh with a new timestamp, so a late retry still
//   passes the SDK's 5-minute tolerance;
// - only a 2xx counts as delivered (redirects are not followed); anything else, a timeout
//   or a connection error is retried after each of `retryDelaysMs`, then given up.
// Only the events the app subscribes to are produced (checkout.session.completed/expired,
// charge.refunded, refund.created), as if the sandbox's one endpoint were configured that way.
import { createHmac } from "node:crypto";
import http from "node:http";
import https from "node:https";
import type Stripe from "stripe";
import { clone, newId, nowSeconds } from "./store.ts";

/** The API version of the installed SDK (the test checks they stay equal). */
export const API_VERSION = "2026-10-28.endive";

/** Per-attempt HTTP timeout. Generous because `next dev` compiles a route on first hit. */
const ATTEMPT_TIMEOUT_MS = 30_000;

export function signPayload(payload: string, secret: string, timestamp = nowSeconds()): string {
  const signature = createHmac("sha256", secret).update(`${timestamp}.${payload}`, "utf8").digest("hex");
  return `t=${timestamp},v1=${signature}`;
}

export interface DeliveryAttempt {
  attempt: number;
  at: string;
  url: string;
  status: number | null;
  error: string | null;
  durationMs: number;
}

export interface EventRecord {
  event: Stripe.Event;
  status: "pending" | "delivered" | "failed";
  attempts: DeliveryAttempt[];
  nextRetryAt: string | null;
  /** Incremented by a resend, so attempts of a superseded chain stop scheduling retries. */
  chain: number;
}

export interface WebhookOptions {
  webhookUrl: string | (() => string);
  webhookSecret: string;
  retryDelaysMs: number[];
  log: (line: string) => void;
}

export class WebhookDispatcher {
  readonly events = new Map<string, EventRecord>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly inFlight = new Set<http.ClientRequest>();
  private stopped = false;

  constructor(private readonly opts: WebhookOptions) {}

  /**
   * Records an event (with a snapshot of `object`) and starts delivering it. The returned
   * promise settles when the first attempt has finished (true = delivered); retries go on
   * in the background either way.
   */
  emit<E extends Stripe.Event>(
    type: E["type"],
    object: E["data"]["object"],
    extra: { previousAttributes?: E["data"]["previous_attributes"]; request?: Stripe.Event.Request } = {},
  ): { record: EventRecord; firstAttempt: Promise<boolean> } {
    const data: Stripe.Event.Data = { object: clone(object) };
    if (extra.previousAttributes) data.previous_attributes = clone(extra.previousAttributes);
    const event = {
      id: newId("evt"),
      object: "event",
      api_version: API_VERSION,
      created: nowSeconds(),
      data,
      livemode: false,
      pending_webhooks: 1,
      request: extra.request ?? { id: null, idempotency_key: null },
      type,
    } as E;
    const record: EventRecord = { event, status: "pending", attempts: [], nextRetryAt: null, chain: 0 };
    this.events.set(event.id, record);
    return { record, firstAttempt: this.deliver(record) };
  }

  /** Starts a fresh delivery chain for an existing event (same id, same payload). */
  deliver(record: EventRecord): Promise<boolean> {
    this.clearTimer(record.event.id);
    record.chain += 1;
    record.nextRetryAt = null;
    if (record.status !== "delivered") record.status = "pending";
    return this.attempt(record, record.chain, 0);
  }

  private async attempt(record: EventRecord, chain: number, retryIndex: number): Promise<boolean> {
    if (this.stopped) return false;
    const { event } = record;
    let url: string;
    try {
      url = typeof this.opts.webhookUrl === "function" ? this.opts.webhookUrl() : this.opts.webhookUrl;
    } catch (err) {
      url = "";
      this.opts.log(`webhook ${event.id}: could not resolve the webhook URL: ${String(err)}`);
    }
    // Stripe sends pretty-printed JSON; the signature covers these exact bytes.
    const body = JSON.stringify(event, null, 2);
    const started = Date.now();
    let status: number | null = null;
    let error: string | null = null;
    try {
      if (!url) throw new Error("no webhook URL");
      status = await this.post(url, body, signPayload(body, this.opts.webhookSecret));
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
    }
    const ok = status !== null && status >= 200 && status < 300;
    record.attempts.push({
      attempt: record.attempts.length + 1,
      at: new Date(started).toISOString(),
      url,
      status,
      error,
      durationMs: Date.now() - started,
    });
    const outcome = status !== null ? `HTTP ${status}` : `error: ${error}`;
    if (ok) record.status = "delivered";
    if (this.stopped || chain !== record.chain) return ok;

    if (ok) {
      this.opts.log(`webhook ${event.type} ${event.id} → ${outcome}`);
      return true;
    }
    const delay = this.opts.retryDelaysMs[retryIndex];
    if (delay === undefined) {
      if (record.status !== "delivered") record.status = "failed";
      this.opts.log(
        `webhook ${event.type} ${event.id} → ${outcome}; giving up after ${retryIndex + 1} attempt(s) ` +
          `(redeliver with POST /_sandbox/events/${event.id}/resend)`,
      );
      return false;
    }
    this.opts.log(`webhook ${event.type} ${event.id} → ${outcome}; retrying in ${delay} ms`);
    record.nextRetryAt = new Date(Date.now() + delay).toISOString();
    const timer = setTimeout(() => {
      this.timers.delete(event.id);
      record.nextRetryAt = null;
      void this.attempt(record, chain, retryIndex + 1);
    }, delay);
    this.timers.set(event.id, timer);
    return false;
  }

  private post(url: string, body: string, signature: string): Promise<number> {
    return new Promise((resolve, reject) => {
      const target = new URL(url);
      const request = target.protocol === "https:" ? https.request : http.request;
      const req = request(target, {
        method: "POST",
        agent: false, // one connection per attempt: nothing pooled outlives stop()
        headers: {
          "Content-Type": "application/json; charset=utf-8",
          "Content-Length": Buffer.byteLength(body),
          "User-Agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
          "Cache-Control": "no-cache",
          Accept: "*/*; q=0.5, application/xml",
          "Stripe-Signature": signature,
        },
      });
      this.inFlight.add(req);
      req.setTimeout(ATTEMPT_TIMEOUT_MS, () => req.destroy(new Error(`timed out after ${ATTEMPT_TIMEOUT_MS} ms`)));
      req.on("response", (res) => {
        res.resume(); // the body is irrelevant, as for Stripe
        res.on("end", () => resolve(res.statusCode ?? 0));
        res.on("error", () => resolve(res.statusCode ?? 0));
      });
      req.on("error", reject);
      req.on("close", () => this.inFlight.delete(req));
      req.end(body);
    });
  }

  private clearTimer(eventId: string): void {
    const timer = this.timers.get(eventId);
    if (timer) clearTimeout(timer);
    this.timers.delete(eventId);
  }

  /** Cancels pending retries and aborts attempts in flight. */
  stop(): void {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const req of this.inFlight) req.destroy(new Error("sandbox stopped"));
    this.inFlight.clear();
  }
}

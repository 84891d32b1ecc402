// A local Stripe-compatible HTTP server for Lanbao's dev and tests. The app talks to it with
// the real Stripe SDK (host/port/protocol options), so the code path is the one production
// runs against api.stripe.com. It implements only what Lanbao uses: Checkout Sessions in
// payment mode with a hosted test page, PaymentIntents/Charges read back, refunds, and
// signed webhooks with retries. State lives in memory and disappears with the process.
//
//   /v1/...        Stripe API (Bearer auth, form-encoded bodies, Idempotency-Key)
//   /checkout/:id  hosted test checkout page (Pay / Cancel / declined card)
//   /_sandbox/...  test controls, not part of Stripe: pay without a browser, list and
//                  resend events
import http from "node:http";
import type { AddressInfo } from "node:net";
import { handleApi } from "./api.ts";
import { DECLINE_TEST_CARD, expireDueSessions, findSession, paySession } from "./checkout.ts";
import { renderCheckoutPage, renderMessagePage } from "./checkout-page.ts";
import type { SandboxContext } from "./context.ts";
import { SandboxApiError, authError, invalidRequest, resourceMissing, unrecognizedUrl } from "./errors.ts";
import { decodeForm, type FormObject } from "./form.ts";
import { readBody, redirect, sendHtml, sendJson, settleWithin } from "./http.ts";
import { Store, newId } from "./store.ts";
import { API_VERSION, WebhookDispatcher, type EventRecord } from "./webhooks.ts";

export { API_VERSION, signPayload } from "./webhooks.ts";

export const SANDBOX_API_KEY = "sk_test_lanbao_sandbox";

export interface StripeSandboxOptions {
  /** 0 picks a free port. Default 12111. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Where events are POSTed; a function is read at each delivery attempt. */
  webhookUrl: string | (() => string);
  webhookSecret: string;
  /** The secret key the SDK must send. Default "sk_test_lanbao_sandbox". */
  apiKey?: string;
  /** Waits before each retry of a failed delivery. Default [1000, 2000, 4000, 8000, 16000]. */
  retryDelaysMs?: number[];
  log?: (line: string) => void;
  /** Base URL browsers reach the hosted page at (e.g. a LAN address for phones). Default: `url`. */
  publicUrl?: string;
}

export interface StripeSandbox {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** How long Pay waits for the first webhook attempt before redirecting anyway. */
const FIRST_ATTEMPT_WAIT_MS = 5_000;
const EXPIRY_SWEEP_MS = 5_000;

function deliveryView(record: EventRecord) {
  return { status: record.status, attempts: record.attempts, nextRetryAt: record.nextRetryAt };
}

function maskKey(key: string): string {
  return key.length > 12 ? `${key.slice(0, 8)}${"*".repeat(key.length - 12)}${key.slice(-4)}` : "*".repeat(key.length);
}

/** The key from `Authorization: Bearer <key>` or Basic auth (`curl -u sk_test_...:`). */
function presentedKey(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const [scheme, value = ""] = header.trim().split(/\s+/, 2);
  if (/^bearer$/i.test(scheme)) return value;
  if (/^basic$/i.test(scheme)) return Buffer.from(value, "base64").toString("utf8").split(":")[0];
  return undefined;
}

export async function startStripeSandbox(opts: StripeSandboxOptions): Promise<StripeSandbox> {
  const apiKey = opts.apiKey ?? SANDBOX_API_KEY;
  const log = opts.log ?? ((line: string) => console.log(`[stripe-sandbox] ${line}`));
  const store = new Store();
  const webhooks = new WebhookDispatcher({
    webhookUrl: opts.webhookUrl,
    webhookSecret: opts.webhookSecret,
    retryDelaysMs: opts.retryDelaysMs ?? [1000, 2000, 4000, 8000, 16000],
    log,
  });
  let publicUrl = "";
  const ctx: SandboxContext = { store, webhooks, publicUrl: () => publicUrl, log };

  async function handleV1(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const requestId = newId("req");
    const headers: Record<string, string> = {
      "Request-Id": requestId,
      "Stripe-Version": String(req.headers["stripe-version"] ?? API_VERSION),
    };
    const method = req.method ?? "GET";
    const key = req.headers["idempotency-key"];
    const idempotencyKey = method === "POST" && typeof key === "string" && key ? key : null;
    let claimed = false;
    try {
      const presented = presentedKey(req.headers.authorization);
      if (!presented) {
        throw authError(
          "You did not provide an API key. You need to provide your API key in the Authorization header, " +
            "using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details.",
        );
      }
      if (presented !== apiKey) throw authError(`Invalid API Key provided: ${maskKey(presented)}`);

      let params: FormObject;
      if (method === "POST") {
        const body = await readBody(req);
        const type = String(req.headers["content-type"] ?? "");
        if (body && !type.startsWith("application/x-www-form-urlencoded")) {
          throw invalidRequest(`Invalid request: unsupported Content-Type ${type}. Stripe's v1 API takes form-encoded bodies.`);
        }
        params = decodeForm(body);
        if (idempotencyKey) {
          if (idempotencyKey.length > 255) {
            throw invalidRequest("Idempotency-Key must be at most 255 characters long.", { param: "Idempotency-Key" });
          }
          headers["Idempotency-Key"] = idempotencyKey;
          store.pruneIdempotency();
          const fingerprint = `${method} ${url.pathname}\n${body}`;
          const entry = store.idempotency.get(idempotencyKey);
          if (entry) {
            if (entry.fingerprint !== fingerprint) {
              throw new SandboxApiError(400, {
                type: "idempotency_error",
                message:
                  `Keys for idempotent requests can only be used with the same parameters they were first used with. ` +
                  `Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
              });
            }
            if (!entry.response) {
              throw new SandboxApiError(409, {
                type: "idempotency_error",
                code: "idempotency_key_in_use",
                message: "There is currently another in-progress request using this Stripe API Key and Idempotency Key. Please try again later.",
              });
            }
            sendJson(res, entry.response.status, entry.response.body, { ...headers, "Idempotent-Replayed": "true" });
            return;
          }
          store.idempotency.set(idempotencyKey, { fingerprint, createdAt: Date.now() });
          claimed = true;
        }
      } else {
        params = decodeForm(url.search.slice(1));
      }

      const result = handleApi(ctx, {
        method,
        path: url.pathname,
        params,
        request: { id: requestId, idempotency_key: idempotencyKey },
      });
      const text = JSON.stringify(result, null, 2);
      if (claimed) store.idempotency.get(idempotencyKey!)!.response = { status: 200, body: text };
      sendJson(res, 200, text, headers);
    } catch (err) {
      const apiErr =
        err instanceof SandboxApiError
          ? err
          : new SandboxApiError(500, { type: "api_error", message: "An unknown error occurred in the Stripe sandbox." });
      if (!(err instanceof SandboxApiError)) log(`error in ${method} ${url.pathname}: ${(err as Error)?.stack ?? err}`);
      const text = JSON.stringify(apiErr.toJSON(), null, 2);
      if (claimed) {
        if (apiErr.replayable) store.idempotency.get(idempotencyKey!)!.response = { status: apiErr.status, body: text };
        else store.idempotency.delete(idempotencyKey!); // validation failures may be retried with the same key
      }
      sendJson(res, apiErr.status, text, headers);
    }
  }

  function successLocation(sessionUrl: string, id: string): string {
    return sessionUrl.replaceAll("{CHECKOUT_SESSION_ID}", id);
  }

  async function handleCheckout(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const match = /^\/checkout\/([A-Za-z0-9_]+)(?:\/(pay|cancel))?$/.exec(url.pathname);
    const id = match?.[1] ?? "";
    const action = match?.[2];
    const session = match ? store.sessions.get(id) : undefined;
    if (!session) {
      sendHtml(res, 404, renderMessagePage("Checkout session not found", "This checkout link is invalid."));
      return;
    }
    findSession(ctx, id); // applies expiry first
    const lineItems = store.lineItems.get(id) ?? [];

    if (!action && req.method === "GET") {
      if (session.status === "open") {
        sendHtml(res, 200, renderCheckoutPage({ session, lineItems }));
      } else if (session.status === "complete") {
        sendHtml(
          res,
          200,
          renderMessagePage("Payment complete", "This checkout session has already been paid.", session.success_url
            ? { href: successLocation(session.success_url, id), text: "Return to Lanbao" }
            : undefined),
        );
      } else {
        sendHtml(
          res,
          200,
          renderMessagePage("Checkout session expired", "This checkout session has expired.", session.cancel_url
            ? { href: session.cancel_url, text: "Return to Lanbao" }
            : undefined),
        );
      }
      return;
    }

    if (action === "cancel" && (req.method === "POST" || req.method === "GET")) {
      if (req.method === "POST") await readBody(req);
      if (session.cancel_url) redirect(res, session.cancel_url);
      else sendHtml(res, 200, renderMessagePage("Payment cancelled", "You can close this page."));
      return;
    }

    if (action === "pay" && req.method === "POST") {
      const form = decodeForm(await readBody(req));
      const card = form.simulate === "decline" ? DECLINE_TEST_CARD : typeof form.card === "string" ? form.card : "";
      const email = typeof form.email === "string" ? form.email : undefined;
      try {
        const result = paySession(ctx, id, { card, email });
        await settleWithin(result.firstAttempt, FIRST_ATTEMPT_WAIT_MS);
        redirect(res, successLocation(result.session.success_url ?? "/", id));
      } catch (err) {
        if (!(err instanceof SandboxApiError)) throw err;
        if (err.status === 409) {
          sendHtml(res, 409, renderMessagePage("Checkout session not open", err.message));
        } else {
          // The form comes back with the error, like Stripe's page; 200 because it is an
          // ordinary page, not a failed request (browsers log 4xx documents as errors).
          const message = err.body.param === "email" ? "Enter your email address." : err.message;
          sendHtml(res, 200, renderCheckoutPage({ session, lineItems, error: message, card, email }));
        }
      }
      return;
    }
    sendHtml(res, 405, renderMessagePage("Not allowed", `${req.method} is not supported here.`));
  }

  async function readControlBody(req: http.IncomingMessage): Promise<Record<string, unknown>> {
    const body = await readBody(req);
    if (!body) return {};
    if (String(req.headers["content-type"] ?? "").includes("json")) {
      try {
        return JSON.parse(body) as Record<string, unknown>;
      } catch {
        throw invalidRequest("Invalid JSON body.");
      }
    }
    return decodeForm(body);
  }

  async function handleControl(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const method = req.method ?? "GET";
    try {
      if (method === "GET" && url.pathname === "/_sandbox/health") {
        sendJson(res, 200, { ok: true, apiVersion: API_VERSION });
        return;
      }
      const pay = /^\/_sandbox\/checkout\/sessions\/([A-Za-z0-9_]+)\/pay$/.exec(url.pathname);
      if (pay && method === "POST") {
        const body = await readControlBody(req);
        const card = body.simulate === "decline" ? DECLINE_TEST_CARD : typeof body.card === "string" ? body.card : "4242424242424242";
        const email = typeof body.email === "string" ? body.email : "buyer@example.com";
        const result = paySession(ctx, pay[1], { card, email });
        await settleWithin(result.firstAttempt, FIRST_ATTEMPT_WAIT_MS);
        const record = webhooks.events.get(result.eventId)!;
        sendJson(res, 200, { session: result.session, event: record.event, delivery: deliveryView(record) });
        return;
      }
      if (method === "GET" && url.pathname === "/_sandbox/events") {
        const type = url.searchParams.get("type");
        const data = [...webhooks.events.values()]
          .filter((r) => !type || r.event.type === type)
          .reverse() // newest first, like Stripe's lists
          .map((r) => ({ id: r.event.id, type: r.event.type, created: r.event.created, delivery: deliveryView(r), event: r.event }));
        sendJson(res, 200, { object: "list", data });
        return;
      }
      const resend = /^\/_sandbox\/events\/([A-Za-z0-9_]+)\/resend$/.exec(url.pathname);
      if (resend && method === "POST") {
        await readBody(req);
        const record = webhooks.events.get(resend[1]);
        if (!record) throw resourceMissing("event", resend[1]);
        log(`resending ${record.event.type} ${record.event.id}`);
        await settleWithin(webhooks.deliver(record), FIRST_ATTEMPT_WAIT_MS);
        sendJson(res, 200, { event: record.event, delivery: deliveryView(record) });
        return;
      }
      throw unrecognizedUrl(method, url.pathname);
    } catch (err) {
      if (!(err instanceof SandboxApiError)) throw err;
      sendJson(res, err.status, err.toJSON());
    }
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://sandbox.invalid");
    const route = url.pathname.startsWith("/v1/")
      ? handleV1(req, res, url)
      : url.pathname.startsWith("/checkout/")
        ? handleCheckout(req, res, url)
        : url.pathname.startsWith("/_sandbox/")
          ? handleControl(req, res, url)
          : Promise.resolve(sendJson(res, 404, unrecognizedUrl(req.method ?? "GET", url.pathname).toJSON()));
    route.catch((err: unknown) => {
      log(`error in ${req.method} ${url.pathname}: ${(err as Error)?.stack ?? err}`);
      if (!res.headersSent) {
        sendJson(res, err instanceof SandboxApiError ? err.status : 500, {
          error: { type: "api_error", message: err instanceof Error ? err.message : String(err) },
        });
      } else {
        res.destroy();
      }
    });
  });

  const host = opts.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 12111, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  // A wildcard bind is reachable through loopback; IPv6 literals need brackets in URLs.
  const urlHost = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
  const url = `http://${urlHost}:${port}`;
  publicUrl = (opts.publicUrl ?? url).replace(/\/+$/, "");

  const sweeper = setInterval(() => expireDueSessions(ctx), EXPIRY_SWEEP_MS);
  sweeper.unref();

  let stopped: Promise<void> | undefined;
  return {
    url,
    port,
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        clearInterval(sweeper);
        webhooks.stop();
        server.close(() => resolve());
        server.closeAllConnections(); // the SDK keeps connections alive; close() alone would wait for them
      });
      return stopped;
    },
  };
}

export type { EventRecord };

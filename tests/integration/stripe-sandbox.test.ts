// The local Stripe sandbox, driven by the real Stripe SDK built by lib/payments/stripe.ts,
// with webhooks received and verified (stripe.webhooks.constructEvent) by a tiny server.
import { execFile } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import Stripe from "stripe";
import { afterEach, describe, expect, it } from "vitest";
import {
  SANDBOX_WEBHOOK_SECRET,
  createStripeClient,
  isSandbox,
  webhookSecret,
} from "../../lib/payments/stripe.ts";
import { decodeForm } from "../../scripts/stripe-sandbox/form.ts";
import { API_VERSION, startStripeSandbox, type StripeSandbox } from "../../scripts/stripe-sandbox/server.ts";

interface Received {
  rawBody: string;
  signature: string;
  event: Stripe.Event;
}

/** A webhook endpoint answering with the next status from `statuses` (then the last one). */
async function startReceiver(statuses: number[] = [200]) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const rawBody = Buffer.concat(chunks).toString("utf8");
      received.push({
        rawBody,
        signature: String(req.headers["stripe-signature"]),
        event: JSON.parse(rawBody) as Stripe.Event,
      });
      res.statusCode = statuses[Math.min(received.length - 1, statuses.length - 1)];
      res.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/stripe/webhook`;
  return {
    url,
    received,
    ofType: (type: string) => received.filter((r) => r.event.type === type),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function setup(opts: { statuses?: number[]; retryDelaysMs?: number[] } = {}) {
  const receiver = await startReceiver(opts.statuses);
  const logs: string[] = [];
  const sandbox: StripeSandbox = await startStripeSandbox({
    port: 0,
    webhookUrl: receiver.url,
    webhookSecret: SANDBOX_WEBHOOK_SECRET,
    retryDelaysMs: opts.retryDelaysMs ?? [50, 100],
    log: (line) => logs.push(line),
  });
  cleanups.push(() => receiver.close(), () => sandbox.stop());
  // The app's own factory, pointed at this sandbox instead of the default port.
  const stripe = createStripeClient({ STRIPE_SANDBOX_URL: sandbox.url });
  return { sandbox, stripe, receiver, logs };
}

function sessionParams(overrides: Partial<Stripe.Checkout.SessionCreateParams> = {}): Stripe.Checkout.SessionCreateParams {
  return {
    mode: "payment",
    success_url: "http://localhost:3000/orders/done?session_id={CHECKOUT_SESSION_ID}",
    cancel_url: "http://localhost:3000/orders/cancelled",
    line_items: [
      { price_data: { currency: "cny", unit_amount: 1200, product_data: { name: "Osmanthus tea" } }, quantity: 2 },
      { price_data: { currency: "cny", unit_amount: 500, product_data: { name: "Gift card", images: ["https://example.com/card.png"] } }, quantity: 1 },
    ],
    metadata: { orderId: "order_1" },
    client_reference_id: "order_1",
    customer_email: "mei@example.com",
    payment_intent_data: { metadata: { orderId: "order_1" } },
    ...overrides,
  };
}

async function rejection(promise: Promise<unknown>): Promise<Stripe.errors.StripeError> {
  try {
    await promise;
  } catch (err) {
    return err as Stripe.errors.StripeError;
  }
  throw new Error("expected the call to fail");
}

async function waitFor(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 10));
  }
}

function payForm(sandbox: StripeSandbox, id: string, fields: Record<string, string>) {
  return fetch(`${sandbox.url}/checkout/${id}/pay`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
}

/** What the sandbox's control endpoint answers (the parts these tests read). */
type ControlPayAnswer = {
  error?: Record<string, unknown>;
  session: { id: string; status: string; payment_intent: string };
  event: { id: string };
  delivery: { attempts: { status: number }[] };
};
type SandboxEventRecord = { id: string; delivery: { status: string; attempts: { status: number }[] } };

async function controlPay(sandbox: StripeSandbox, id: string, body: Record<string, string> = {}) {
  const res = await fetch(`${sandbox.url}/_sandbox/checkout/sessions/${id}/pay`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as ControlPayAnswer };
}

describe("Stripe sandbox: Checkout Sessions", () => {
  it("creates a session through the SDK and retrieves it", async () => {
    const { stripe, sandbox } = await setup();
    const session = await stripe.checkout.sessions.create(sessionParams());
    expect(session.id).toMatch(/^cs_test_/);
    expect(session).toMatchObject({
      object: "checkout.session",
      mode: "payment",
      amount_subtotal: 2900,
      amount_total: 2900,
      currency: "cny",
      status: "open",
      payment_status: "unpaid",
      payment_intent: null,
      metadata: { orderId: "order_1" },
      client_reference_id: "order_1",
      customer_email: "mei@example.com",
      success_url: "http://localhost:3000/orders/done?session_id={CHECKOUT_SESSION_ID}",
      cancel_url: "http://localhost:3000/orders/cancelled",
      livemode: false,
    });
    expect(session.url).toBe(`${sandbox.url}/checkout/${session.id}`);
    expect(session.expires_at - session.created).toBe(24 * 3600);

    const again = await stripe.checkout.sessions.retrieve(session.id);
    expect(again.id).toBe(session.id);
    expect(again.status).toBe("open");
    expect(again.line_items).toBeUndefined(); // only present when expanded, as in Stripe

    const expanded = await stripe.checkout.sessions.retrieve(session.id, { expand: ["line_items"] });
    expect(expanded.line_items?.data.map((li) => [li.description, li.quantity, li.amount_total])).toEqual([
      ["Osmanthus tea", 2, 2400],
      ["Gift card", 1, 500],
    ]);

    const items = await stripe.checkout.sessions.listLineItems(session.id, { limit: 1 });
    expect(items.data).toHaveLength(1);
    expect(items.has_more).toBe(true);
    const all: string[] = [];
    for await (const item of stripe.checkout.sessions.listLineItems(session.id, { limit: 1 })) all.push(item.description!);
    expect(all).toEqual(["Osmanthus tea", "Gift card"]);
  });

  it("accepts an explicit expires_at within Stripe's window and rejects one outside it", async () => {
    const { stripe } = await setup();
    const now = Math.floor(Date.now() / 1000);
    const session = await stripe.checkout.sessions.create(sessionParams({ expires_at: now + 3600 }));
    expect(session.expires_at).toBe(now + 3600);
    const err = await rejection(stripe.checkout.sessions.create(sessionParams({ expires_at: now + 60 })));
    expect(err).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(err.param).toBe("expires_at");
  });

  it("rejects bad parameters with Stripe's error codes", async () => {
    const { stripe } = await setup();
    const missing = await rejection(stripe.checkout.sessions.create(sessionParams({ success_url: undefined })));
    expect(missing).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(missing.statusCode).toBe(400);
    expect(missing.code).toBe("parameter_missing");
    expect(missing.param).toBe("success_url");

    const noCurrency = await rejection(
      stripe.checkout.sessions.create(
        sessionParams({ line_items: [{ price_data: { unit_amount: 100, product_data: { name: "x" } } as never, quantity: 1 }] }),
      ),
    );
    expect(noCurrency.code).toBe("parameter_missing");
    expect(noCurrency.param).toBe("line_items[0][price_data][currency]");

    const zero = await rejection(
      stripe.checkout.sessions.create(
        sessionParams({ line_items: [{ price_data: { currency: "cny", unit_amount: 0, product_data: { name: "x" } }, quantity: 1 }] }),
      ),
    );
    expect(zero.param).toBe("line_items[0][price_data][unit_amount]");

    const fractional = await rejection(
      stripe.checkout.sessions.create(
        sessionParams({ line_items: [{ price_data: { currency: "cny", unit_amount: 1, product_data: { name: "x" } }, quantity: 1.5 }] }),
      ),
    );
    expect(fractional.code).toBe("parameter_invalid_integer");
    expect(fractional.param).toBe("line_items[0][quantity]");

    const badCurrency = await rejection(
      stripe.checkout.sessions.create(
        sessionParams({ line_items: [{ price_data: { currency: "yuan", unit_amount: 1, product_data: { name: "x" } }, quantity: 1 }] }),
      ),
    );
    expect(badCurrency.param).toBe("line_items[0][price_data][currency]");

    const unknown = await rejection(stripe.checkout.sessions.create({ ...sessionParams(), allow_promotion_codes: true }));
    expect(unknown.code).toBe("parameter_unknown");
    expect(unknown.param).toBe("allow_promotion_codes");

    const notFound = await rejection(stripe.checkout.sessions.retrieve("cs_test_nope"));
    expect(notFound).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(notFound.statusCode).toBe(404);
    expect(notFound.code).toBe("resource_missing");
  });

  it("answers a wrong API key with StripeAuthenticationError", async () => {
    const { sandbox } = await setup();
    const { hostname, port } = new URL(sandbox.url);
    const wrong = new Stripe("sk_test_not_the_sandbox_key", { host: hostname, port, protocol: "http", maxNetworkRetries: 0 });
    const err = await rejection(wrong.checkout.sessions.create(sessionParams()));
    expect(err).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect(err.statusCode).toBe(401);
    expect(err.message).toMatch(/^Invalid API Key provided/);
    expect(err.message).not.toContain("sk_test_not_the_sandbox_key"); // masked, as Stripe does
  });

  it("returns the same object for a repeated Idempotency-Key and refuses the key for other params", async () => {
    const { stripe } = await setup();
    const first = await stripe.checkout.sessions.create(sessionParams(), { idempotencyKey: "order_1-checkout" });
    const second = await stripe.checkout.sessions.create(sessionParams(), { idempotencyKey: "order_1-checkout" });
    expect(second.id).toBe(first.id);
    expect(second.lastResponse.headers["idempotent-replayed"]).toBe("true");
    const other = await stripe.checkout.sessions.create(sessionParams());
    expect(other.id).not.toBe(first.id);
    const misuse = await rejection(
      stripe.checkout.sessions.create(sessionParams({ client_reference_id: "order_2" }), { idempotencyKey: "order_1-checkout" }),
    );
    expect(misuse).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
  });
});

describe("Stripe sandbox: hosted checkout page and webhooks", () => {
  it("pays through the HTML form: webhook first, then 303 to success_url", async () => {
    const { stripe, sandbox, receiver } = await setup();
    const session = await stripe.checkout.sessions.create(sessionParams());

    const page = await fetch(session.url!);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("¥29.00");
    expect(html).toContain("Osmanthus tea");
    expect(html).toContain("mei@example.com");
    expect(html).toMatch(/<input[^>]*value="4242 4242 4242 4242"[^>]*data-testid="sandbox-card"/);
    expect(html).toMatch(/<button[^>]*data-testid="sandbox-pay"[^>]*>Pay<\/button>/);
    expect(html).toMatch(/<button[^>]*data-testid="sandbox-cancel"[^>]*>Cancel<\/button>/);
    expect(html).not.toMatch(/<(link|img)\b|src="http/); // self-contained

    const res = await payForm(sandbox, session.id, { email: "mei@example.com", card: "4242 4242 4242 4242" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`http://localhost:3000/orders/done?session_id=${session.id}`);

    // Delivered before the redirect, so the success page can already see the paid order.
    expect(receiver.received).toHaveLength(1);
    const { rawBody, signature } = receiver.received[0];
    const event = stripe.webhooks.constructEvent(rawBody, signature, SANDBOX_WEBHOOK_SECRET);
    expect(event.type).toBe("checkout.session.completed");
    expect(event.id).toMatch(/^evt_/);
    expect(event).toMatchObject({ object: "event", livemode: false, api_version: Stripe.API_VERSION });
    expect(API_VERSION).toBe(Stripe.API_VERSION);
    const completed = event.data.object as Stripe.Checkout.Session;
    expect(completed).toMatchObject({ id: session.id, status: "complete", payment_status: "paid", metadata: { orderId: "order_1" } });
    expect(completed.payment_intent).toMatch(/^pi_/);
    expect(() => stripe.webhooks.constructEvent(rawBody, signature, "whsec_someone_else")).toThrow(
      Stripe.errors.StripeSignatureVerificationError,
    );

    const paid = await stripe.checkout.sessions.retrieve(session.id, { expand: ["payment_intent.latest_charge"] });
    expect(paid.status).toBe("complete");
    expect(paid.payment_status).toBe("paid");
    expect(paid.url).toBeNull(); // Stripe drops the URL once the session is no longer active
    const pi = paid.payment_intent as Stripe.PaymentIntent;
    expect(pi).toMatchObject({
      object: "payment_intent",
      status: "succeeded",
      amount: 2900,
      amount_received: 2900,
      currency: "cny",
      metadata: { orderId: "order_1" },
    });
    const charge = pi.latest_charge as Stripe.Charge;
    expect(charge).toMatchObject({ object: "charge", paid: true, amount: 2900, amount_refunded: 0 });
    expect((await stripe.paymentIntents.retrieve(pi.id)).latest_charge).toBe(charge.id);

    // A second Pay (back button, double tap) must not charge again or send anything.
    const again = await payForm(sandbox, session.id, { card: "4242424242424242" });
    expect(again.status).toBe(409);
    expect(again.headers.get("location")).toBeNull();
    expect(receiver.received).toHaveLength(1);
  });

  it("shows a declined card on the page and leaves the session open, sending nothing", async () => {
    const { stripe, sandbox, receiver } = await setup();
    const session = await stripe.checkout.sessions.create(sessionParams());
    const declined = await payForm(sandbox, session.id, { email: "mei@example.com", card: "4000 0000 0000 0002" });
    expect(declined.status).toBe(200); // the page again, with the error; no redirect
    expect(declined.headers.get("location")).toBeNull();
    expect(await declined.text()).toContain("Your card was declined.");

    const viaButton = await payForm(sandbox, session.id, { card: "4242 4242 4242 4242", simulate: "decline" });
    expect(await viaButton.text()).toContain("Your card was declined.");

    const viaControl = await controlPay(sandbox, session.id, { card: "4000000000000002" });
    expect(viaControl.status).toBe(402);
    expect(viaControl.json.error).toMatchObject({ type: "card_error", code: "card_declined", decline_code: "generic_decline" });

    expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe("open");
    await new Promise((r) => setTimeout(r, 100));
    expect(receiver.received).toHaveLength(0);
  });

  it("sends Cancel back to cancel_url and keeps the session open", async () => {
    const { stripe, sandbox, receiver } = await setup();
    const session = await stripe.checkout.sessions.create(sessionParams());
    const res = await fetch(`${sandbox.url}/checkout/${session.id}/cancel`, { method: "POST", redirect: "manual" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("http://localhost:3000/orders/cancelled");
    expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe("open");
    expect(receiver.received).toHaveLength(0);
  });

  it("retries a webhook the endpoint answered with 500, with a fresh valid signature", async () => {
    const { stripe, sandbox, receiver } = await setup({ statuses: [500, 200] });
    const session = await stripe.checkout.sessions.create(sessionParams());
    const paid = await controlPay(sandbox, session.id);
    expect(paid.status).toBe(200);
    expect(paid.json.session).toMatchObject({ id: session.id, status: "complete" });
    expect(paid.json.delivery.attempts[0].status).toBe(500);

    await waitFor(() => receiver.received.length === 2);
    const [first, second] = receiver.received;
    expect(second.event.id).toBe(first.event.id);
    expect(stripe.webhooks.constructEvent(second.rawBody, second.signature, SANDBOX_WEBHOOK_SECRET).id).toBe(paid.json.event.id);

    const events = (await (await fetch(`${sandbox.url}/_sandbox/events`)).json()) as { data: SandboxEventRecord[] };
    const record = events.data.find((e) => e.id === first.event.id);
    expect(record?.delivery.status).toBe("delivered");
    expect(record?.delivery.attempts.map((a) => a.status)).toEqual([500, 200]);
  });

  it("gives up after the configured retries and stops retrying once stopped", async () => {
    const { stripe, sandbox, receiver, logs } = await setup({ statuses: [503], retryDelaysMs: [20, 20] });
    const session = await stripe.checkout.sessions.create(sessionParams());
    await controlPay(sandbox, session.id);
    await waitFor(() => logs.some((l) => l.includes("giving up")));
    expect(receiver.received).toHaveLength(3);
    const events = (await (await fetch(`${sandbox.url}/_sandbox/events`)).json()) as { data: SandboxEventRecord[] };
    expect(events.data[0].delivery.status).toBe("failed");

    // stop() cancels a pending retry: nothing arrives afterwards.
    const other = await setup({ statuses: [500], retryDelaysMs: [50] });
    const s2 = await other.stripe.checkout.sessions.create(sessionParams());
    await controlPay(other.sandbox, s2.id);
    expect(other.receiver.received).toHaveLength(1);
    await other.sandbox.stop();
    await new Promise((r) => setTimeout(r, 150));
    expect(other.receiver.received).toHaveLength(1);
  });

  it("leaves nothing behind after stop(): a process with a pending retry exits at once", async () => {
    // In a child process, so "exits" is observable: a retry timer or kept-alive socket that
    // survived stop() would hold it open for the whole 60 s retry delay.
    const server = new URL("../../scripts/stripe-sandbox/server.ts", import.meta.url).href;
    const factory = new URL("../../lib/payments/stripe.ts", import.meta.url).href;
    const code = `
      const { startStripeSandbox } = await import(${JSON.stringify(server)});
      const { createStripeClient } = await import(${JSON.stringify(factory)});
      const sandbox = await startStripeSandbox({ port: 0, webhookUrl: "http://127.0.0.1:9/nothing-listens",
        webhookSecret: "whsec_x", retryDelaysMs: [60000], log: () => {} });
      const stripe = createStripeClient({ STRIPE_SANDBOX_URL: sandbox.url });
      const session = await stripe.checkout.sessions.create(${JSON.stringify(sessionParams())});
      const paid = await fetch(sandbox.url + "/_sandbox/checkout/sessions/" + session.id + "/pay", { method: "POST" });
      const { delivery } = await paid.json();
      await sandbox.stop();
      console.log(delivery.nextRetryAt ? "retry-was-pending" : "no-retry");
    `;
    const started = Date.now();
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(
        process.execPath,
        ["--import", "tsx", "--input-type=module", "-e", code],
        { cwd: fileURLToPath(new URL("../..", import.meta.url)), timeout: 20_000 },
        (err, out, errOut) => (err ? reject(new Error(`${err.message}\n${errOut}`)) : resolve(out)),
      );
    });
    expect(stdout.trim()).toBe("retry-was-pending");
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it("resends an event with the same id", async () => {
    const { stripe, sandbox, receiver } = await setup();
    const session = await stripe.checkout.sessions.create(sessionParams());
    const paid = await controlPay(sandbox, session.id);
    const eventId = paid.json.event.id as string;
    expect(receiver.received).toHaveLength(1);

    const res = await fetch(`${sandbox.url}/_sandbox/events/${eventId}/resend`, { method: "POST" });
    expect(res.status).toBe(200);
    expect(receiver.received).toHaveLength(2);
    const resent = receiver.received[1];
    expect(stripe.webhooks.constructEvent(resent.rawBody, resent.signature, SANDBOX_WEBHOOK_SECRET).id).toBe(eventId);

    expect((await fetch(`${sandbox.url}/_sandbox/events/evt_unknown/resend`, { method: "POST" })).status).toBe(404);
  });

  it("expires an open session with checkout.session.expired and refuses to pay it", async () => {
    const { stripe, sandbox, receiver } = await setup();
    const session = await stripe.checkout.sessions.create(sessionParams());
    const expired = await stripe.checkout.sessions.expire(session.id);
    expect(expired.status).toBe("expired");
    await waitFor(() => receiver.ofType("checkout.session.expired").length === 1);
    const event = stripe.webhooks.constructEvent(receiver.received[0].rawBody, receiver.received[0].signature, SANDBOX_WEBHOOK_SECRET);
    expect((event.data.object as Stripe.Checkout.Session).id).toBe(session.id);
    expect(event.request?.id).toMatch(/^req_/); // caused by an API request, as Stripe reports it

    expect((await payForm(sandbox, session.id, { card: "4242424242424242" })).status).toBe(409);
    const twice = await rejection(stripe.checkout.sessions.expire(session.id));
    expect(twice).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(receiver.received).toHaveLength(1);
  });
});

describe("Stripe sandbox: refunds", () => {
  it("refunds partially and fully, never more than was paid, with charge.refunded and refund.created", async () => {
    const { stripe, sandbox, receiver } = await setup();
    const session = await stripe.checkout.sessions.create(sessionParams());
    const paymentIntent = (await controlPay(sandbox, session.id)).json.session.payment_intent as string;

    const partial = await stripe.refunds.create({ payment_intent: paymentIntent, amount: 1000, reason: "requested_by_customer", metadata: { orderId: "order_1" } });
    expect(partial).toMatchObject({ object: "refund", amount: 1000, currency: "cny", status: "succeeded", payment_intent: paymentIntent, metadata: { orderId: "order_1" } });
    expect(partial.id).toMatch(/^re_/);
    expect((await stripe.refunds.retrieve(partial.id)).amount).toBe(1000);

    await waitFor(() => receiver.ofType("refund.created").length === 1 && receiver.ofType("charge.refunded").length === 1);
    const chargeEvent = stripe.webhooks.constructEvent(
      receiver.ofType("charge.refunded")[0].rawBody,
      receiver.ofType("charge.refunded")[0].signature,
      SANDBOX_WEBHOOK_SECRET,
    );
    expect(chargeEvent.data.object).toMatchObject({ amount_refunded: 1000, refunded: false });
    expect((receiver.ofType("refund.created")[0].event.data.object as Stripe.Refund).id).toBe(partial.id);

    const tooMuch = await rejection(stripe.refunds.create({ payment_intent: paymentIntent, amount: 2000 }));
    expect(tooMuch).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(tooMuch.code).toBe("amount_too_large");
    expect(tooMuch.param).toBe("amount");

    const rest = await stripe.refunds.create({ payment_intent: paymentIntent });
    expect(rest.amount).toBe(1900);
    const charge = await stripe.charges.retrieve(rest.charge as string);
    expect(charge).toMatchObject({ amount_refunded: 2900, refunded: true });

    const already = await rejection(stripe.refunds.create({ charge: charge.id, amount: 1 }));
    expect(already.code).toBe("charge_already_refunded");

    const unknown = await rejection(stripe.refunds.create({ payment_intent: "pi_unknown" }));
    expect(unknown.code).toBe("resource_missing");
    expect(unknown.param).toBe("payment_intent");
  });

  it("replays a refund for a repeated Idempotency-Key instead of refunding twice", async () => {
    const { stripe, sandbox } = await setup();
    const session = await stripe.checkout.sessions.create(sessionParams());
    const paymentIntent = (await controlPay(sandbox, session.id)).json.session.payment_intent as string;
    const a = await stripe.refunds.create({ payment_intent: paymentIntent, amount: 500 }, { idempotencyKey: "refund-1" });
    const b = await stripe.refunds.create({ payment_intent: paymentIntent, amount: 500 }, { idempotencyKey: "refund-1" });
    expect(b.id).toBe(a.id);
    const pi = await stripe.paymentIntents.retrieve(paymentIntent, { expand: ["latest_charge"] });
    expect((pi.latest_charge as Stripe.Charge).amount_refunded).toBe(500);
  });
});

describe("Stripe sandbox: request decoding and client factory", () => {
  it("decodes Stripe's bracket notation", () => {
    expect(
      decodeForm(
        "line_items[0][price_data][unit_amount]=1200&line_items[0][quantity]=2&metadata[note]=a+b%26c&expand[]=x&expand[]=y",
      ),
    ).toEqual({
      line_items: { "0": { price_data: { unit_amount: "1200" }, quantity: "2" } },
      metadata: { note: "a b&c" },
      expand: ["x", "y"],
    });
    expect(() => decodeForm("metadata[__proto__][x]=1")).toThrow();
  });

  it("builds the sandbox client without STRIPE_SECRET_KEY and plain Stripe with it", () => {
    expect(isSandbox({})).toBe(true);
    expect(webhookSecret({})).toBe(SANDBOX_WEBHOOK_SECRET);
    expect(webhookSecret({ STRIPE_WEBHOOK_SECRET: "whsec_x" })).toBe("whsec_x");
    const sandboxClient = createStripeClient({ STRIPE_SANDBOX_URL: "http://127.0.0.1:4567" });
    expect(sandboxClient.getApiField("host")).toBe("127.0.0.1");
    expect(String(sandboxClient.getApiField("port"))).toBe("4567");
    expect(sandboxClient.getApiField("protocol")).toBe("http");
    expect(sandboxClient.getMaxNetworkRetries()).toBe(2);
    expect(sandboxClient.getAppInfoAsString()).toContain("Lanbao");

    const real = { STRIPE_SECRET_KEY: "sk_test_123" };
    expect(isSandbox(real)).toBe(false);
    expect(createStripeClient(real).getApiField("host")).toBe("api.stripe.com");
    expect(() => webhookSecret(real)).toThrow(/STRIPE_WEBHOOK_SECRET/);
    expect(() => createStripeClient({ STRIPE_SECRET_KEY: "pk_test_123" })).toThrow(/publishable/);
  });
});

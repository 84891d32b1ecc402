// A real Stripe SDK against a local Stripe sandbox whose webhooks reach the app's real
// webhook route handler, for service tests of the payment flow.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll } from "vitest";
import { startStripeSandbox, type StripeSandbox } from "../../scripts/stripe-sandbox/server.ts";

export const TEST_WEBHOOK_SECRET = "whsec_lanbao_test";

export type PaymentsHarness = {
  sandbox: StripeSandbox;
  /** Pays a Checkout Session as the hosted page's Pay button does; resolves after the first webhook attempt. */
  pay(sessionId: string, opts?: { decline?: boolean }): Promise<{ event: { id: string; type: string }; delivery: { status: string } }>;
  resend(eventId: string): Promise<void>;
  /** POSTs a raw body to the webhook route with the given signature header. */
  postWebhook(body: string, signature: string | null): Promise<Response>;
};

/**
 * Must be called at the top of a test file that uses `useTestDatabase()` first: points the
 * app's shared db and Stripe client (read from process.env) at this file's database and sandbox.
 */
export function usePayments(dbUrl: () => string): PaymentsHarness {
  const h = {} as PaymentsHarness;
  let receiver: http.Server;
  beforeAll(async () => {
    process.env.DATABASE_URL = dbUrl();
    process.env.STRIPE_WEBHOOK_SECRET = TEST_WEBHOOK_SECRET;
    delete process.env.STRIPE_SECRET_KEY;
    const { POST } = await import("../../app/api/stripe/webhook/route.ts");
    receiver = http.createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const response = await POST(
        new Request("http://app.test/api/stripe/webhook", {
          method: "POST",
          headers: req.headers as Record<string, string>,
          body: Buffer.concat(chunks).toString("utf8"),
        }),
      );
      res.writeHead(response.status, { "content-type": "application/json" });
      res.end(await response.text());
    });
    await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
    const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`;
    h.sandbox = await startStripeSandbox({ port: 0, webhookUrl: receiverUrl, webhookSecret: TEST_WEBHOOK_SECRET, retryDelaysMs: [50, 100], log: () => {} });
    process.env.STRIPE_SANDBOX_URL = h.sandbox.url;
    h.pay = async (sessionId, opts = {}) => {
      const r = await fetch(`${h.sandbox.url}/_sandbox/checkout/sessions/${sessionId}/pay`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(opts.decline ? { simulate: "decline" } : {}),
      });
      if (!r.ok) throw new Error(`sandbox pay failed: ${r.status} ${await r.text()}`);
      return r.json();
    };
    h.resend = async (eventId) => {
      const r = await fetch(`${h.sandbox.url}/_sandbox/events/${eventId}/resend`, { method: "POST" });
      if (!r.ok) throw new Error(`sandbox resend failed: ${r.status}`);
    };
    h.postWebhook = (body, signature) =>
      POST(
        new Request("http://app.test/api/stripe/webhook", {
          method: "POST",
          headers: signature ? { "stripe-signature": signature } : {},
          body,
        }),
      );
  });
  afterAll(async () => {
    await h.sandbox?.stop();
    await new Promise((r) => receiver?.close(r));
    const { db } = await import("../../lib/db/client.ts");
    await db.$disconnect();
  });
  return h;
}

// A refund survives the process dying between the commit that recorded it and the Stripe
// call, at both bad moments: before Stripe heard of it, and after Stripe made it but
// before we wrote that down. After a restart the job settles it, and Stripe has refunded
// the payment exactly once.
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startJobRunner, type JobRunner } from "../../lib/jobs/runner.ts";
import { startCheckout } from "../../lib/orders/checkout.ts";
import { getStripe } from "../../lib/payments/stripe.ts";
import { makeFriendsWithThread, makeProduct, makeUser } from "../setup/fixtures.ts";
import { usePayments } from "../setup/payments.ts";
import { useTestDatabase } from "../setup/test-db.ts";

const t = useTestDatabase();
const pay = usePayments(() => t.url);

type CrashPoint = "before-stripe" | "after-stripe";

/** Forwards to the sandbox; at the refund call, kills the child at the chosen moment. */
function crashingProxy(target: string, point: CrashPoint) {
  let child: ChildProcess | undefined;
  let refundCalls = 0;
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const isRefund = req.method === "POST" && req.url === "/v1/refunds";
    if (isRefund) refundCalls++;
    if (isRefund && point === "before-stripe") {
      child?.kill("SIGKILL");
      res.destroy();
      return;
    }
    const upstream = await fetch(target + req.url, {
      method: req.method,
      headers: Object.fromEntries(Object.entries(req.headers).filter(([k]) => k !== "host" && k !== "content-length")) as Record<string, string>,
      body: chunks.length ? Buffer.concat(chunks) : undefined,
    });
    const body = Buffer.from(await upstream.arrayBuffer());
    if (isRefund && point === "after-stripe") {
      child?.kill("SIGKILL"); // Stripe has made the refund; we never hear the answer
      res.destroy();
      return;
    }
    res.writeHead(upstream.status, { "content-type": upstream.headers.get("content-type") ?? "application/json" });
    res.end(body);
  });
  return {
    server,
    refundCalls: () => refundCalls,
    attach: (c: ChildProcess) => (child = c),
    listen: () => new Promise<string>((r) => server.listen(0, "127.0.0.1", () => r(`http://127.0.0.1:${(server.address() as AddressInfo).port}`))),
  };
}

let runner: JobRunner | undefined;
beforeAll(() => {
  process.env.LANBAO_REFUND_JOB_DELAY_MS = "0";
});
afterEach(async () => {
  await runner?.stop();
  runner = undefined;
});
afterAll(() => {
  delete process.env.LANBAO_REFUND_JOB_DELAY_MS;
});

async function waitingGift() {
  const sender = await makeUser(t.db, "Sender");
  const recipient = await makeUser(t.db, "Recipient");
  const thread = await makeFriendsWithThread(t.db, sender, recipient);
  const { variants } = await makeProduct(t.db, { variants: [{ name: "Box", price: 5200, stock: 3 }] });
  const { orderId } = await startCheckout(t.db, sender.id, { kind: "GIFT", variantId: variants[0].id, threadId: thread.id, recipientId: recipient.id });
  await pay.pay((await t.db.order.findUniqueOrThrow({ where: { id: orderId } })).stripeCheckoutSessionId!);
  const gift = await t.db.gift.findUniqueOrThrow({ where: { orderId } });
  return { recipient, gift, orderId };
}

async function refundedAtStripe(orderId: string) {
  const { stripePaymentIntentId } = await t.db.order.findUniqueOrThrow({ where: { id: orderId } });
  const pi = await getStripe().paymentIntents.retrieve(stripePaymentIntentId!);
  const charge = await getStripe().charges.retrieve(pi.latest_charge as string);
  return charge.amount_refunded;
}

async function until<T>(fn: () => Promise<T | null | undefined | false>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("a crash between recording a refund and settling it", () => {
  for (const point of ["before-stripe", "after-stripe"] as const) {
    it(`${point}: after restart the refund is made exactly once`, async () => {
      const { recipient, gift, orderId } = await waitingGift();
      const proxy = crashingProxy(pay.sandbox.url, point);
      const proxyUrl = await proxy.listen();
      const child = spawn(process.execPath, ["--import", "tsx", "tests/setup/decline-in-child.ts", t.url, proxyUrl, recipient.id, gift.id], {
        stdio: "pipe",
        env: { ...process.env, LANBAO_REFUND_JOB_DELAY_MS: "0" },
      });
      proxy.attach(child);
      const spawned = Date.now();
      const exit = await new Promise<NodeJS.Signals | number | null>((r) => child.on("exit", (code, signal) => r(signal ?? code)));
      proxy.server.close();
      console.log(`${point}: child ran ${Date.now() - spawned} ms before it was killed`);
      expect(exit).toBe("SIGKILL");
      expect(proxy.refundCalls()).toBe(1);

      // The decline committed: the gift is declined and the refund recorded, not settled.
      expect((await t.db.gift.findUniqueOrThrow({ where: { id: gift.id } })).status).toBe("DECLINED");
      const [refund] = await t.db.refund.findMany({ where: { orderId } });
      expect(refund).toMatchObject({ status: "PENDING", amount: 5200, stripeRefundId: null });
      expect(await refundedAtStripe(orderId)).toBe(point === "after-stripe" ? 5200 : 0);

      // Restart: the queue's worker finishes it.
      const t0 = Date.now();
      runner = await startJobRunner(t.db, { connectionString: t.url, pollingIntervalSeconds: 0.5, sweepCron: null, log: () => {} });
      const settled = await until(async () => {
        const r = await t.db.refund.findUniqueOrThrow({ where: { id: refund.id } });
        return r.status === "SUCCEEDED" ? r : null;
      });
      console.log(`${point}: settled ${Date.now() - t0} ms after the restart`);
      expect(settled.stripeRefundId).toMatch(/^re_/);
      expect(await refundedAtStripe(orderId)).toBe(5200);
      expect(await t.db.refund.count({ where: { orderId } })).toBe(1);
    }, 120_000); // a Node process of its own starts, is killed, and a worker restarts
  }
});

// The job queue (pg-boss on the same PostgreSQL): a gift's expiry and reminder run at their
// time, once, even with two workers (two app processes) on the same queue; a refund Stripe
// keeps refusing ends "needs attention" without holding up anything else; the sweep picks
// up what a lost job left behind.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { acceptGift } from "../../lib/gifting/accept.ts";
import { sendJob } from "../../lib/jobs/queue.ts";
import { startJobRunner, type JobLogEntry, type JobRunner } from "../../lib/jobs/runner.ts";
import { runSweep } from "../../lib/jobs/sweep.ts";
import { startCheckout } from "../../lib/orders/checkout.ts";
import { recordRefund } from "../../lib/payments/refunds.ts";
import { getStripe } from "../../lib/payments/stripe.ts";
import { makeFriendsWithThread, makeProduct, makeUser, SAMPLE_ADDRESS } from "../setup/fixtures.ts";
import { usePayments } from "../setup/payments.ts";
import { useTestDatabase } from "../setup/test-db.ts";

const t = useTestDatabase();
const pay = usePayments(() => t.url);

let runners: JobRunner[] = [];
let logs: JobLogEntry[] = [];
async function workers(n: number) {
  for (let i = 0; i < n; i++) {
    runners.push(await startJobRunner(t.db, { connectionString: t.url, pollingIntervalSeconds: 0.5, sweepCron: null, log: (e) => logs.push(e) }));
  }
}
beforeAll(() => {
  process.env.LANBAO_JOB_RETRY_DELAY_SECONDS = "1";
  process.env.LANBAO_REFUND_RETRIES = "2";
  process.env.LANBAO_REFUND_JOB_DELAY_MS = "0";
});
afterEach(async () => {
  await Promise.all(runners.map((r) => r.stop()));
  runners = [];
  logs = [];
});
afterAll(() => {
  delete process.env.LANBAO_JOB_RETRY_DELAY_SECONDS;
  delete process.env.LANBAO_REFUND_RETRIES;
  delete process.env.LANBAO_REFUND_JOB_DELAY_MS;
});

async function until<T>(fn: () => Promise<T | null | undefined | false>, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function paidGift(price = 3600) {
  const sender = await makeUser(t.db, "Sender");
  const recipient = await makeUser(t.db, "Recipient");
  const thread = await makeFriendsWithThread(t.db, sender, recipient);
  const { variants } = await makeProduct(t.db, { variants: [{ name: "Box", price, stock: 5 }] });
  const { orderId } = await startCheckout(t.db, sender.id, { kind: "GIFT", variantId: variants[0].id, threadId: thread.id, recipientId: recipient.id });
  const order = await t.db.order.findUniqueOrThrow({ where: { id: orderId } });
  await pay.pay(order.stripeCheckoutSessionId!);
  const gift = await t.db.gift.findUniqueOrThrow({ where: { orderId } });
  return { sender, recipient, thread, gift, order: await t.db.order.findUniqueOrThrow({ where: { id: orderId } }), variantId: variants[0].id };
}

/** Brings a gift's 24 hours to an end `ms` from now, with its expiry job at that time (as paying schedules it). */
async function expiringIn(giftId: string, ms: number) {
  const expiresAt = new Date(Date.now() + ms);
  await t.db.gift.update({ where: { id: giftId }, data: { expiresAt } });
  await sendJob(t.db, "gift-expiry", { giftId }, { startAfter: expiresAt });
  return expiresAt;
}

/** The jobs of a queue for one gift or refund that are due by now. */
async function dueJobs(queue: string, key: string, value: string) {
  return t.db.$queryRawUnsafe<{ state: string }[]>(
    `SELECT state FROM pgboss.job WHERE name = $1 AND data->>$2 = $3 AND start_after <= now()`,
    queue,
    key,
    value,
  );
}

describe("jobs on pg-boss", () => {
  it("paying for a gift schedules its reminder 2 hours before and its expiry at expiresAt", async () => {
    const { gift } = await paidGift();
    const rows = await t.db.$queryRawUnsafe<{ name: string; start_after: Date }[]>(
      `SELECT name, start_after FROM pgboss.job WHERE data->>'giftId' = $1 ORDER BY start_after`,
      gift.id,
    );
    expect(rows.map((r) => [r.name, r.start_after.getTime()])).toEqual([
      ["gift-reminder", gift.expiresAt.getTime() - 2 * 3600_000],
      ["gift-expiry", gift.expiresAt.getTime()],
    ]);
  });

  it("two workers, one expiry: expired, refunded and announced exactly once, seconds after expiresAt", async () => {
    const { gift, order, thread } = await paidGift(3600);
    await workers(2);
    const expiresAt = await expiringIn(gift.id, 1500);
    // Both workers also get a duplicate of the job, as a retry or the sweep might send.
    await sendJob(t.db, "gift-expiry", { giftId: gift.id }, { startAfter: expiresAt });
    const refund = await until(() => t.db.refund.findFirst({ where: { orderId: order.id, status: "SUCCEEDED" } }));
    const lagMs = refund.settledAt!.getTime() - expiresAt.getTime();
    console.log(`refund settled at Stripe ${lagMs} ms after expiresAt`);
    expect(lagMs).toBeGreaterThanOrEqual(0);
    await until(async () => (await dueJobs("gift-expiry", "giftId", gift.id)).every((j) => j.state === "completed"));

    expect((await t.db.gift.findUniqueOrThrow({ where: { id: gift.id } })).status).toBe("EXPIRED");
    expect(await t.db.refund.count({ where: { orderId: order.id } })).toBe(1);
    expect(await t.db.message.count({ where: { threadId: thread.id, systemKey: "giftExpired" } })).toBe(1);
    const pi = await getStripe().paymentIntents.retrieve(order.stripePaymentIntentId!);
    expect((await getStripe().charges.retrieve(pi.latest_charge as string)).amount_refunded).toBe(3600);
    const outcomes = logs.filter((l) => l.queue === "gift-expiry" && l.status === "completed").map((l) => l.outcome);
    expect(outcomes.filter((o) => o === "expired")).toHaveLength(1);
  });

  it("the reminder is posted once, in the chat, and not for a gift already accepted", async () => {
    const { gift, thread, recipient } = await paidGift();
    const accepted = await paidGift();
    await acceptGift(t.db, accepted.recipient.id, { giftId: accepted.gift.id, shipping: SAMPLE_ADDRESS });
    await workers(1);
    for (const g of [gift, gift, accepted.gift]) await sendJob(t.db, "gift-reminder", { giftId: g.id });
    for (const g of [gift, accepted.gift]) {
      await until(async () => {
        const jobs = await dueJobs("gift-reminder", "giftId", g.id);
        return jobs.length > 0 && jobs.every((j) => j.state === "completed");
      });
    }
    const reminders = await t.db.message.findMany({ where: { threadId: thread.id, systemKey: "giftReminder" } });
    expect(reminders).toHaveLength(1);
    expect(reminders[0].systemArg).toEqual({ name: recipient.name });
    expect(await t.db.message.count({ where: { threadId: accepted.thread.id, systemKey: "giftReminder" } })).toBe(0);
  });

  it("a refund Stripe keeps refusing ends 'needs attention' after its retries, and other gifts still expire", async () => {
    const bad = await paidGift(2000);
    const good = await paidGift(2200);
    // Someone refunded the payment at Stripe directly: our refund will be refused.
    await getStripe().refunds.create({ payment_intent: bad.order.stripePaymentIntentId! });
    await workers(1);
    await expiringIn(bad.gift.id, 200);
    await expiringIn(good.gift.id, 400);

    const failed = await until(() => t.db.refund.findFirst({ where: { orderId: bad.order.id, status: "FAILED" } }), 50_000);
    expect(failed.lastError).toMatch(/charge_already_refunded|already been refunded/);
    // The try right after the commit, then the job's first run and its two retries.
    expect(failed.attempts).toBe(4);
    await until(() => t.db.refund.findFirst({ where: { orderId: good.order.id, status: "SUCCEEDED" } }));
    expect((await t.db.gift.findUniqueOrThrow({ where: { id: good.gift.id } })).status).toBe("EXPIRED");
  }, 60_000);

  it("the sweep expires a gift whose job was lost, and requeues a refund whose job was lost", async () => {
    const { gift, order } = await paidGift(1500);
    await t.db.$executeRawUnsafe(`DELETE FROM pgboss.job WHERE data->>'giftId' = $1`, gift.id);
    await t.db.gift.update({ where: { id: gift.id }, data: { expiresAt: new Date(Date.now() - 5 * 60_000) } });
    const result = await runSweep(t.db);
    expect(result.giftsExpired).toBe(1);
    expect((await t.db.gift.findUniqueOrThrow({ where: { id: gift.id } })).status).toBe("EXPIRED");
    expect(await t.db.refund.findFirstOrThrow({ where: { orderId: order.id } })).toMatchObject({ status: "SUCCEEDED" });
    expect((await runSweep(t.db)).giftsExpired).toBe(0);

    // A refund recorded by a decision whose job never made it (a crash, a purge).
    const other = await paidGift(1700);
    const refundId = await t.db.$transaction((tx) => recordRefund(tx, { orderId: other.order.id, amount: 700, reason: "test", key: `lost-job:${other.order.id}` }));
    await t.db.$executeRawUnsafe(`DELETE FROM pgboss.job WHERE data->>'refundId' = $1`, refundId);
    await t.db.refund.update({ where: { id: refundId! }, data: { createdAt: new Date(Date.now() - 11 * 60_000) } });
    expect((await runSweep(t.db)).refundsRequeued).toBe(1);
    await workers(1);
    await until(() => t.db.refund.findFirst({ where: { id: refundId!, status: "SUCCEEDED" } }));
  });

  it("the app's runner schedules the sweep and the analytics refresh every minute, and refreshes the figures once at start", async () => {
    runners.push(await startJobRunner(t.db, { connectionString: t.url, pollingIntervalSeconds: 0.5, log: (e) => logs.push(e) }));
    const schedules = await t.db.$queryRawUnsafe<{ name: string; cron: string }[]>(`SELECT name, cron FROM pgboss.schedule ORDER BY name`);
    expect(schedules).toEqual([
      { name: "analytics-refresh", cron: "* * * * *" },
      { name: "lifecycle-sweep", cron: "* * * * *" },
    ]);
    // The run at start: figures are there on a fresh start without waiting for the minute.
    await until(async () => logs.find((e) => e.queue === "analytics-refresh" && e.status === "completed"), 20_000);
    expect((await t.db.analyticsRefresh.findUniqueOrThrow({ where: { id: 1 } })).lastRunAt).not.toBeNull();
  });
});

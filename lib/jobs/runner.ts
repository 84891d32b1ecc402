// The workers: every app process runs them (unless LANBAO_JOBS=0), and pg-boss gives each
// job to exactly one of them (SKIP LOCKED), so N processes share the work. A failing job
// is retried with backoff by pg-boss and never holds up the others.
import PgBoss from "pg-boss";
import type Stripe from "stripe";
import type { Db } from "@/lib/db/client";
import { expireGift } from "@/lib/gifting/expire";
import { drawLottery } from "@/lib/gifting/lottery";
import { remindRecipient } from "@/lib/gifting/remind";
import { registerReadinessCheck } from "@/lib/health/check";
import { logEvent } from "@/lib/log";
import { settleRefund } from "@/lib/payments/refunds";
import { autoConfirmReceipt, RECEIPT_AUTO_CONFIRM_MS } from "@/lib/tracking/receipt";
import { JOB_QUEUES, sendJob, type JobData, type JobQueue } from "./queue";
import { runSweep } from "./sweep";

export type JobLogEntry = {
  kind: "job";
  queue: string;
  jobId: string;
  status: "completed" | "failed" | "error";
  durationMs: number;
  attempt?: number;
  outcome?: unknown;
  error?: string;
};

export type JobRunnerOptions = {
  connectionString: string;
  stripe?: Stripe;
  /** How often an idle worker looks for work (pg-boss's minimum is 0.5 s). */
  pollingIntervalSeconds?: number;
  /** The sweep's cron; null leaves it unscheduled (tests run it by hand). */
  sweepCron?: string | null;
  log?: (entry: JobLogEntry) => void;
  /** Report the queue in /api/health's readiness (the app's runner does; tests' runners need not). */
  readiness?: boolean;
};

export type JobRunner = { stop(): Promise<void> };

type Handler<Q extends JobQueue> = (job: PgBoss.JobWithMetadata<JobData[Q]>) => Promise<unknown>;

/** One JSON log line per job run (lib/log redacts anything personal). */
const defaultLog = ({ kind, queue, jobId, ...rest }: JobLogEntry) => logEvent({ kind, name: queue, id: jobId, ...rest });

export async function startJobRunner(db: Db, opts: JobRunnerOptions): Promise<JobRunner> {
  const log = opts.log ?? defaultLog;
  const boss = new PgBoss({ connectionString: opts.connectionString, max: 4, application_name: "lanbao-jobs" });
  boss.on("error", (err) => log({ kind: "job", queue: "-", jobId: "-", status: "error", durationMs: 0, error: err.message }));
  await boss.start();
  // The queues exist even when this process started without migrating (LANBAO_MIGRATE=0).
  for (const name of Object.values(JOB_QUEUES)) {
    if (!(await boss.getQueue(name))) await boss.createQueue(name, { name, policy: name === JOB_QUEUES.sweep ? "singleton" : "standard" });
  }
  let running = true;

  async function work<Q extends JobQueue>(queue: Q, handler: Handler<Q>) {
    await boss.work<JobData[Q]>(
      queue,
      { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 1, batchSize: 1, includeMetadata: true },
      async ([job]) => {
        const t0 = Date.now();
        try {
          const outcome = await handler(job);
          log({ kind: "job", queue, jobId: job.id, status: "completed", durationMs: Date.now() - t0, attempt: job.retryCount + 1, outcome });
          return outcome;
        } catch (err) {
          const error = err instanceof Error ? err.message : String(err);
          log({ kind: "job", queue, jobId: job.id, status: "failed", durationMs: Date.now() - t0, attempt: job.retryCount + 1, error });
          throw err;
        }
      },
    );
  }

  await work(JOB_QUEUES.giftExpiry, async (job) => {
    const outcome = await expireGift(db, job.data.giftId, { stripe: opts.stripe });
    if (outcome === "busy") throw new Error("the gift is being accepted or declined right now; trying again");
    if (outcome === "not-due") {
      // Started before the gift's time (clocks differ): come back at expiresAt.
      const gift = await db.gift.findUniqueOrThrow({ where: { id: job.data.giftId }, select: { expiresAt: true } });
      await sendJob(db, JOB_QUEUES.giftExpiry, job.data, { startAfter: gift.expiresAt });
    }
    return outcome;
  });
  await work(JOB_QUEUES.giftReminder, (job) => remindRecipient(db, job.data.giftId));
  await work(JOB_QUEUES.lotteryDraw, async (job) => {
    const outcome = await drawLottery(db, job.data.giftId, { stripe: opts.stripe });
    if (outcome === "busy") throw new Error("the lottery is locked right now; trying again");
    if (outcome === "not-due") {
      const gift = await db.gift.findUniqueOrThrow({ where: { id: job.data.giftId }, select: { drawAt: true } });
      await sendJob(db, JOB_QUEUES.lotteryDraw, job.data, { startAfter: gift.drawAt ?? new Date() });
    }
    return outcome;
  });
  await work(JOB_QUEUES.refund, (job) =>
    settleRefund(db, job.data.refundId, { stripe: opts.stripe, lastAttempt: job.retryCount >= job.retryLimit }),
  );
  await work(JOB_QUEUES.receiptConfirm, async (job) => {
    const outcome = await autoConfirmReceipt(db, job.data.shipmentId);
    if (outcome === "not-due") {
      // Started early (clocks differ): come back when it is due.
      const s = await db.shipment.findUniqueOrThrow({ where: { id: job.data.shipmentId }, select: { shippedAt: true } });
      await sendJob(db, JOB_QUEUES.receiptConfirm, job.data, { startAfter: new Date(s.shippedAt.getTime() + RECEIPT_AUTO_CONFIRM_MS) });
    }
    return outcome;
  });
  await work(JOB_QUEUES.sweep, () => runSweep(db, { stripe: opts.stripe }));
  if (opts.sweepCron !== null) await boss.schedule(JOB_QUEUES.sweep, opts.sweepCron ?? "* * * * *");

  if (opts.readiness !== false) {
    registerReadinessCheck({ name: "job-queue", run: async () => (running ? { ok: true } : { ok: false, detail: "stopped" }) });
  }
  return {
    async stop() {
      running = false;
      await boss.stop({ graceful: true, timeout: 5_000, wait: true });
    },
  };
}

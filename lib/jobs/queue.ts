// Lanbao's job queue: pg-boss on the app's own PostgreSQL (schema "pgboss"). Jobs are sent
// inside the transaction that makes them necessary (a paid gift sends its expiry job, a
// recorded refund its settle job), so they exist exactly when that transaction commits.
// Workers in any number of processes share the queues; pg-boss hands each job to one.
import PgBoss from "pg-boss";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";

export const JOB_QUEUES = {
  /** A gift nobody accepted in 24 hours: expire it and refund. */
  giftExpiry: "gift-expiry",
  /** Two hours before that: remind the recipient in the chat. */
  giftReminder: "gift-reminder",
  /** A gift lottery's draw, at its draw time. */
  lotteryDraw: "lottery-draw",
  /** Settle a recorded refund at Stripe. */
  refund: "refund",
  /** Ten days after a parcel shipped: confirm receipt for a recipient who did not. */
  receiptConfirm: "receipt-confirm",
  /** Every minute: whatever a lost job or a crash left behind. */
  sweep: "lifecycle-sweep",
} as const;
export type JobQueue = (typeof JOB_QUEUES)[keyof typeof JOB_QUEUES];

export type JobData = {
  "gift-expiry": { giftId: string };
  "gift-reminder": { giftId: string };
  "lottery-draw": { giftId: string };
  refund: { refundId: string };
  "receipt-confirm": { shipmentId: string };
  "lifecycle-sweep": Record<string, never>;
};

/**
 * Retries with growing delays (pg-boss doubles the delay each time). A refund keeps trying
 * for about two hours before it is handed to a person (RefundStatus FAILED). Operators can
 * shorten both (LANBAO_JOB_RETRY_DELAY_SECONDS, LANBAO_REFUND_RETRIES).
 */
export function retryPolicy(queue: JobQueue): Pick<PgBoss.SendOptions, "retryLimit" | "retryDelay" | "retryBackoff" | "expireInSeconds"> {
  const base = Number(process.env.LANBAO_JOB_RETRY_DELAY_SECONDS) || 0;
  // A job whose worker died is handed out again after this (every job takes seconds).
  const expireInSeconds = 120;
  switch (queue) {
    case "refund":
      return { retryLimit: Number(process.env.LANBAO_REFUND_RETRIES) || 8, retryDelay: base || 30, retryBackoff: true, expireInSeconds };
    case "lifecycle-sweep":
      return { retryLimit: 0, expireInSeconds };
    default:
      return { retryLimit: 5, retryDelay: base || 10, retryBackoff: true, expireInSeconds };
  }
}

type Executor = Db | Prisma.TransactionClient;

/** pg-boss runs its SQL through whatever it is given: here, the caller's transaction. */
function through(db: Executor): PgBoss.Db {
  return {
    executeSql: async (text, values) => ({ rows: await db.$queryRawUnsafe<unknown[]>(text, ...values) }),
  };
}

// Sending needs no started instance: only pg-boss's SQL, run on the caller's connection.
let sender: PgBoss | undefined;
function getSender(): PgBoss {
  sender ??= new PgBoss({
    db: { executeSql: () => Promise.reject(new Error("jobs are sent through a transaction")) },
  });
  return sender;
}

/** Sends a job on the given connection or transaction; it exists only if that commits. */
export async function sendJob<Q extends JobQueue>(
  db: Executor,
  queue: Q,
  data: JobData[Q],
  opts: { startAfter?: Date } = {},
): Promise<string> {
  const id = await getSender().send(queue, data, { ...retryPolicy(queue), ...opts, db: through(db) });
  if (!id) throw new Error(`job queue ${queue} is not installed (run the migrations)`);
  return id;
}

/** Creates pg-boss's schema and Lanbao's queues if missing. Part of `npm run db:migrate`. */
export async function installJobQueues(connectionString: string): Promise<void> {
  const boss = new PgBoss({ connectionString, max: 2, schedule: false, supervise: false });
  boss.on("error", () => {});
  await boss.start();
  try {
    for (const name of Object.values(JOB_QUEUES)) {
      if (!(await boss.getQueue(name))) {
        await boss.createQueue(name, { name, policy: name === JOB_QUEUES.sweep ? "singleton" : "standard" });
      }
    }
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}

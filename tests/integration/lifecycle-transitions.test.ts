// Walks every transition table (lib/lifecycle/machines.ts) against the real database: for
// each status a row can be in and each event, an allowed transition lands on its target
// status, and every other one is refused with a TransitionError and writes nothing.
import { describe, expect, it } from "vitest";
import type { Db } from "../../lib/db/client.ts";
import { AfterSaleStatus, ClaimStatus, GiftStatus, OrderStatus, RefundStatus, VoucherStatus } from "../../lib/db/generated/enums.ts";
import {
  AFTER_SALE_EVENTS,
  CLAIM_EVENTS,
  GIFT_EVENTS,
  ORDER_EVENTS,
  REFUND_EVENTS,
  TransitionError,
  VOUCHER_EVENTS,
  canTransition,
  transitionAfterSale,
  transitionClaim,
  transitionGift,
  transitionOrder,
  transitionRefund,
  transitionVoucher,
  type Entity,
} from "../../lib/lifecycle/index.ts";
import { makeGiftOrder } from "./catalog-fixtures.ts";
import { makeProduct, makeUser } from "../setup/fixtures.ts";
import { useTestDatabase } from "../setup/test-db.ts";

const t = useTestDatabase();

/** One row of each entity, whose status the walk sets directly before each try. */
async function rows(db: Db) {
  const sender = await makeUser(db);
  const recipient = await makeUser(db);
  const { product } = await makeProduct(db);
  const { order, gift } = await makeGiftOrder(db, sender.id, recipient.id, product);
  const claim = await db.giftClaim.create({ data: { giftId: gift.id, recipientId: recipient.id, variantId: product.variants[0].id } });
  const refund = await db.refund.create({ data: { orderId: order.id, amount: 100, reason: "test", idempotencyKey: `walk-${order.id}` } });
  const afterSale = await db.afterSaleRequest.create({
    data: { orderId: order.id, claimId: claim.id, requesterId: recipient.id, kind: "REFUND_ONLY", reason: "walk" },
  });
  const voucher = await db.voucher.create({
    data: { code: `WALK-${order.id.slice(-8)}`, orderId: order.id, claimId: claim.id, shopId: product.shopId, holderId: recipient.id, expiresAt: new Date(Date.now() + 86_400_000) },
  });
  return { Order: order.id, Gift: gift.id, GiftClaim: claim.id, Refund: refund.id, AfterSaleRequest: afterSale.id, Voucher: voucher.id };
}

const TABLE = {
  Order: `"Order"`,
  Gift: `"Gift"`,
  GiftClaim: `"GiftClaim"`,
  Refund: `"Refund"`,
  AfterSaleRequest: `"AfterSaleRequest"`,
  Voucher: `"Voucher"`,
} as const;
const ENUM = {
  Order: `"OrderStatus"`,
  Gift: `"GiftStatus"`,
  GiftClaim: `"ClaimStatus"`,
  Refund: `"RefundStatus"`,
  AfterSaleRequest: `"AfterSaleStatus"`,
  Voucher: `"VoucherStatus"`,
} as const;

async function setStatus(db: Db, entity: Entity, id: string, status: string) {
  await db.$executeRawUnsafe(`UPDATE ${TABLE[entity]} SET status = $1::${ENUM[entity]} WHERE id = $2`, status, id);
}
async function read(db: Db, entity: Entity, id: string) {
  const [row] = await db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM ${TABLE[entity]} WHERE id = $1`, id);
  return row;
}

const cases = [
  { entity: "Order", statuses: Object.values(OrderStatus), events: ORDER_EVENTS, run: transitionOrder },
  { entity: "Gift", statuses: Object.values(GiftStatus), events: GIFT_EVENTS, run: transitionGift },
  { entity: "GiftClaim", statuses: Object.values(ClaimStatus), events: CLAIM_EVENTS, run: transitionClaim },
  { entity: "Refund", statuses: Object.values(RefundStatus), events: REFUND_EVENTS, run: transitionRefund },
  { entity: "AfterSaleRequest", statuses: Object.values(AfterSaleStatus), events: AFTER_SALE_EVENTS, run: transitionAfterSale },
  { entity: "Voucher", statuses: Object.values(VoucherStatus), events: VOUCHER_EVENTS, run: transitionVoucher },
] as const;

describe("transition tables", () => {
  for (const c of cases) {
    it(`${c.entity}: every allowed transition lands, every other is refused and writes nothing`, async () => {
      const ids = await rows(t.db);
      const id = ids[c.entity];
      let allowed = 0;
      let refused = 0;
      for (const from of c.statuses) {
        for (const [event, target] of Object.entries(c.events) as [string, { from: readonly string[]; to: string }][]) {
          await setStatus(t.db, c.entity, id, from);
          const before = await read(t.db, c.entity, id);
          const run = c.run as (db: Db, id: string, event: string) => Promise<{ status: string }>;
          if (target.from.includes(from)) {
            expect(canTransition(c.entity, from, event as never)).toBe(true);
            const row = await run(t.db, id, event);
            expect(row.status, `${c.entity} ${from} --${event}-->`).toBe(target.to);
            expect((await read(t.db, c.entity, id)).status).toBe(target.to);
            allowed++;
          } else {
            expect(canTransition(c.entity, from, event as never)).toBe(false);
            const err = await run(t.db, id, event).then(
              () => null,
              (e: unknown) => e,
            );
            expect(err, `${c.entity} ${from} --${event}--> must be refused`).toBeInstanceOf(TransitionError);
            expect(err).toMatchObject({ entity: c.entity, entityId: id, event, current: from, key: "lifecycle.notAllowed" });
            expect(await read(t.db, c.entity, id)).toEqual(before);
            refused++;
          }
        }
      }
      // Every event is reachable from somewhere, and some things are refused.
      expect(allowed).toBe(Object.values(c.events).reduce((n, e) => n + e.from.length, 0));
      expect(refused).toBeGreaterThan(0);
    });
  }

  it("refuses a transition of a row that does not exist", async () => {
    await expect(transitionGift(t.db, "no-such-gift", "accept")).rejects.toMatchObject({ entity: "Gift", current: null });
  });

  it("lists only statuses that exist in the database enums", () => {
    for (const c of cases) {
      for (const e of Object.values(c.events) as { from: readonly string[]; to: string }[]) {
        for (const s of [...e.from, e.to]) expect(c.statuses as readonly string[]).toContain(s);
      }
    }
  });
});

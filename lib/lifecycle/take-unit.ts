// Taking one unit of a group gift, as one statement: the hot path when a whole group taps
// at once. It lives here because it may also close the gift (the "complete" event of
// GIFT_EVENTS, WAITING → ACCEPTED, when it takes the last unit): status writes stay in this
// module. The gift row is locked only for the statement itself, so claimers queue on it
// for microseconds, not for a transaction's round trips.
import { randomUUID } from "node:crypto";
import type { ShipColumns } from "@/lib/address/format";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { GIFT_EVENTS } from "./machines";

export type TakeResult = {
  /** The gift is a group gift this user may take from, still open (whether or not a unit was left). */
  open: boolean;
  /** The new claim, when a unit was taken. */
  claimId: string | null;
  unitsClaimed: number;
  units: number;
  threadId: string | null;
  /** This take was the last unit: the gift moved to ACCEPTED. */
  completed: boolean;
  /** Why nothing was taken, read in the same statement (null when a unit was taken). */
  refusal: TakeRefusal | null;
};

/**
 * Why a take found nothing to take: the member already holds one, all are gone, the gift
 * is closed, the sender cannot take their own, or the gift is not one this user can see.
 */
export type TakeRefusal = "alreadyTaken" | "allTaken" | "expired" | "sender" | "notFound";

const { from: OPEN, to: DONE } = GIFT_EVENTS.complete;

/**
 * Locks the gift (concurrent takers queue on its row and each sees the count the one before
 * left), inserts the claim only while units are left (unique per gift and member: a second
 * tap inserts nothing), and moves the counter (CHECK: never above the units) only when the
 * claim went in.
 */
export async function takeUnit(
  db: Db | Prisma.TransactionClient,
  input: { giftId: string; userId: string; variantId: string; voucherCode: string | null; ship: ShipColumns | null },
): Promise<TakeResult> {
  const s = input.ship;
  const claimId = randomUUID();
  const open = OPEN.filter((status) => status === "WAITING");
  const [row] = await db.$queryRaw<TakeResult[]>`
    WITH g AS (
      SELECT id, units, "unitsClaimed", "threadId" FROM "Gift"
       WHERE id = ${input.giftId} AND mode = 'GROUP' AND status::text = ANY(${open}) AND "expiresAt" > now()
         AND "senderId" <> ${input.userId}
         AND EXISTS (SELECT 1 FROM "ThreadMember" m WHERE m."threadId" = "Gift"."threadId" AND m."userId" = ${input.userId})
       FOR UPDATE
    ), ins AS (
      INSERT INTO "GiftClaim" (id, "giftId", "recipientId", "variantId", "voucherCode",
                               "shipName", "shipPhone", "shipProvince", "shipCity", "shipDistrict", "shipDetail")
      SELECT ${claimId}, g.id, ${input.userId}, ${input.variantId}, ${input.voucherCode},
             ${s?.shipName ?? null}, ${s?.shipPhone ?? null}, ${s?.shipProvince ?? null}, ${s?.shipCity ?? null},
             ${s?.shipDistrict ?? null}, ${s?.shipDetail ?? null}
        FROM g WHERE g."unitsClaimed" < g.units
      ON CONFLICT ("giftId", "recipientId") DO NOTHING
      RETURNING id
    ), counted AS (
      UPDATE "Gift" SET "unitsClaimed" = "unitsClaimed" + 1,
             status = CASE WHEN "unitsClaimed" + 1 >= units THEN ${DONE}::"GiftStatus" ELSE status END,
             "closedAt" = CASE WHEN "unitsClaimed" + 1 >= units THEN now() ELSE "closedAt" END
       WHERE id = (SELECT id FROM g) AND EXISTS (SELECT 1 FROM ins)
      RETURNING "unitsClaimed", units
    ), seen AS (
      -- Read only when nothing was taken, to say why without another round trip.
      SELECT x."senderId", x.status::text AS status,
             EXISTS (SELECT 1 FROM "ThreadMember" m WHERE m."threadId" = x."threadId" AND m."userId" = ${input.userId}) AS member
        FROM "Gift" x WHERE x.id = ${input.giftId} AND x.mode = 'GROUP' AND NOT EXISTS (SELECT 1 FROM ins)
         -- The row as the last taker left it (the statement's snapshot may predate that take).
         FOR SHARE OF x
    )
    SELECT EXISTS (SELECT 1 FROM g) AS open,
           (SELECT id FROM ins) AS "claimId",
           COALESCE((SELECT "unitsClaimed" FROM counted), (SELECT "unitsClaimed" FROM g), 0)::int AS "unitsClaimed",
           COALESCE((SELECT units FROM g), 0)::int AS units,
           (SELECT "threadId" FROM g) AS "threadId",
           COALESCE((SELECT "unitsClaimed" >= units FROM counted), false) AS completed,
           CASE
             WHEN EXISTS (SELECT 1 FROM ins) THEN NULL
             -- Open with units left, yet no insert: the unique key met this member's own claim
             -- (perhaps one committed a moment ago by a second tap).
             WHEN EXISTS (SELECT 1 FROM g WHERE g."unitsClaimed" < g.units)
               OR EXISTS (SELECT 1 FROM "GiftClaim" c WHERE c."giftId" = ${input.giftId} AND c."recipientId" = ${input.userId}) THEN 'alreadyTaken'
             WHEN EXISTS (SELECT 1 FROM g) THEN 'allTaken'
             WHEN NOT EXISTS (SELECT 1 FROM seen WHERE member) THEN 'notFound'
             WHEN EXISTS (SELECT 1 FROM seen WHERE "senderId" = ${input.userId}) THEN 'sender'
             WHEN EXISTS (SELECT 1 FROM seen WHERE status = ${DONE}) THEN 'allTaken'
             ELSE 'expired'
           END AS refusal`;
  return row;
}

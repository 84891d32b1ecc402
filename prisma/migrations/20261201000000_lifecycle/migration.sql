-- One owner for every status (lib/lifecycle). A gift order's own status now only says what
-- happened to the money (paid, cancelled, refunded); acceptance and parcels live on the
-- gift and its claims, so the same state is no longer stored twice.
UPDATE "Order" SET "status" = 'PAID' WHERE "kind" = 'GIFT' AND "status" IN ('ACCEPTED', 'SHIPPED', 'DELIVERED');

ALTER TYPE "OrderStatus" RENAME TO "OrderStatus_old";
CREATE TYPE "OrderStatus" AS ENUM ('PENDING_PAYMENT', 'PAID', 'SHIPPED', 'DELIVERED', 'CANCELLED', 'REFUNDED');
ALTER TABLE "Order" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "Order" ALTER COLUMN "status" TYPE "OrderStatus" USING ("status"::text::"OrderStatus");
ALTER TABLE "Order" ALTER COLUMN "status" SET DEFAULT 'PENDING_PAYMENT';
DROP TYPE "OrderStatus_old";

-- The recipient may decline a gift (拒收).
ALTER TYPE "GiftStatus" ADD VALUE 'DECLINED' BEFORE 'EXPIRED';

ALTER TABLE "Gift" ADD COLUMN "remindedAt" TIMESTAMP(3);
ALTER TABLE "Gift" ADD COLUMN "closedAt" TIMESTAMP(3);
UPDATE "Gift" g SET "closedAt" = COALESCE((SELECT min(c."acceptedAt") FROM "GiftClaim" c WHERE c."giftId" = g."id"), g."expiresAt")
 WHERE g."status" <> 'WAITING';

-- Refunds are recorded before Stripe is called and settled after the commit.
CREATE TYPE "RefundStatus" AS ENUM ('PENDING', 'SUCCEEDED', 'FAILED');
ALTER TABLE "Refund" ADD COLUMN "status" "RefundStatus" NOT NULL DEFAULT 'PENDING';
ALTER TABLE "Refund" ADD COLUMN "idempotencyKey" TEXT;
ALTER TABLE "Refund" ADD COLUMN "attempts" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Refund" ADD COLUMN "lastError" TEXT;
ALTER TABLE "Refund" ADD COLUMN "settledAt" TIMESTAMP(3);
-- Every refund recorded so far was made at Stripe in the same step.
UPDATE "Refund" SET "status" = 'SUCCEEDED', "idempotencyKey" = 'refund-' || "id", "attempts" = 1, "settledAt" = "createdAt";
ALTER TABLE "Refund" ALTER COLUMN "idempotencyKey" SET NOT NULL;
ALTER TABLE "Refund" ALTER COLUMN "stripeRefundId" DROP NOT NULL;
CREATE UNIQUE INDEX "Refund_idempotencyKey_key" ON "Refund"("idempotencyKey");
CREATE INDEX "Refund_status_createdAt_idx" ON "Refund"("status", "createdAt");

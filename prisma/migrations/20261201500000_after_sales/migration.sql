-- After the gift is accepted: confirming receipt, after-sales requests, voucher codes with
-- a validity, and the sender's choice to be named on the packing slip.

-- Vouchers stay redeemable this many days after their code is issued.
ALTER TABLE "Product" ADD COLUMN "voucherValidityDays" INTEGER NOT NULL DEFAULT 90;

-- "A gift from <sender>" on the packing slip, only when the sender allowed it.
ALTER TABLE "Order" ADD COLUMN "giftSenderOnSlip" BOOLEAN NOT NULL DEFAULT false;

-- Who said a parcel arrived: the shop, the recipient (确认收货) or the automatic confirmation.
CREATE TYPE "DeliveryConfirmation" AS ENUM ('MERCHANT', 'RECIPIENT', 'AUTO');
ALTER TABLE "Shipment" ADD COLUMN "deliveredBy" "DeliveryConfirmation";
UPDATE "Shipment" SET "deliveredBy" = 'MERCHANT' WHERE "deliveredAt" IS NOT NULL;
CREATE INDEX "Shipment_deliveredAt_shippedAt_idx" ON "Shipment"("deliveredAt", "shippedAt");

-- Voucher codes, each redeemable once.
CREATE TYPE "VoucherStatus" AS ENUM ('ACTIVE', 'REDEEMED', 'VOID');

CREATE TABLE "Voucher" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "claimId" TEXT,
    "shopId" TEXT NOT NULL,
    "holderId" TEXT NOT NULL,
    "status" "VoucherStatus" NOT NULL DEFAULT 'ACTIVE',
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "redeemedAt" TIMESTAMP(3),
    "redeemedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Voucher_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "Voucher_code_key" ON "Voucher"("code");
CREATE UNIQUE INDEX "Voucher_claimId_key" ON "Voucher"("claimId");
CREATE INDEX "Voucher_orderId_idx" ON "Voucher"("orderId");
CREATE INDEX "Voucher_shopId_redeemedAt_idx" ON "Voucher"("shopId", "redeemedAt");
CREATE INDEX "Voucher_holderId_idx" ON "Voucher"("holderId");

ALTER TABLE "Voucher" ADD CONSTRAINT "Voucher_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Voucher" ADD CONSTRAINT "Voucher_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "GiftClaim"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Voucher" ADD CONSTRAINT "Voucher_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Voucher" ADD CONSTRAINT "Voucher_holderId_fkey" FOREIGN KEY ("holderId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Codes already handed out with accepted gifts become vouchers, valid 90 days from acceptance
-- (refunded claims' codes are dead).
INSERT INTO "Voucher" ("id", "code", "orderId", "claimId", "shopId", "holderId", "status", "expiresAt", "createdAt")
SELECT 'v' || md5(c."id"), c."voucherCode", g."orderId", c."id", o."shopId", c."recipientId",
       CASE WHEN c."status" = 'REFUNDED' THEN 'VOID'::"VoucherStatus" ELSE 'ACTIVE'::"VoucherStatus" END,
       c."acceptedAt" + interval '90 days', c."acceptedAt"
  FROM "GiftClaim" c JOIN "Gift" g ON g."id" = c."giftId" JOIN "Order" o ON o."id" = g."orderId"
 WHERE c."voucherCode" IS NOT NULL;

-- 售后 requests.
CREATE TYPE "AfterSaleKind" AS ENUM ('REFUND_ONLY', 'RETURN_AND_REFUND');
CREATE TYPE "AfterSaleStatus" AS ENUM ('REQUESTED', 'APPROVED', 'REJECTED', 'WITHDRAWN');

CREATE TABLE "AfterSaleRequest" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "claimId" TEXT,
    "requesterId" TEXT NOT NULL,
    "kind" "AfterSaleKind" NOT NULL,
    "reason" TEXT NOT NULL,
    "photoKey" TEXT,
    "status" "AfterSaleStatus" NOT NULL DEFAULT 'REQUESTED',
    "refundAmount" INTEGER,
    "refundId" TEXT,
    "rejectReason" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AfterSaleRequest_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "AfterSaleRequest_refundId_key" ON "AfterSaleRequest"("refundId");
CREATE INDEX "AfterSaleRequest_orderId_createdAt_idx" ON "AfterSaleRequest"("orderId", "createdAt");
CREATE INDEX "AfterSaleRequest_claimId_idx" ON "AfterSaleRequest"("claimId");
CREATE INDEX "AfterSaleRequest_requesterId_createdAt_idx" ON "AfterSaleRequest"("requesterId", "createdAt");
CREATE INDEX "AfterSaleRequest_status_createdAt_idx" ON "AfterSaleRequest"("status", "createdAt");

ALTER TABLE "AfterSaleRequest" ADD CONSTRAINT "AfterSaleRequest_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "AfterSaleRequest" ADD CONSTRAINT "AfterSaleRequest_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "GiftClaim"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "AfterSaleRequest" ADD CONSTRAINT "AfterSaleRequest_requesterId_fkey" FOREIGN KEY ("requesterId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "AfterSaleRequest" ADD CONSTRAINT "AfterSaleRequest_refundId_fkey" FOREIGN KEY ("refundId") REFERENCES "Refund"("id") ON DELETE SET NULL ON UPDATE CASCADE;

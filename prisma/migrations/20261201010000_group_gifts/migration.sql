-- Group gifts (units for a group, first come first served) and gift lotteries.
ALTER TYPE "GiftStatus" ADD VALUE 'DRAWN' BEFORE 'ACCEPTED';
ALTER TYPE "ClaimStatus" ADD VALUE 'WON' BEFORE 'ACCEPTED';

ALTER TABLE "Order" ADD COLUMN "giftMode" "GiftMode";
ALTER TABLE "Order" ADD COLUMN "giftDrawAt" TIMESTAMP(3);
ALTER TABLE "Order" ADD COLUMN "giftEligibleUserIds" JSONB;
UPDATE "Order" SET "giftMode" = 'SINGLE' WHERE "kind" = 'GIFT';

ALTER TABLE "Gift" ADD COLUMN "unitsClaimed" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Gift" ADD COLUMN "drawAt" TIMESTAMP(3);
ALTER TABLE "Gift" ADD COLUMN "seedCommitment" TEXT;
ALTER TABLE "Gift" ADD COLUMN "revealedSeed" TEXT;
ALTER TABLE "Gift" ADD COLUMN "drawnAt" TIMESTAMP(3);
ALTER TABLE "Gift" ADD COLUMN "entryRestricted" BOOLEAN NOT NULL DEFAULT false;
UPDATE "Gift" g SET "unitsClaimed" = (SELECT count(*) FROM "GiftClaim" c WHERE c."giftId" = g."id");
-- The counter and the claims agree, and never exceed the units.
ALTER TABLE "Gift" ADD CONSTRAINT "Gift_unitsClaimed_check" CHECK ("unitsClaimed" >= 0 AND "unitsClaimed" <= "units");

-- CreateTable
CREATE TABLE "LotteryEntry" (
    "giftId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LotteryEntry_pkey" PRIMARY KEY ("giftId","userId")
);

-- CreateTable
CREATE TABLE "LotteryEligible" (
    "giftId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    CONSTRAINT "LotteryEligible_pkey" PRIMARY KEY ("giftId","userId")
);

-- CreateTable
CREATE TABLE "LotterySeed" (
    "giftId" TEXT NOT NULL,
    "seed" TEXT NOT NULL,
    CONSTRAINT "LotterySeed_pkey" PRIMARY KEY ("giftId")
);

-- CreateIndex
CREATE INDEX "LotteryEntry_userId_idx" ON "LotteryEntry"("userId");

-- AddForeignKey
ALTER TABLE "LotteryEntry" ADD CONSTRAINT "LotteryEntry_giftId_fkey" FOREIGN KEY ("giftId") REFERENCES "Gift"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LotteryEntry" ADD CONSTRAINT "LotteryEntry_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LotteryEligible" ADD CONSTRAINT "LotteryEligible_giftId_fkey" FOREIGN KEY ("giftId") REFERENCES "Gift"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LotteryEligible" ADD CONSTRAINT "LotteryEligible_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LotterySeed" ADD CONSTRAINT "LotterySeed_giftId_fkey" FOREIGN KEY ("giftId") REFERENCES "Gift"("id") ON DELETE CASCADE ON UPDATE CASCADE;

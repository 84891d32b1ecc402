-- Gifting analytics: rollups of paid orders per shop by day and by month, rebuilt from the
-- orders by the analytics-refresh job (lib/analytics/refresh.ts), and the index both the
-- refresh and the CSV export read orders by.

-- CreateIndex
CREATE INDEX "Order_shopId_paidAt_idx" ON "Order"("shopId", "paidAt");

-- CreateEnum
CREATE TYPE "AnalyticsGrain" AS ENUM ('DAY', 'MONTH');

-- CreateTable
CREATE TABLE "AnalyticsDay" (
    "shopId" TEXT NOT NULL,
    "grain" "AnalyticsGrain" NOT NULL,
    "day" TIMESTAMP(3) NOT NULL,
    "kind" "OrderKind" NOT NULL,
    "orders" INTEGER NOT NULL,
    "units" INTEGER NOT NULL,
    "salesAmount" BIGINT NOT NULL,
    "refundAmount" BIGINT NOT NULL,
    "gifts" INTEGER NOT NULL,
    "giftUnits" INTEGER NOT NULL,
    "unitsAccepted" INTEGER NOT NULL,
    "unitsDeclined" INTEGER NOT NULL,
    "unitsExpired" INTEGER NOT NULL,
    "unitsWaiting" INTEGER NOT NULL,
    "afterSaleOrders" INTEGER NOT NULL,
    CONSTRAINT "AnalyticsDay_pkey" PRIMARY KEY ("shopId","grain","day","kind")
);

-- CreateTable
CREATE TABLE "AnalyticsProductDay" (
    "shopId" TEXT NOT NULL,
    "grain" "AnalyticsGrain" NOT NULL,
    "day" TIMESTAMP(3) NOT NULL,
    "kind" "OrderKind" NOT NULL,
    "productId" TEXT NOT NULL,
    "orders" INTEGER NOT NULL,
    "units" INTEGER NOT NULL,
    "salesAmount" BIGINT NOT NULL,
    "refundAmount" BIGINT NOT NULL,
    CONSTRAINT "AnalyticsProductDay_pkey" PRIMARY KEY ("shopId","grain","day","kind","productId")
);

-- CreateTable
CREATE TABLE "AnalyticsProvinceDay" (
    "shopId" TEXT NOT NULL,
    "grain" "AnalyticsGrain" NOT NULL,
    "day" TIMESTAMP(3) NOT NULL,
    "province" TEXT NOT NULL,
    "recipients" INTEGER NOT NULL,
    CONSTRAINT "AnalyticsProvinceDay_pkey" PRIMARY KEY ("shopId","grain","day","province")
);

-- CreateTable
CREATE TABLE "AnalyticsHourDay" (
    "shopId" TEXT NOT NULL,
    "grain" "AnalyticsGrain" NOT NULL,
    "day" TIMESTAMP(3) NOT NULL,
    "kind" "OrderKind" NOT NULL,
    "hour" INTEGER NOT NULL,
    "orders" INTEGER NOT NULL,
    "salesAmount" BIGINT NOT NULL,
    CONSTRAINT "AnalyticsHourDay_pkey" PRIMARY KEY ("shopId","grain","day","kind","hour")
);

-- CreateTable
CREATE TABLE "AnalyticsAcceptDelay" (
    "shopId" TEXT NOT NULL,
    "grain" "AnalyticsGrain" NOT NULL,
    "day" TIMESTAMP(3) NOT NULL,
    "minutes" INTEGER NOT NULL,
    "claims" INTEGER NOT NULL,
    CONSTRAINT "AnalyticsAcceptDelay_pkey" PRIMARY KEY ("shopId","grain","day","minutes")
);

-- CreateTable
CREATE TABLE "AnalyticsRefresh" (
    "id" INTEGER NOT NULL,
    "lastRunAt" TIMESTAMP(3),
    "changesSince" TIMESTAMP(3),
    "leaseUntil" TIMESTAMP(3),
    CONSTRAINT "AnalyticsRefresh_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnalyticsOpenDay" (
    "shopId" TEXT NOT NULL,
    "day" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "AnalyticsOpenDay_pkey" PRIMARY KEY ("shopId","day")
);

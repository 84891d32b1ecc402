-- Trigram matching for product search (partial words, English and Chinese).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- AlterTable
ALTER TABLE "Shop" ADD COLUMN     "coverImageKey" TEXT;

-- AlterTable
ALTER TABLE "ProductImage" ADD COLUMN     "storageKey" TEXT;

-- CreateIndex
CREATE INDEX "Product_shopId_giftZoneRank_idx" ON "Product"("shopId", "giftZoneRank");

-- CreateIndex
CREATE INDEX "Order_shopId_status_createdAt_idx" ON "Order"("shopId", "status", "createdAt");

-- Search index (not expressible in schema.prisma): lib/catalog/search.ts filters with
-- lower("title" || ' ' || "description") ILIKE '%term%', which this index serves.
CREATE INDEX "Product_search_trgm_idx" ON "Product" USING GIN (lower("title" || ' ' || "description") gin_trgm_ops);

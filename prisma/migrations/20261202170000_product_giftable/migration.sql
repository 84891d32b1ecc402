-- Product.giftable: whether the product can be sent as a gift right now, kept by the
-- database so that lists ordered or narrowed by it (the gift picker's search and sections)
-- read one column instead of joining shop, category and variants per row. The rules are
-- those of productGiftEligibility in lib/gifting/eligibility.ts (a test holds the two
-- equal): published, the shop's gifting on, a giftable category, and at least one variant
-- with stock whose original price is at most 1,000,000 fen (¥10,000).
--
-- Triggers keep it: on the product itself, and on every write to a variant, a shop's
-- gifting switch or a category's eligibility that can change it, whatever code or script
-- makes the write. Concurrency: whoever recomputes a product locks its row first and
-- computes in a later statement, whose snapshot (read committed) then includes every
-- change committed by the previous holder; a concurrent change that has not committed yet
-- will itself lock and recompute after this transaction. Two sales that sell out the last
-- two variants of one product at once therefore leave it not giftable.

-- AlterTable
ALTER TABLE "Product" ADD COLUMN "giftable" BOOLEAN NOT NULL DEFAULT false;

-- VOLATILE and plpgsql on purpose: each query takes a fresh snapshot (see above).
CREATE FUNCTION lanbao_product_giftable(product_id text, published boolean, shop_id text, category_id text) RETURNS boolean
    LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    RETURN published
       AND EXISTS (SELECT 1 FROM "Shop" s WHERE s."id" = shop_id AND s."giftingEnabled")
       AND EXISTS (SELECT 1 FROM "Category" c WHERE c."id" = category_id AND c."giftEligible")
       AND EXISTS (SELECT 1 FROM "Variant" v WHERE v."productId" = product_id
                      AND v."stock" > 0 AND v."originalPrice" <= 1000000);
END $$;

-- A row inserted, or updated in what decides it (or in the column itself, which is never
-- set by hand: any value written is replaced by the computed one). The update holds the
-- row's lock already.
CREATE FUNCTION lanbao_product_giftable_row() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    NEW."giftable" := lanbao_product_giftable(NEW."id", NEW."published", NEW."shopId", NEW."categoryId");
    RETURN NEW;
END $$;

CREATE TRIGGER "Product_giftable" BEFORE INSERT OR UPDATE OF "published", "shopId", "categoryId", "giftable" ON "Product"
    FOR EACH ROW EXECUTE FUNCTION lanbao_product_giftable_row();

-- Recomputes the given products: lock (in id order), then compute and write where it changed.
CREATE FUNCTION lanbao_refresh_giftable(product_ids text[]) RETURNS void
    LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    PERFORM 1 FROM "Product" WHERE "id" = ANY (product_ids) ORDER BY "id" FOR NO KEY UPDATE;
    UPDATE "Product" p SET "giftable" = g.now
      FROM (SELECT "id", lanbao_product_giftable("id", "published", "shopId", "categoryId") AS now
              FROM "Product" WHERE "id" = ANY (product_ids)) g
     WHERE p."id" = g."id" AND p."giftable" IS DISTINCT FROM g.now;
END $$;

-- Variants: only writes that change whether this variant could carry a gift (stock to or
-- from zero, the original price across the limit, a move to another product) reach the
-- product, so an ordinary sale or restock does not touch the product row.
CREATE FUNCTION lanbao_variant_giftable() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM lanbao_refresh_giftable(ARRAY[NEW."productId"]);
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM lanbao_refresh_giftable(ARRAY[OLD."productId"]);
    ELSE
        PERFORM lanbao_refresh_giftable(ARRAY[OLD."productId", NEW."productId"]);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER "Variant_giftable_insert" AFTER INSERT ON "Variant"
    FOR EACH ROW WHEN (NEW."stock" > 0 AND NEW."originalPrice" <= 1000000)
    EXECUTE FUNCTION lanbao_variant_giftable();

CREATE TRIGGER "Variant_giftable_delete" AFTER DELETE ON "Variant"
    FOR EACH ROW WHEN (OLD."stock" > 0 AND OLD."originalPrice" <= 1000000)
    EXECUTE FUNCTION lanbao_variant_giftable();

CREATE TRIGGER "Variant_giftable_update" AFTER UPDATE OF "stock", "originalPrice", "productId" ON "Variant"
    FOR EACH ROW WHEN ((OLD."stock" > 0 AND OLD."originalPrice" <= 1000000) IS DISTINCT FROM (NEW."stock" > 0 AND NEW."originalPrice" <= 1000000)
                       OR OLD."productId" IS DISTINCT FROM NEW."productId")
    EXECUTE FUNCTION lanbao_variant_giftable();

-- A shop's gifting switch, a category's eligibility: every product of it. The row is taken
-- FOR UPDATE first, which waits for products being created in it right now (their foreign
-- key holds a KEY SHARE lock) and makes new ones wait, so none is computed from the old value.
CREATE FUNCTION lanbao_shop_giftable() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM "Shop" WHERE "id" = NEW."id" FOR UPDATE;
    PERFORM lanbao_refresh_giftable(ARRAY(SELECT "id" FROM "Product" WHERE "shopId" = NEW."id"));
    RETURN NULL;
END $$;

CREATE TRIGGER "Shop_giftable" AFTER UPDATE OF "giftingEnabled" ON "Shop"
    FOR EACH ROW WHEN (OLD."giftingEnabled" IS DISTINCT FROM NEW."giftingEnabled")
    EXECUTE FUNCTION lanbao_shop_giftable();

CREATE FUNCTION lanbao_category_giftable() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM "Category" WHERE "id" = NEW."id" FOR UPDATE;
    PERFORM lanbao_refresh_giftable(ARRAY(SELECT "id" FROM "Product" WHERE "categoryId" = NEW."id"));
    RETURN NULL;
END $$;

CREATE TRIGGER "Category_giftable" AFTER UPDATE OF "giftEligible" ON "Category"
    FOR EACH ROW WHEN (OLD."giftEligible" IS DISTINCT FROM NEW."giftEligible")
    EXECUTE FUNCTION lanbao_category_giftable();

-- Backfill: only the rows that are giftable today need a write.
UPDATE "Product" SET "giftable" = true
 WHERE lanbao_product_giftable("id", "published", "shopId", "categoryId");

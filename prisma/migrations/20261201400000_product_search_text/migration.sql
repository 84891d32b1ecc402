-- Product search text: one stored, indexed column per product holding the title,
-- description, shop name, category names and pinyin, spelled so that pg_trgm indexes
-- Chinese under a C ctype (lib/catalog/search-text.ts explains the spelling). The app
-- writes it (pinyin needs code); the database keeps a fallback so that no row is ever
-- unsearchable: a row written without its search text gets title, description and shop
-- name in the same spelling and searchVersion 0, which the app rewrites in full on its
-- next start (refreshStaleSearchText) or on `npm run db:reindex-search`.

-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "searchVersion" INTEGER NOT NULL DEFAULT 0;

-- The SQL twin of searchWords() in lib/catalog/search-text.ts for the fallback: lower
-- case, ASCII letters and digits kept, other ASCII as one-character words, anything else
-- as its code point in hex written with the capitals A-P for 0-F. (It skips the accent
-- folding and NFKC the app adds.)
CREATE FUNCTION lanbao_search_words(doc text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN regexp_replace(' ' || (
        SELECT coalesce(string_agg(
                 CASE WHEN ch ~ '^[a-z0-9]$' THEN ch
                      WHEN ch ~ '^\s$' THEN ' '
                      WHEN ascii(ch) < 128 THEN ' ' || ch || ' '
                      ELSE ' ' || translate(to_hex(ascii(ch)), '0123456789abcdef', 'ABCDEFGHIJKLMNOP') || ' ' END, '' ORDER BY n), '')
          FROM regexp_split_to_table(lower(doc), '') WITH ORDINALITY AS t(ch, n)
    ) || ' ', ' {2,}', ' ', 'g');

CREATE FUNCTION lanbao_product_search_fallback() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW."searchText" <> '' THEN RETURN NEW; END IF;
    ELSIF NEW."searchText" IS DISTINCT FROM OLD."searchText"
       OR (NEW."title", NEW."description", NEW."shopId", NEW."categoryId")
          IS NOT DISTINCT FROM (OLD."title", OLD."description", OLD."shopId", OLD."categoryId") THEN
        RETURN NEW;
    END IF;
    NEW."searchText" := lanbao_search_words(NEW."title" || ' ' || NEW."description" || ' ' ||
        coalesce((SELECT "name" FROM "Shop" WHERE "id" = NEW."shopId"), ''));
    NEW."searchVersion" := 0;
    RETURN NEW;
END $$;

CREATE TRIGGER "Product_search_text_fallback" BEFORE INSERT OR UPDATE ON "Product"
    FOR EACH ROW EXECUTE FUNCTION lanbao_product_search_fallback();

CREATE FUNCTION lanbao_shop_search_fallback() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "Product" SET "searchVersion" = 0,
           "searchText" = lanbao_search_words("title" || ' ' || "description" || ' ' || NEW."name")
     WHERE "shopId" = NEW."id";
    RETURN NULL;
END $$;

CREATE TRIGGER "Shop_search_text_fallback" AFTER UPDATE OF "name" ON "Shop"
    FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name") EXECUTE FUNCTION lanbao_shop_search_fallback();

-- Backfill: every existing product searchable now; pinyin and category names follow on
-- the app's next start.
UPDATE "Product" p SET "searchText" = lanbao_search_words(p."title" || ' ' || p."description" || ' ' || s."name")
  FROM "Shop" s WHERE s."id" = p."shopId";

-- CreateIndex
CREATE INDEX "Product_searchText_trgm_idx" ON "Product" USING GIN ("searchText" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Product_createdAt_idx" ON "Product"("createdAt");

-- Exact and prefix matches of the title rank first (lib/catalog/search.ts); not
-- expressible in schema.prisma.
CREATE INDEX "Product_title_prefix_idx" ON "Product" (lower("title") text_pattern_ops);

-- The previous search index and its function are replaced by the above.
DROP INDEX IF EXISTS "Product_search_trgm_idx";
DROP FUNCTION IF EXISTS lanbao_search_text(text);

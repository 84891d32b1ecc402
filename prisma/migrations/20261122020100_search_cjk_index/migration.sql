-- Search text for the product search index. pg_trgm only takes ASCII letters and digits
-- as word characters in a database whose LC_CTYPE is C (as Lanbao's embedded PostgreSQL
-- is), so Chinese text would yield no trigrams and a search for 咖啡 could not use the
-- index. lanbao_search_text lower-cases the text and writes every non-ASCII character as
-- its code point in hex, as a word of its own ("咖啡豆" → " 5496  5561  8c46 "): each
-- Chinese character becomes five trigrams, adjacency is kept, and Latin text is
-- unchanged. lib/catalog/search.ts filters with the same function on both sides (and
-- with a plain ILIKE, which decides), so the GIN index below serves every query.
CREATE FUNCTION lanbao_search_text(doc text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN (
        SELECT coalesce(string_agg(CASE WHEN ascii(ch) < 128 THEN ch ELSE ' ' || to_hex(ascii(ch)) || ' ' END, '' ORDER BY n), '')
          FROM regexp_split_to_table(lower(doc), '') WITH ORDINALITY AS t(ch, n)
    );

DROP INDEX IF EXISTS "Product_search_trgm_idx";

CREATE INDEX "Product_search_trgm_idx" ON "Product" USING GIN (lanbao_search_text("title" || ' ' || "description") gin_trgm_ops);

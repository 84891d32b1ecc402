// Product search across all shops: titles and descriptions, English and Chinese, partial
// words ("lat" finds Latte, 咖啡 finds the coffee), published products only, best match
// first. Every term must appear (case-insensitive substring: a plain ILIKE decides). A
// trigram GIN index keeps it fast as the catalogue grows; it is built on
// lanbao_search_text(title || ' ' || description), which spells non-ASCII characters as
// hex words so Chinese gets trigrams too (migration 20261122020100_search_cjk_index), and
// each term is matched through the same function so the index can serve it. When nothing
// matches, a trigram word-similarity pass catches small typos ("longjign").
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { productCardSelect, toProductCard, type ProductCardData } from "./products";

export const SEARCH_PAGE_SIZE = 20;
export const SEARCH_MAX_QUERY = 100;
const MAX_TERMS = 6;
/** Word similarity needed for the typo-tolerant fallback. */
const FUZZY_THRESHOLD = 0.45;

export type SearchResult = {
  query: string;
  items: ProductCardData[];
  total: number;
  page: number;
  pageCount: number;
  /** True when the results come from the typo-tolerant pass. */
  fuzzy: boolean;
};

/** Normalised search terms: trimmed, lower-cased, at most six. */
export function searchTerms(query: string): string[] {
  const terms = query
    .normalize("NFKC")
    .slice(0, SEARCH_MAX_QUERY)
    .toLowerCase()
    .split(/[\s,，。、;；]+/u)
    .filter(Boolean);
  return [...new Set(terms)].slice(0, MAX_TERMS);
}

function likePattern(term: string) {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const DOC = Prisma.sql`lower(p."title" || ' ' || p."description")`;
/** Exactly the index expression of the migration, or the index is not used. */
const INDEXED_DOC = Prisma.sql`lanbao_search_text(p."title" || ' ' || p."description")`;
const INDEXED_TITLE = Prisma.sql`lanbao_search_text(p."title")`;
const TITLE = Prisma.sql`lower(p."title")`;
/** A LIKE pattern matching the term anywhere, in search-text form. */
const indexedPattern = (term: string) =>
  Prisma.sql`'%' || replace(replace(replace(lanbao_search_text(${term}), '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'`;

export async function searchProducts(
  db: Db,
  query: string,
  opts: { page?: number; perPage?: number } = {},
): Promise<SearchResult> {
  const perPage = opts.perPage ?? SEARCH_PAGE_SIZE;
  const terms = searchTerms(query);
  const empty = { query, items: [], total: 0, page: 1, pageCount: 1, fuzzy: false };
  if (terms.length === 0) return empty;
  const phrase = terms.join(" ");

  const strict = Prisma.join(
    terms.map((t) => Prisma.sql`${INDEXED_DOC} LIKE ${indexedPattern(t)} AND ${DOC} ILIKE ${likePattern(t)}`),
    " AND ",
  );
  // Title hits weigh most, then how well the whole query matches the title, then the text.
  const titleHits = Prisma.join(
    terms.map((t) => Prisma.sql`(${TITLE} ILIKE ${likePattern(t)})::int`),
    " + ",
  );
  const indexedPhrase = Prisma.sql`lanbao_search_text(${phrase})`;
  const score = Prisma.sql`(${titleHits}) * 2 + word_similarity(${indexedPhrase}, ${INDEXED_TITLE}) + word_similarity(${indexedPhrase}, ${INDEXED_DOC}) * 0.5`;

  let fuzzy = false;
  let where = strict;
  let total = await count(db, where);
  if (total === 0) {
    // `<%` (word similarity above pg_trgm.word_similarity_threshold) is served by the same index.
    fuzzy = true;
    where = Prisma.sql`${indexedPhrase} <% ${INDEXED_DOC} AND word_similarity(${indexedPhrase}, ${INDEXED_DOC}) >= ${FUZZY_THRESHOLD}`;
    total = await count(db, where);
    if (total === 0) return { ...empty, fuzzy };
  }
  const pageCount = Math.max(1, Math.ceil(total / perPage));
  const page = Math.min(Math.max(1, Math.floor(opts.page ?? 1)), pageCount);
  const ranked = await db.$queryRaw<{ id: string }[]>`
    SELECT p."id" FROM "Product" p
     WHERE p."published" AND ${where}
     ORDER BY ${score} DESC, p."createdAt" DESC, p."id"
     LIMIT ${perPage} OFFSET ${(page - 1) * perPage}`;
  const rows = await db.product.findMany({
    where: { id: { in: ranked.map((r) => r.id) }, published: true },
    select: productCardSelect,
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const items = ranked.flatMap((r) => {
    const row = byId.get(r.id);
    return row ? [toProductCard(row)] : [];
  });
  return { query, items, total, page, pageCount, fuzzy };
}

async function count(db: Db, where: Prisma.Sql): Promise<number> {
  const [row] = await db.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM "Product" p WHERE p."published" AND ${where}`;
  return Number(row?.n ?? 0);
}

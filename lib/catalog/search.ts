// Product search across all shops: titles, descriptions, shop names and category names,
// in English and Chinese, with pinyin for the Chinese ("kafei" and "kf" find 咖啡), partial
// words, published products only. It matches against Product.searchText (see
// ./search-text.ts for what it holds and how it is spelled), served by a trigram GIN index.
//
// Matching: every term must appear. A term of three or more characters (or any Chinese)
// matches anywhere ("lat" finds Latte); a term of one or two letters or digits matches the
// start of a word ("kf", "a"), which the index can serve and which is what people mean by
// such short input. When nothing matches, a trigram word-similarity pass catches small
// typos ("longjign").
//
// Ranking, best first: the title equal to the query, the title starting with it, each
// term starting a word of the title, each term inside the title, each term starting a
// word anywhere (shop, category, pinyin), then newest. Typo matches only ever come when
// nothing matched exactly. From the gift picker, products that can be gifted come first.
// A very broad query ranks within a window (SEARCH_RANK_WINDOW), so its cost stays flat.
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { giftableProductSql } from "@/lib/gifting/eligibility";
import { productCardSelect, toProductCard, type ProductCardData } from "./products";
import { searchWords } from "./search-text";

export const SEARCH_PAGE_SIZE = 20;
export const SEARCH_MAX_QUERY = 100;
const MAX_TERMS = 6;

export type SearchResult = {
  query: string;
  items: ProductCardData[];
  total: number;
  page: number;
  pageCount: number;
  /** True when the results come from the typo-tolerant pass (one page of suggestions). */
  fuzzy: boolean;
  /** True when more than SEARCH_RANK_WINDOW products match; `total` then stops there. */
  more: boolean;
};

export type SearchOptions = {
  page?: number;
  perPage?: number;
  /** "gift": the search starts from the gift picker; giftable products rank first. */
  context?: "shop" | "gift";
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

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Short Latin or digit terms match word starts only (see the header). */
export function isShortTerm(term: string): boolean {
  return /^[a-z0-9]{1,2}$/.test(searchWords(term).trim());
}

/** The LIKE pattern that finds a term in the stored search text. */
export function termPattern(term: string): string {
  const spelled = searchWords(term);
  if (isShortTerm(term)) return `%${escapeLike(spelled.trimEnd())}%`; // " kf" after a space: a word start
  // Keep the spaces around an encoded character at either end (" FEJG "), so it never
  // matches inside a longer code; trim those around Latin text, which may sit inside a word.
  const trimmed = spelled.replace(/^ (?![A-P]+ )/, "").replace(/(?<! [A-P]+) $/, "");
  return `%${escapeLike(trimmed)}%`;
}

const SEARCH_TEXT = Prisma.sql`p."searchText"`;
const TITLE = Prisma.sql`lower(p."title")`;

function rankExpression(terms: string[], phrase: string): Prisma.Sql {
  const perTerm = terms.map((t) => {
    const like = escapeLike(t);
    return Prisma.sql`(CASE WHEN ' ' || ${TITLE} LIKE ${`% ${like}%`} THEN 4
                           WHEN ${TITLE} LIKE ${`%${like}%`} THEN 2 ELSE 0 END
                      + CASE WHEN ${SEARCH_TEXT} LIKE ${`%${escapeLike(searchWords(t).trimEnd())}%`} THEN 1 ELSE 0 END)`;
  });
  return Prisma.sql`(CASE WHEN ${TITLE} = ${phrase} THEN 100
                          WHEN ${TITLE} LIKE ${`${escapeLike(phrase)}%`} THEN 50 ELSE 0 END
                     + ${Prisma.join(perTerm, " + ")})`;
}

/**
 * Ranking looks at every match when there are at most this many; beyond, at the title
 * prefix matches plus the first this-many matches the scan meets, so a query that matches
 * a third of the catalogue costs no more than a rare one. The count stops here too
 * ("more than 1,000 results").
 */
export const SEARCH_RANK_WINDOW = 1000;
const PREFIX_WINDOW = 100;
/** The typo pass suggests one page, from at most this many close matches. */
const FUZZY_WINDOW = 100;

/** The statement that finds, counts and ranks one page of matches (exported for the benchmark's EXPLAIN). */
export function rankedPageStatement(query: string, opts: SearchOptions & { offset?: number } = {}): Prisma.Sql | null {
  const terms = searchTerms(query);
  if (terms.length === 0) return null;
  const phrase = terms.join(" ");
  const giftFirst = opts.context === "gift" ? Prisma.sql`(${giftableProductSql(Prisma.sql`p`)}) DESC,` : Prisma.empty;
  const strict = Prisma.join(
    terms.map((t) => Prisma.sql`${SEARCH_TEXT} LIKE ${termPattern(t)}`),
    " AND ",
  );
  // The window of matches, its size, and the requested page of it ranked.
  return Prisma.sql`
    WITH hit AS MATERIALIZED (
      SELECT p."id" FROM "Product" p WHERE p."published" AND ${strict} LIMIT ${SEARCH_RANK_WINDOW + 1}),
    candidate AS (
      SELECT "id" FROM hit
      UNION
      (SELECT p."id" FROM "Product" p WHERE p."published" AND ${TITLE} LIKE ${`${escapeLike(phrase)}%`} AND ${strict}
        LIMIT ${PREFIX_WINDOW}))
    SELECT (SELECT count(*) FROM hit) AS "matches", p."id"
      FROM (SELECT 1) AS one
      LEFT JOIN (candidate JOIN "Product" p ON p."id" = candidate."id") ON true
     ORDER BY ${giftFirst} ${rankExpression(terms, phrase)} DESC, p."createdAt" DESC, p."id"
     LIMIT ${opts.perPage ?? SEARCH_PAGE_SIZE} OFFSET ${opts.offset ?? 0}`;
}

export async function searchProducts(db: Db, query: string, opts: SearchOptions = {}): Promise<SearchResult> {
  const perPage = opts.perPage ?? SEARCH_PAGE_SIZE;
  const terms = searchTerms(query);
  const empty = { query, items: [], total: 0, page: 1, pageCount: 1, fuzzy: false, more: false };
  if (terms.length === 0) return empty;
  const phrase = terms.join(" ");
  const giftFirst = opts.context === "gift" ? Prisma.sql`(${giftableProductSql(Prisma.sql`p`)}) DESC,` : Prisma.empty;
  const requested = Math.max(1, Math.floor(opts.page ?? 1));

  // The window is whatever the scan meets first: no synchronised or parallel scans, so it
  // is the same from one page to the next.
  const run = async (page: number) => {
    const [, , rows] = await db.$transaction([
      db.$executeRaw`SET LOCAL synchronize_seqscans = off`,
      db.$executeRaw`SET LOCAL max_parallel_workers_per_gather = 0`,
      db.$queryRaw<{ matches: bigint; id: string | null }[]>(rankedPageStatement(query, { ...opts, offset: (page - 1) * perPage })!),
    ]);
    return rows;
  };
  let rows = await run(requested);
  if (rows.length === 0) rows = await run(1); // a page past the end says nothing about the count
  const matches = Number(rows[0]?.matches ?? 0);

  if (matches === 0) {
    // `<%`: word similarity above pg_trgm.word_similarity_threshold (0.6). Always through
    // the trigram index: a scan of the table would compute the similarity row by row.
    const spelled = searchWords(phrase).trim();
    const [, ranked] = await db.$transaction([
      db.$executeRaw`SET LOCAL enable_seqscan = off`,
      db.$queryRaw<{ id: string }[]>`
        SELECT p."id" FROM (
          SELECT c."id" FROM "Product" c WHERE c."published" AND ${spelled} <% c."searchText" LIMIT ${FUZZY_WINDOW}) AS hit
        JOIN "Product" p ON p."id" = hit."id"
        ORDER BY ${giftFirst} word_similarity(${spelled}, p."searchText") DESC, p."createdAt" DESC, p."id"
        LIMIT ${perPage}`,
    ]);
    const items = await cards(db, ranked);
    return { ...empty, items, total: items.length, fuzzy: true };
  }

  const more = matches > SEARCH_RANK_WINDOW;
  const total = Math.min(matches, SEARCH_RANK_WINDOW);
  const pageCount = Math.max(1, Math.ceil(total / perPage));
  const page = Math.min(requested, pageCount);
  if (page !== requested) rows = await run(page); // past the end (rare): the last page
  const ranked = rows.flatMap((r) => (r.id ? [{ id: r.id }] : []));
  return { query, items: await cards(db, ranked), total, page, pageCount, fuzzy: false, more };
}

async function cards(db: Db, ranked: { id: string }[]): Promise<ProductCardData[]> {
  const rows = await db.product.findMany({
    where: { id: { in: ranked.map((r) => r.id) }, published: true },
    select: productCardSelect,
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ranked.flatMap((r) => {
    const row = byId.get(r.id);
    return row ? [toProductCard(row)] : [];
  });
}

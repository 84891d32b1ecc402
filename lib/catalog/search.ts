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
  /** True when the results come from the typo-tolerant pass. */
  fuzzy: boolean;
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

export async function searchProducts(db: Db, query: string, opts: SearchOptions = {}): Promise<SearchResult> {
  const perPage = opts.perPage ?? SEARCH_PAGE_SIZE;
  const terms = searchTerms(query);
  const empty = { query, items: [], total: 0, page: 1, pageCount: 1, fuzzy: false };
  if (terms.length === 0) return empty;
  const phrase = terms.join(" ");

  const strict = Prisma.join(
    terms.map((t) => Prisma.sql`${SEARCH_TEXT} LIKE ${termPattern(t)}`),
    " AND ",
  );
  let fuzzy = false;
  let where = strict;
  let total = await count(db, where);
  if (total === 0) {
    // `<%`: word similarity above pg_trgm.word_similarity_threshold (0.6), served by the index.
    fuzzy = true;
    where = Prisma.sql`${searchWords(phrase).trim()} <% ${SEARCH_TEXT}`;
    total = await count(db, where);
    if (total === 0) return { ...empty, fuzzy };
  }
  const pageCount = Math.max(1, Math.ceil(total / perPage));
  const page = Math.min(Math.max(1, Math.floor(opts.page ?? 1)), pageCount);
  const giftFirst = opts.context === "gift" ? Prisma.sql`(${giftableProductSql(Prisma.sql`p`)}) DESC,` : Prisma.empty;
  const score = fuzzy
    ? Prisma.sql`word_similarity(${searchWords(phrase).trim()}, ${SEARCH_TEXT})`
    : rankExpression(terms, phrase);
  const ranked = await db.$queryRaw<{ id: string }[]>`
    SELECT p."id" FROM "Product" p
     WHERE p."published" AND ${where}
     ORDER BY ${giftFirst} ${score} DESC, p."createdAt" DESC, p."id"
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

// The text product search matches against, stored in Product.searchText and indexed by a
// pg_trgm GIN index (migration 20261201400000_product_search_text). It holds the title,
// description, shop name and category names (English and Chinese), plus the pinyin of
// the Chinese in the title, shop name and category: every syllable as a word, the whole
// run joined ("kafei"), and its initials from each character on ("kfd", "fd"), so that
// `kafei`, `ka fei` and `kf` all find 咖啡豆.
//
// Why a spelled-out form: pg_trgm only takes ASCII letters and digits as word characters
// in a database whose LC_CTYPE is C (Lanbao's embedded PostgreSQL), so Chinese would give
// no trigrams. `searchWords` lower-cases the text and writes every non-ASCII character as
// a word of its own: its code point in hex, spelled with the capital letters A–P for the
// digits 0–F (咖, U+5496 → " FEJG "), and ASCII punctuation as a word of its own.
// Everything else is lower-case letters and digits, so what a shopper types never matches
// inside an encoded character (LIKE is case-sensitive), while pg_trgm, which lower-cases,
// still gets trigrams from it. Queries go through the same function.
//
// Pinyin cannot be computed in SQL, so the database keeps a simpler fallback: a trigger
// fills title, description and shop name (no pinyin, no category names) whenever a row is
// written without its search text, and marks it stale (searchVersion 0). The app writes
// the full text when a product or shop is saved, and refreshes stale rows when it starts
// (`refreshStaleSearchText`) or on `npm run db:reindex-search`.
import { pinyin } from "pinyin-pro";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import enCategories from "../i18n/messages/en/categories.json";
import zhCategories from "../i18n/messages/zh-CN/categories.json";

/**
 * Bump when the recipe below or the category names change: rows written with an older
 * version are rewritten by `refreshStaleSearchText` on the next start.
 */
export const SEARCH_TEXT_VERSION = 1;

// pinyin-pro builds its dictionary on the first call (a second or more on a busy machine):
// pay that when the module loads, not inside the transaction of the first product save.
pinyin("拼音", { toneType: "none", type: "array" });

/** Longest run of Chinese characters whose initials are written from every position. */
const MAX_RUN_FOR_SUFFIXES = 16;

const HAN = /\p{Script=Han}+/gu;

const HEX_LETTERS = "ABCDEFGHIJKLMNOP";
/** A code point in hex with A–P for 0–F: only capitals, which typed text never has. */
export function encodeCodePoint(code: number): string {
  return [...code.toString(16)].map((d) => HEX_LETTERS[parseInt(d, 16)]).join("");
}

/**
 * The searchable spelling of a text: NFKC, lower case, accents dropped, ASCII letters
 * and digits as they are, other ASCII as single-character words, anything else as its
 * code point in capital-letter hex (see the header). Leading and trailing spaces
 * included, runs of spaces collapsed.
 */
export function searchWords(text: string): string {
  const folded = text.normalize("NFKD").replace(/\p{M}+/gu, "").normalize("NFKC").toLowerCase();
  let out = " ";
  for (const ch of folded) {
    const code = ch.codePointAt(0)!;
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) out += ch;
    else if (/\s/u.test(ch)) out += " ";
    else if (code < 0x80) out += ` ${ch} `;
    else out += ` ${encodeCodePoint(code)} `;
  }
  return (out + " ").replace(/ {2,}/g, " ");
}

/** Pinyin words for the Chinese in `text` (see the header); "" when there is none. */
export function pinyinWords(text: string): string {
  const words: string[] = [];
  for (const [run] of text.matchAll(HAN)) {
    const syllables = pinyin(run, { toneType: "none", type: "array", v: true }).map((s) => s.toLowerCase());
    const initials = pinyin(run, { pattern: "first", toneType: "none", type: "array" }).map((s) => s.toLowerCase());
    words.push(...syllables, syllables.join(""));
    const limit = Math.min(initials.length, MAX_RUN_FOR_SUFFIXES);
    for (let i = 0; i < limit; i++) words.push(initials.slice(i, i + MAX_RUN_FOR_SUFFIXES).join(""));
  }
  return words.join(" ");
}

/** Category names in every language, from the i18n messages (the slug when unknown). */
export function categoryNames(slug: string): string[] {
  const en = (enCategories as Record<string, string>)[slug];
  const zh = (zhCategories as Record<string, string>)[slug];
  return en || zh ? [en, zh].filter(Boolean) : [slug];
}

export type SearchDocumentInput = { title: string; description: string; shopName: string; categorySlug: string };

/** The stored search text of one product. */
export function productSearchText(p: SearchDocumentInput): string {
  const categories = categoryNames(p.categorySlug).join(" ");
  const plain = [p.title, p.description, p.shopName, categories].join(" ");
  const spoken = [p.title, p.shopName, categories].map(pinyinWords).join(" ");
  return searchWords(`${plain} ${spoken}`);
}

type DbOrTx = Db | Prisma.TransactionClient;

const documentSelect = {
  id: true,
  title: true,
  description: true,
  shop: { select: { name: true } },
  category: { select: { slug: true } },
} satisfies Prisma.ProductSelect;

/**
 * Rewrites the search text of the given products (or of every product of a shop). Call it
 * in the transaction that saves the product or the shop's name.
 */
export async function refreshProductSearchText(db: DbOrTx, which: { productIds: string[] } | { shopId: string }): Promise<number> {
  const rows = await db.product.findMany({
    where: "shopId" in which ? { shopId: which.shopId } : { id: { in: which.productIds } },
    select: documentSelect,
  });
  return writeSearchText(db, rows);
}

async function writeSearchText(db: DbOrTx, rows: Prisma.ProductGetPayload<{ select: typeof documentSelect }>[]) {
  if (rows.length === 0) return 0;
  const ids = rows.map((r) => r.id);
  const texts = rows.map((r) =>
    productSearchText({ title: r.title, description: r.description, shopName: r.shop.name, categorySlug: r.category.slug }),
  );
  // One statement for the batch; updatedAt stays: the product itself did not change.
  return db.$executeRaw`
    UPDATE "Product" AS p SET "searchText" = v.text, "searchVersion" = ${SEARCH_TEXT_VERSION}
      FROM unnest(${ids}::text[], ${texts}::text[]) AS v(id, text)
     WHERE p."id" = v.id`;
}

/**
 * Rewrites every product whose search text is older than this code's recipe (or all of
 * them with `all`), a batch at a time. Returns how many rows it wrote.
 */
export async function refreshStaleSearchText(db: Db, opts: { all?: boolean; batch?: number; log?: (line: string) => void } = {}) {
  const batch = opts.batch ?? 500;
  let written = 0;
  let after = "";
  for (;;) {
    const rows = await db.product.findMany({
      where: { id: { gt: after }, ...(opts.all ? {} : { searchVersion: { lt: SEARCH_TEXT_VERSION } }) },
      orderBy: { id: "asc" },
      take: batch,
      select: documentSelect,
    });
    if (rows.length === 0) break;
    written += await writeSearchText(db, rows);
    after = rows[rows.length - 1].id;
    opts.log?.(`search text: ${written} products written`);
  }
  return written;
}

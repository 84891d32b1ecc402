// The orders behind an analytics range, as CSV: one line per paid order, shop by shop in
// payment order, read a page at a time through Order(shopId, paidAt) so an export of a
// million orders never sits in memory. Nothing personal leaves: no names, phones or
// messages, and of an address only the province.
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { ClaimStatus, GiftStatus, OrderKind, OrderStatus } from "@/lib/db/generated/enums";
import { orderDisplayStatus, type DisplayStatus } from "@/lib/lifecycle";
import { addDays, dayStart } from "./days";
import { ACCEPTED_CLAIM_SQL } from "./refresh";
import type { AnalyticsScope } from "./scope";

const ACCEPTED = Prisma.raw(ACCEPTED_CLAIM_SQL("c"));

const PAGE_SIZE = 1000;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break (quotes
 * doubled), and text a spreadsheet would run as a formula (= + - @, tab, CR first) is
 * prefixed with ' so it stays text.
 */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let s = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function csvLine(fields: (string | number | null | undefined)[]): string {
  return `${fields.map(csvField).join(",")}\r\n`;
}

/** Fen as a plain decimal amount ("1234.50"), integer arithmetic only. */
export function fenToDecimal(fen: number): string {
  const sign = fen < 0 ? "-" : "";
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

export type ExportRow = {
  id: string;
  shopName: string;
  /** Asia/Shanghai wall-clock time, "YYYY-MM-DD HH:MM:SS". */
  paidAt: string;
  kind: OrderKind;
  status: DisplayStatus;
  productTitle: string;
  variantName: string;
  quantity: number;
  currency: string;
  paid: number;
  refunded: number;
  giftUnits: number | null;
  unitsAccepted: number | null;
  /** Recipients' provinces for a gift, the buyer's for a self order. */
  provinces: string[];
  /** Minutes from payment to the first acceptance. */
  minutesToAccept: number | null;
};

type RawRow = {
  id: string;
  cursor: string;
  shopName: string;
  paidAt: string;
  kind: OrderKind;
  status: OrderStatus;
  productTitle: string;
  variantName: string;
  quantity: number;
  currency: string;
  paid: number;
  refunded: bigint;
  giftStatus: GiftStatus | null;
  expiresAt: string | null;
  giftUnits: number | null;
  claimStatuses: ClaimStatus[] | null;
  unitsAccepted: number | null;
  provinces: string[] | null;
  minutesToAccept: number | null;
};

/** The scope's orders, a page at a time. */
export async function* exportOrderRows(
  db: Db,
  scope: Pick<AnalyticsScope, "shopIds" | "from" | "to">,
  opts: { now?: Date; pageSize?: number } = {},
): AsyncGenerator<ExportRow[]> {
  const now = opts.now ?? new Date();
  const pageSize = opts.pageSize ?? PAGE_SIZE;
  const from = dayStart(scope.from).toISOString();
  const to = dayStart(addDays(scope.to, 1)).toISOString();
  for (const shopId of scope.shopIds) {
    // Keyset: (paidAt, id) after the last row of the previous page.
    let cursor = { paidAt: from, id: "" };
    for (;;) {
      const rows = await db.$queryRaw<RawRow[]>`
        SELECT o.id, to_char(o."paidAt", 'YYYY-MM-DD"T"HH24:MI:SS.US') AS cursor, s.name AS "shopName",
               to_char((o."paidAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI:SS') AS "paidAt",
               o.kind, o.status, p.title AS "productTitle", v.name AS "variantName", o.quantity, o.currency,
               o."totalAmount" AS paid,
               COALESCE((SELECT sum(r.amount) FROM "Refund" r WHERE r."orderId" = o.id), 0)::bigint AS refunded,
               g.status AS "giftStatus", to_char(g."expiresAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "expiresAt", g.units AS "giftUnits",
               CASE WHEN g.id IS NOT NULL THEN ARRAY(SELECT c.status::text FROM "GiftClaim" c WHERE c."giftId" = g.id) END AS "claimStatuses",
               CASE WHEN g.id IS NOT NULL THEN (SELECT count(*)::int FROM "GiftClaim" c WHERE c."giftId" = g.id AND ${ACCEPTED}) END AS "unitsAccepted",
               CASE WHEN o.kind = 'SELF' THEN ARRAY_REMOVE(ARRAY[o."shipProvince"], NULL)
                    ELSE ARRAY(SELECT DISTINCT c."shipProvince" FROM "GiftClaim" c
                                WHERE c."giftId" = g.id AND c."shipProvince" IS NOT NULL AND ${ACCEPTED} ORDER BY 1) END AS provinces,
               (SELECT floor(extract(epoch FROM min(c."acceptedAt") - o."paidAt") / 60)::int
                  FROM "GiftClaim" c WHERE c."giftId" = g.id AND ${ACCEPTED}) AS "minutesToAccept"
          FROM "Order" o
          JOIN "Shop" s ON s.id = o."shopId"
          JOIN "Product" p ON p.id = o."productId"
          JOIN "Variant" v ON v.id = o."variantId"
          LEFT JOIN "Gift" g ON g."orderId" = o.id
         WHERE o."shopId" = ${shopId} AND o."paidAt" >= ${cursor.paidAt}::timestamp AND o."paidAt" < ${to}::timestamp
           AND (o."paidAt" > ${cursor.paidAt}::timestamp OR o.id > ${cursor.id})
         ORDER BY o."paidAt", o.id
         LIMIT ${pageSize}`;
      if (rows.length === 0) break;
      yield rows.map((r) => toExportRow(r, now));
      if (rows.length < pageSize) break;
      const last = rows[rows.length - 1]!;
      cursor = { paidAt: last.cursor, id: last.id };
    }
  }
}

function toExportRow(r: RawRow, now: Date): ExportRow {
  const claims = r.claimStatuses ?? [];
  const gift = r.giftStatus && r.expiresAt ? { status: r.giftStatus, expiresAt: r.expiresAt, claims } : null;
  return {
    id: r.id,
    shopName: r.shopName,
    paidAt: r.paidAt,
    kind: r.kind,
    status: orderDisplayStatus({ kind: r.kind, status: r.status, gift }, now),
    productTitle: r.productTitle,
    variantName: r.variantName,
    quantity: r.quantity,
    currency: r.currency,
    paid: r.paid,
    refunded: Number(r.refunded),
    giftUnits: r.giftUnits,
    unitsAccepted: r.unitsAccepted,
    provinces: r.provinces ?? [],
    minutesToAccept: r.minutesToAccept,
  };
}

/** Column headings and the words inside the cells, in the reader's language. */
export type CsvLabels = {
  columns: Record<(typeof CSV_COLUMNS)[number], string>;
  kind: (kind: OrderKind) => string;
  status: (status: DisplayStatus) => string;
};

export const CSV_COLUMNS = [
  "order",
  "shop",
  "paidAt",
  "kind",
  "status",
  "product",
  "variant",
  "quantity",
  "currency",
  "paid",
  "refunded",
  "net",
  "giftUnits",
  "unitsAccepted",
  "provinces",
  "minutesToAccept",
] as const;

export function csvHeader(labels: CsvLabels): string {
  return csvLine(CSV_COLUMNS.map((c) => labels.columns[c]));
}

export function csvRow(r: ExportRow, labels: CsvLabels): string {
  return csvLine([
    r.id,
    r.shopName,
    r.paidAt,
    labels.kind(r.kind),
    labels.status(r.status),
    r.productTitle,
    r.variantName,
    r.quantity,
    r.currency,
    fenToDecimal(r.paid),
    fenToDecimal(r.refunded),
    fenToDecimal(r.paid - r.refunded),
    r.giftUnits,
    r.unitsAccepted,
    r.provinces.join(";"),
    r.minutesToAccept,
  ]);
}

/** The whole file as text chunks: a byte-order mark (spreadsheets then read UTF-8), the header, the rows. */
export async function* csvChunks(db: Db, scope: Pick<AnalyticsScope, "shopIds" | "from" | "to">, labels: CsvLabels): AsyncGenerator<string> {
  yield `\uFEFF${csvHeader(labels)}`;
  for await (const page of exportOrderRows(db, scope)) yield page.map((r) => csvRow(r, labels)).join("");
}

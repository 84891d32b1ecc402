// The shop's list of after-sales requests (merchant console): open ones first to decide,
// or all of them, newest first.
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { AfterSaleKind, AfterSaleStatus } from "@/lib/db/generated/enums";

export const SHOP_AFTER_SALES_PAGE_SIZE = 25;

export const shopAfterSalesSchema = z.object({
  show: z.enum(["open", "all"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).optional().catch(undefined),
});

export type ShopAfterSaleRow = {
  id: string;
  orderId: string;
  createdAt: Date;
  kind: AfterSaleKind;
  status: AfterSaleStatus;
  reason: string;
  requesterName: string;
  productTitle: string;
  shopName: string;
  orderKind: "SELF" | "GIFT";
};

export async function listShopAfterSales(db: Db, merchantId: string, raw: z.input<typeof shopAfterSalesSchema> = {}) {
  const f = shopAfterSalesSchema.parse(raw);
  const where: Prisma.AfterSaleRequestWhereInput = {
    order: { shop: { ownerId: merchantId } },
    ...(f.show === "all" ? {} : { status: "REQUESTED" }),
  };
  const total = await db.afterSaleRequest.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / SHOP_AFTER_SALES_PAGE_SIZE));
  const page = Math.min(f.page ?? 1, pageCount);
  const rows = await db.afterSaleRequest.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * SHOP_AFTER_SALES_PAGE_SIZE,
    take: SHOP_AFTER_SALES_PAGE_SIZE,
    select: {
      id: true,
      orderId: true,
      createdAt: true,
      kind: true,
      status: true,
      reason: true,
      requester: { select: { name: true } },
      order: { select: { kind: true, product: { select: { title: true } }, shop: { select: { name: true } } } },
    },
  });
  const items: ShopAfterSaleRow[] = rows.map((r) => ({
    id: r.id,
    orderId: r.orderId,
    createdAt: r.createdAt,
    kind: r.kind,
    status: r.status,
    reason: r.reason,
    requesterName: r.requester.name,
    productTitle: r.order.product.title,
    shopName: r.order.shop.name,
    orderKind: r.order.kind,
  }));
  return { items, total, page, pageCount, show: f.show ?? "open" };
}

/** How many requests wait for the merchant's decision (console navigation). */
export function countOpenAfterSales(db: Db, merchantId: string): Promise<number> {
  return db.afterSaleRequest.count({ where: { status: "REQUESTED", order: { shop: { ownerId: merchantId } } } });
}

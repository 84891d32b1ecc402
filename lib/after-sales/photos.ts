// The optional photo of an after-sales request. It goes through the same checks as product
// images (lib/storage: JPEG/PNG/WebP by content, at most 2 MB) and is uploaded on its own
// (POST /after-sales/photos) because server actions cap request bodies at 1 MB. Only
// someone with a parcel inside its after-sales window may upload. The photo is shown only to
// the requester and to the shop, through GET /after-sales/<request id>/photo.
import type { Db } from "@/lib/db/client";
import { readImage, saveImage, type StoredImage } from "@/lib/storage";
import { DomainError } from "@/lib/validation/result";
import { AFTER_SALE_WINDOW_MS } from "./rules";

/** Whether the user has any parcel they could ask after-sales for right now. */
export async function hasAfterSaleWindowOpen(db: Db, userId: string, now: Date = new Date()): Promise<boolean> {
  const since = new Date(now.getTime() - AFTER_SALE_WINDOW_MS);
  const deliveredSince = { some: { deliveredAt: { gt: since } } };
  const [claims, orders, vouchers] = await Promise.all([
    db.giftClaim.count({ where: { recipientId: userId, status: "DELIVERED", shipments: deliveredSince } }),
    db.order.count({ where: { buyerId: userId, kind: "SELF", status: "DELIVERED", shipments: deliveredSince } }),
    db.voucher.count({ where: { holderId: userId, status: "ACTIVE", createdAt: { gt: since } } }),
  ]);
  return claims + orders + vouchers > 0;
}

export async function uploadAfterSalePhoto(db: Db, userId: string, bytes: Uint8Array): Promise<StoredImage> {
  if (!(await hasAfterSaleWindowOpen(db, userId))) throw new DomainError("afterSale.errors.windowClosed");
  return saveImage(bytes, { field: "photo" });
}

/** The photo of a request, for its requester or the shop's owner; null for anyone else. */
export async function readAfterSalePhoto(db: Db, viewerId: string, requestId: string) {
  const r = await db.afterSaleRequest.findFirst({
    where: { id: requestId, OR: [{ requesterId: viewerId }, { order: { shop: { ownerId: viewerId } } }] },
    select: { photoKey: true },
  });
  return r?.photoKey ? readImage(r.photoKey) : null;
}

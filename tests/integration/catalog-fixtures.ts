// Small builders for the catalogue, merchant, search and fulfilment tests: each test file
// has its own empty database (tests/setup/test-db.ts), so it makes exactly what it needs.
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../../lib/db/client.ts";

const rnd = () => randomBytes(4).toString("hex");

export async function makeUser(db: Db, name = "Someone") {
  return db.user.create({
    data: { name, email: `${name.toLowerCase().replace(/\W+/g, "-")}-${rnd()}@example.com`, lanbaoId: `lb${rnd()}` },
  });
}

export async function makeCategories(db: Db) {
  const slugs = ["coffee", "tea", "jewelry", "education"] as const;
  const rows = await Promise.all(
    slugs.map((slug) =>
      db.category.upsert({
        where: { slug },
        update: {},
        create: { slug, giftEligible: slug !== "jewelry" && slug !== "education" },
      }),
    ),
  );
  return Object.fromEntries(rows.map((r) => [r.slug, r])) as Record<(typeof slugs)[number], (typeof rows)[number]>;
}

export async function makeShop(db: Db, ownerId: string, data: { name?: string; giftingEnabled?: boolean } = {}) {
  const slug = `shop-${rnd()}`;
  return db.shop.create({ data: { ownerId, slug, name: data.name ?? slug, giftingEnabled: data.giftingEnabled ?? true } });
}

export type VariantSpec = { name?: string; price?: number; originalPrice?: number; stock?: number };

export async function makeProduct(
  db: Db,
  shopId: string,
  categoryId: string,
  data: {
    title?: string;
    description?: string;
    published?: boolean;
    kind?: "PHYSICAL" | "VOUCHER";
    giftZoneRank?: number | null;
    createdAt?: Date;
    variants?: VariantSpec[];
    images?: string[];
  } = {},
) {
  const variants = data.variants ?? [{}];
  return db.product.create({
    data: {
      shopId,
      categoryId,
      title: data.title ?? `Product ${rnd()}`,
      description: data.description ?? "",
      published: data.published ?? true,
      kind: data.kind ?? "PHYSICAL",
      giftZoneRank: data.giftZoneRank ?? null,
      createdAt: data.createdAt,
      variants: {
        create: variants.map((v, position) => ({
          name: v.name ?? `V${position + 1}`,
          price: v.price ?? 1000,
          originalPrice: v.originalPrice ?? v.price ?? 1000,
          stock: v.stock ?? 10,
          position,
        })),
      },
      images: { create: (data.images ?? []).map((url, position) => ({ url, position })) },
    },
    include: { variants: { orderBy: { position: "asc" } }, images: true },
  });
}

const address = {
  shipName: "Wang Fang",
  shipPhone: "13800000000",
  shipProvince: "Zhejiang",
  shipCity: "Hangzhou",
  shipDistrict: "Xihu",
  shipDetail: "1 Secret Road, Flat 2",
};

/** A paid self order with the buyer's address. */
export async function makeSelfOrder(
  db: Db,
  buyerId: string,
  product: { id: string; shopId: string; variants: { id: string; price: number }[] },
  status: "PENDING_PAYMENT" | "PAID" | "REFUNDED" = "PAID",
) {
  const v = product.variants[0];
  return db.order.create({
    data: {
      buyerId,
      shopId: product.shopId,
      productId: product.id,
      variantId: v.id,
      kind: "SELF",
      status,
      unitAmount: v.price,
      totalAmount: v.price,
      paidAt: status === "PAID" ? new Date() : null,
      ...address,
    },
  });
}

/**
 * A paid single gift from sender to recipient in a direct thread. With `accepted`, the
 * recipient has accepted it with an address (a GiftClaim), as the gift flow does.
 */
export async function makeGiftOrder(
  db: Db,
  senderId: string,
  recipientId: string,
  product: { id: string; shopId: string; variants: { id: string; price: number }[] },
  opts: { accepted?: boolean } = {},
) {
  const v = product.variants[0];
  const thread = await db.thread.create({
    data: {
      kind: "DIRECT",
      createdById: senderId,
      directKey: [senderId, recipientId].sort().join(":"),
      members: { create: [{ userId: senderId }, { userId: recipientId }] },
    },
  });
  const order = await db.order.create({
    data: {
      buyerId: senderId,
      shopId: product.shopId,
      productId: product.id,
      variantId: v.id,
      kind: "GIFT",
      status: "PAID",
      unitAmount: v.price,
      totalAmount: v.price,
      giftThreadId: thread.id,
      giftRecipientId: recipientId,
      paidAt: new Date(),
    },
  });
  const gift = await db.gift.create({
    data: {
      orderId: order.id,
      senderId,
      threadId: thread.id,
      recipientId,
      status: opts.accepted ? "ACCEPTED" : "WAITING",
      tokenHash: createHash("sha256").update(rnd()).digest("hex"),
      expiresAt: new Date(Date.now() + 24 * 3600_000),
    },
  });
  const claim = opts.accepted
    ? await db.giftClaim.create({ data: { giftId: gift.id, recipientId, variantId: v.id, ...address } })
    : null;
  return { order, gift, claim, thread };
}

export const SECRET_ADDRESS = address;

/** Smallest valid images of each type, for upload tests. */
export const PNG_1x1 = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);
export const JPEG_HEADER = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);
export const WEBP_HEADER = Buffer.concat([Buffer.from("RIFF"), Buffer.from([0x1a, 0, 0, 0]), Buffer.from("WEBPVP8 ")]);

// Small builders for service tests: real rows in the test file's own database.
import { randomBytes } from "node:crypto";
import type { Db } from "../../lib/db/client.ts";

const uid = () => randomBytes(5).toString("hex");

export async function makeUser(db: Db, name = `User ${uid()}`) {
  return db.user.create({ data: { name, email: `${uid()}@example.com`, lanbaoId: `lb${uid()}` } });
}

/** Two users who are friends, with their direct thread. */
export async function makeFriendsWithThread(db: Db, a: { id: string }, b: { id: string }) {
  const [userAId, userBId] = [a.id, b.id].sort();
  await db.friendship.create({ data: { userAId, userBId, requesterId: a.id, status: "ACCEPTED", respondedAt: new Date() } });
  return db.thread.create({
    data: {
      kind: "DIRECT",
      directKey: `${userAId}:${userBId}`,
      createdById: a.id,
      members: { create: [{ userId: a.id }, { userId: b.id }] },
    },
  });
}

export async function makeGroupThread(db: Db, creator: { id: string }, others: { id: string }[], title = "Group") {
  return db.thread.create({
    data: {
      kind: "GROUP",
      title,
      createdById: creator.id,
      members: { create: [creator, ...others].map((u) => ({ userId: u.id })) },
    },
  });
}

type ProductOptions = {
  categorySlug?: string;
  giftEligible?: boolean;
  giftingEnabled?: boolean;
  kind?: "PHYSICAL" | "VOUCHER";
  published?: boolean;
  variants?: { name: string; price: number; originalPrice?: number; stock: number }[];
};

/** A shop (with its owner) holding one product and its variants. */
export async function makeProduct(db: Db, opts: ProductOptions = {}) {
  const owner = await makeUser(db, "Merchant");
  const slug = opts.categorySlug ?? "snacks";
  const category = await db.category.upsert({
    where: { slug },
    create: { slug, giftEligible: opts.giftEligible ?? !["jewelry", "education"].includes(slug) },
    update: {},
  });
  const shop = await db.shop.create({
    data: { slug: `shop-${uid()}`, name: "Test Shop", ownerId: owner.id, giftingEnabled: opts.giftingEnabled ?? true },
  });
  const product = await db.product.create({
    data: {
      shopId: shop.id,
      categoryId: category.id,
      title: "Test product 测试商品",
      kind: opts.kind ?? "PHYSICAL",
      published: opts.published ?? true,
      images: { create: [{ url: "/products/test.webp" }] },
      variants: {
        create: (opts.variants ?? [{ name: "Regular", price: 3800, stock: 10 }]).map((v, i) => ({
          name: v.name,
          price: v.price,
          originalPrice: v.originalPrice ?? v.price,
          stock: v.stock,
          position: i,
        })),
      },
    },
    include: { variants: { orderBy: { position: "asc" } } },
  });
  return { owner, shop, category, product, variants: product.variants };
}

export const SAMPLE_ADDRESS = {
  name: "王芳",
  phone: "13912345678",
  province: "上海市",
  city: "市辖区",
  district: "徐汇区",
  detail: "漕溪北路 88 号 12 楼",
};

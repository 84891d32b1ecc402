import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "../../lib/auth/password.ts";
import type { Db } from "../../lib/db/client.ts";
import { DEMO_PASSWORD, USERS } from "../../prisma/seed/catalogue.ts";
import { seed } from "../../prisma/seed/index.ts";
import { useTestDatabase } from "../setup/test-db.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const PUBLIC = path.join(ROOT, "public");

async function counts(db: Db) {
  const [users, shops, products, variants, images, friendships, threads, members, messages, follows, categories] =
    await Promise.all([
      db.user.count(),
      db.shop.count(),
      db.product.count(),
      db.variant.count(),
      db.productImage.count(),
      db.friendship.count(),
      db.thread.count(),
      db.threadMember.count(),
      db.message.count(),
      db.shopFollow.count(),
      db.category.count(),
    ]);
  return { users, shops, products, variants, images, friendships, threads, members, messages, follows, categories };
}

const t = useTestDatabase();

describe("demo seed", () => {
  let db: Db;
  let first: Awaited<ReturnType<typeof counts>>;
  const timings: number[] = [];

  beforeAll(async () => {
    db = t.db;

    let t0 = performance.now();
    await seed(db);
    timings.push(performance.now() - t0);
    first = await counts(db);

    // A merchant edit between the two runs must survive the second one.
    await db.shop.update({ where: { slug: "blue-bean-coffee" }, data: { name: "Blue Bean Roasters 蓝豆烘焙" } });
    await db.variant.update({ where: { id: "seed-variant-latte-voucher-regular" }, data: { price: 2600 } });

    t0 = performance.now();
    await seed(db);
    timings.push(performance.now() - t0);
  }, 120_000);

  afterAll(async () => {
    console.log(`seed: first run ${Math.round(timings[0])} ms, re-run ${Math.round(timings[1])} ms`);
  }, 60_000);

  it("creates nothing more on the second run", async () => {
    const second = await counts(db);
    expect(second).toEqual(first);
    expect(first.users).toBe(USERS.length);
    expect(first.friendships).toBe(7);
    expect(first.threads).toBe(2);
    expect(first.members).toBe(6);
    expect(first.messages).toBeGreaterThanOrEqual(6);
    expect(first.follows).toBe(3);
  });

  it("keeps rows edited between runs", async () => {
    const shop = await db.shop.findUniqueOrThrow({ where: { slug: "blue-bean-coffee" } });
    expect(shop.name).toBe("Blue Bean Roasters 蓝豆烘焙");
    const variant = await db.variant.findUniqueOrThrow({ where: { id: "seed-variant-latte-voucher-regular" } });
    expect(variant.price).toBe(2600);
  });

  it("fills in a deleted row without touching the rest", async () => {
    await db.shopFollow.deleteMany({ where: { userId: "seed-user-recipient" } });
    await db.product.delete({ where: { id: "seed-product-nougat" } });
    const before = await counts(db);
    await seed(db);
    const after = await counts(db);
    expect(after.follows).toBe(before.follows + 1);
    expect(after.products).toBe(before.products + 1);
    expect(after.variants).toBeGreaterThan(before.variants);
    expect(after).toEqual(first);
    const shop = await db.shop.findUniqueOrThrow({ where: { slug: "blue-bean-coffee" } });
    expect(shop.name).toBe("Blue Bean Roasters 蓝豆烘焙");
  });

  it("has shops and published products with variants and real image files", async () => {
    const shops = await db.shop.findMany({ include: { owner: true } });
    expect(shops.length).toBeGreaterThanOrEqual(4);
    for (const s of shops) {
      expect(s.owner.email).toBe("merchant@lanbao.test");
      expect(s.giftingEnabled).toBe(true);
      expect(s.coverImage).toMatch(/^\/shops\//);
      expect(existsSync(path.join(PUBLIC, s.coverImage!)), s.coverImage!).toBe(true);
    }

    const products = await db.product.findMany({ where: { published: true }, include: { variants: true, images: true } });
    expect(products.length).toBeGreaterThanOrEqual(24);
    for (const p of products) {
      expect(p.variants.length, p.title).toBeGreaterThanOrEqual(1);
      expect(p.images.length, p.title).toBeGreaterThanOrEqual(1);
      for (const img of p.images) expect(existsSync(path.join(PUBLIC, img.url)), img.url).toBe(true);
      for (const v of p.variants) {
        expect(Number.isInteger(v.price) && Number.isInteger(v.originalPrice)).toBe(true);
        expect(v.price).toBeLessThanOrEqual(v.originalPrice);
      }
    }
    expect(products.some((p) => p.kind === "VOUCHER")).toBe(true);
    expect(products.some((p) => p.variants.some((v) => v.stock === 0))).toBe(true);
    // A search for 咖啡 finds the coffee products.
    const coffee = products.filter((p) => `${p.title} ${p.description}`.includes("咖啡"));
    expect(coffee.length).toBeGreaterThanOrEqual(5);
  });

  it("has the cases the gifting rules need", async () => {
    const jewelry = await db.category.findUniqueOrThrow({ where: { slug: "jewelry" } });
    expect(jewelry.giftEligible).toBe(false);
    const education = await db.category.findUniqueOrThrow({ where: { slug: "education" } });
    expect(education.giftEligible).toBe(false);
    expect(await db.variant.count({ where: { originalPrice: { gt: 1_000_000 } } })).toBeGreaterThanOrEqual(1);
    const shops = await db.shop.findMany({ include: { products: true } });
    for (const s of shops) {
      const ranks = s.products.flatMap((p) => (p.giftZoneRank == null ? [] : [p.giftZoneRank])).sort();
      expect(ranks.length, s.slug).toBeGreaterThanOrEqual(2);
      expect(ranks.slice(0, 2)).toEqual([1, 2]);
    }
  });

  it("lets the demo users sign in with the demo password", async () => {
    const users = await db.user.findMany({ where: { email: { in: USERS.map((u) => u.email) } } });
    expect(users).toHaveLength(USERS.length);
    for (const u of users) {
      expect(u.passwordHash).toBeTruthy();
      expect(await verifyPassword(DEMO_PASSWORD, u.passwordHash!)).toBe(true);
      expect(u.lanbaoId).toMatch(/^lb[a-z0-9]{8}$/);
    }
  });

  it("links friends, threads and follows correctly", async () => {
    for (const f of await db.friendship.findMany()) {
      expect(f.userAId < f.userBId).toBe(true);
      expect(f.status).toBe("ACCEPTED");
      expect(f.respondedAt).not.toBeNull();
    }
    const direct = await db.thread.findFirstOrThrow({
      where: { kind: "DIRECT" },
      include: { members: true, messages: { orderBy: { createdAt: "desc" } } },
    });
    expect(direct.directKey).toBe(["seed-user-recipient", "seed-user-sender"].sort().join(":"));
    expect(direct.members).toHaveLength(2);
    expect(direct.lastMessageAt.getTime()).toBe(direct.messages[0].createdAt.getTime());
    const group = await db.thread.findFirstOrThrow({
      where: { kind: "GROUP" },
      include: { members: true, messages: true },
    });
    expect(group.title).toBe("Weekend Hikers 周末徒步");
    expect(group.members).toHaveLength(4);
    const twoDaysAgo = Date.now() - 2 * 24 * 3600_000 - 60_000;
    for (const m of [...direct.messages, ...group.messages]) {
      expect(m.kind).toBe("TEXT");
      expect(m.createdAt.getTime()).toBeGreaterThan(twoDaysAgo);
    }
    const follows = await db.shopFollow.findMany({ include: { shop: true, user: true } });
    expect(follows.map((f) => `${f.user.email} ${f.shop.slug}`).sort()).toEqual([
      "recipient@lanbao.test inkstone-books",
      "sender@lanbao.test blue-bean-coffee",
      "sender@lanbao.test sweet-nest-snacks",
    ]);
  });
});

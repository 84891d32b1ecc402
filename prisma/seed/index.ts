// Demo data for local use: runs on every start of the dev server (and `npm run db:seed`).
// It creates what is missing and changes nothing that exists:
//   - every row has a fixed id from catalogue.ts and is inserted with ON CONFLICT DO NOTHING
//     (createMany skipDuplicates), so nothing is ever updated or duplicated;
//   - variants and images are created together with their product, members and messages
//     with their thread, so a merchant who deletes a variant or a user who leaves the
//     group does not see it come back on the next start;
//   - all of it in one transaction under an advisory lock, so two processes starting at
//     once cannot half-seed or race.
// A re-run on a complete database is a handful of counts and returns.
import type { Db } from "../../lib/db/client.ts";
import type { Prisma } from "../../lib/db/generated/client.ts";
import { hashPassword } from "../../lib/auth/password.ts";
import { recountThreads } from "../../lib/chat/counters.ts";
import {
  CATEGORIES,
  DEMO_PASSWORD,
  FOLLOWS,
  FRIENDSHIPS,
  PRODUCTS,
  SHOPS,
  THREADS,
  USERS,
  productImageUrl,
  seedIds,
  shopCoverUrl,
  type CategorySlug,
  type ShopKey,
  type UserKey,
} from "./catalogue.ts";

type Tx = Prisma.TransactionClient;

// Any fixed number, distinct from the migration runner's.
const SEED_LOCK_KEY = 7_261_123;
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export async function seed(db: Db, log: (s: string) => void = () => {}): Promise<void> {
  const started = performance.now();
  const elapsed = () => `${Math.round(performance.now() - started)} ms`;

  if (await isComplete(db)) {
    log(`seed: demo data already present (${elapsed()})`);
    return;
  }
  const created = await db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
      return fill(tx, new Date());
    },
    { maxWait: 30_000, timeout: 60_000 },
  );
  const summary = Object.entries(created)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${k}`)
    .join(", ");
  log(`seed: ${summary || "nothing missing"} (${elapsed()})`);
  if (created.users > 0) log(`seed: demo logins ${USERS.map((u) => u.email).join(", ")} (password: ${DEMO_PASSWORD})`);
}

/** True when every top-level seeded row is there (children come with their parents). */
async function isComplete(db: Db): Promise<boolean> {
  const counts = await Promise.all([
    db.user.count({ where: { email: { in: USERS.map((u) => u.email) } } }),
    db.category.count({ where: { slug: { in: CATEGORIES.map((c) => c.slug) } } }),
    db.shop.count({ where: { slug: { in: SHOPS.map((s) => s.slug) } } }),
    db.product.count({ where: { id: { in: PRODUCTS.map((p) => seedIds.product(p.key)) } } }),
    db.friendship.count({ where: { id: { in: FRIENDSHIPS.map(([a, b]) => seedIds.friendship(a, b)) } } }),
    db.thread.count({ where: { id: { in: THREADS.map((t) => seedIds.thread(t.key)) } } }),
    db.shopFollow.count({
      where: { OR: FOLLOWS.map(([u, s]) => ({ userId: seedIds.user(u), shopId: seedIds.shop(s) })) },
    }),
  ]);
  const expected = [
    USERS.length,
    CATEGORIES.length,
    SHOPS.length,
    PRODUCTS.length,
    FRIENDSHIPS.length,
    THREADS.length,
    FOLLOWS.length,
  ];
  return counts.every((n, i) => n === expected[i]);
}

async function fill(tx: Tx, now: Date) {
  const ago = (ms: number) => new Date(now.getTime() - ms);
  const created = {
    categories: 0,
    users: 0,
    shops: 0,
    products: 0,
    variants: 0,
    images: 0,
    friendships: 0,
    threads: 0,
    messages: 0,
    follows: 0,
  };

  // Categories. Resolved by slug: the rows may predate the seed.
  created.categories = (
    await tx.category.createMany({
      data: CATEGORIES.map((c) => ({ id: seedIds.category(c.slug), slug: c.slug, giftEligible: c.giftEligible })),
      skipDuplicates: true,
    })
  ).count;
  const categoryRows = await tx.category.findMany({
    where: { slug: { in: CATEGORIES.map((c) => c.slug) } },
    select: { id: true, slug: true },
  });
  const categoryId = new Map(categoryRows.map((c) => [c.slug as CategorySlug, c.id]));

  // Users. Resolved by email: someone may have signed up with a demo address already.
  const emails = USERS.map((u) => u.email);
  const present = new Set(
    (await tx.user.findMany({ where: { email: { in: emails } }, select: { email: true } })).map((u) => u.email),
  );
  const missingUsers = USERS.filter((u) => !present.has(u.email));
  if (missingUsers.length > 0) {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    created.users = (
      await tx.user.createMany({
        data: missingUsers.map((u) => ({
          id: seedIds.user(u.key),
          email: u.email,
          name: u.name,
          lanbaoId: u.lanbaoId,
          passwordHash,
          emailVerified: ago(30 * DAY),
          createdAt: ago(30 * DAY),
        })),
        skipDuplicates: true,
      })
    ).count;
  }
  const userRows = await tx.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true } });
  const idByEmail = new Map(userRows.map((u) => [u.email, u.id]));
  const userId = (key: UserKey): string => {
    const u = USERS.find((x) => x.key === key)!;
    const id = idByEmail.get(u.email);
    if (!id) throw new Error(`seed: could not create demo user ${u.email} (is Lanbao ID ${u.lanbaoId} taken?)`);
    return id;
  };

  // Shops, all owned by the merchant. Resolved by slug.
  created.shops = (
    await tx.shop.createMany({
      data: SHOPS.map((s, i) => ({
        id: seedIds.shop(s.key),
        slug: s.slug,
        name: s.name,
        description: s.description,
        coverImage: shopCoverUrl(s.key),
        ownerId: userId("merchant"),
        giftingEnabled: true,
        createdAt: ago(60 * DAY - i * MINUTE),
      })),
      skipDuplicates: true,
    })
  ).count;
  const shopRows = await tx.shop.findMany({
    where: { slug: { in: SHOPS.map((s) => s.slug) } },
    select: { id: true, slug: true },
  });
  const shopIdBySlug = new Map(shopRows.map((s) => [s.slug, s.id]));
  const shopId = (key: ShopKey) => shopIdBySlug.get(SHOPS.find((s) => s.key === key)!.slug)!;

  // Products; their variants and images only when the product itself is new.
  const newProducts = await tx.product.createManyAndReturn({
    data: PRODUCTS.map((p, i) => ({
      id: seedIds.product(p.key),
      shopId: shopId(p.shop),
      categoryId: categoryId.get(p.category)!,
      title: p.title,
      description: p.description,
      kind: p.kind,
      published: true,
      giftZoneRank: p.giftZoneRank,
      // Staggered so "newest first" lists have a stable order.
      createdAt: ago(30 * DAY - i * 60 * MINUTE),
    })),
    skipDuplicates: true,
    select: { id: true },
  });
  created.products = newProducts.length;
  const isNew = new Set(newProducts.map((p) => p.id));
  const fresh = PRODUCTS.filter((p) => isNew.has(seedIds.product(p.key)));
  if (fresh.length > 0) {
    created.variants = (
      await tx.variant.createMany({
        data: fresh.flatMap((p) =>
          p.variants.map((v, position) => ({
            id: seedIds.variant(p.key, v.key),
            productId: seedIds.product(p.key),
            name: v.name,
            options: v.options,
            price: v.price,
            originalPrice: v.originalPrice,
            currency: "CNY",
            stock: v.stock,
            position,
          })),
        ),
        skipDuplicates: true,
      })
    ).count;
    created.images = (
      await tx.productImage.createMany({
        data: fresh.map((p) => ({
          id: seedIds.image(p.key, 0),
          productId: seedIds.product(p.key),
          url: productImageUrl(p.key),
          position: 0,
        })),
        skipDuplicates: true,
      })
    ).count;
  }

  // Friendships: one row per pair, userAId < userBId.
  created.friendships = (
    await tx.friendship.createMany({
      data: FRIENDSHIPS.map(([requester, accepter], i) => {
        const [userAId, userBId] = [userId(requester), userId(accepter)].sort();
        const asked = ago(25 * DAY - i * 3 * 60 * MINUTE);
        return {
          id: seedIds.friendship(requester, accepter),
          userAId,
          userBId,
          requesterId: userId(requester),
          status: "ACCEPTED" as const,
          createdAt: asked,
          respondedAt: new Date(asked.getTime() + 42 * MINUTE),
        };
      }),
      skipDuplicates: true,
    })
  ).count;

  // Threads; members and messages only when the thread itself is new (a direct thread
  // the two users already have keeps its own history).
  const threadData = THREADS.map((t) => {
    const times = t.messages.map((m) => ago(m.minutesAgo * MINUTE).getTime());
    const memberIds = t.members.map(userId);
    return {
      id: seedIds.thread(t.key),
      kind: t.kind,
      title: t.title,
      directKey: t.kind === "DIRECT" ? [...memberIds].sort().join(":") : null,
      createdById: userId(t.createdBy),
      createdAt: new Date(Math.min(...times) - 60 * MINUTE),
      lastMessageAt: new Date(Math.max(...times)),
    };
  });
  const newThreads = await tx.thread.createManyAndReturn({
    data: threadData,
    skipDuplicates: true,
    select: { id: true },
  });
  created.threads = newThreads.length;
  const isNewThread = new Set(newThreads.map((t) => t.id));
  const freshThreads = THREADS.filter((t) => isNewThread.has(seedIds.thread(t.key)));
  if (freshThreads.length > 0) {
    await tx.threadMember.createMany({
      data: freshThreads.flatMap((t) => {
        const joinedAt = threadData.find((d) => d.id === seedIds.thread(t.key))!.createdAt;
        return t.members.map((member) => {
          // Read up to their own last message: later ones show as unread.
          const own = t.messages.filter((m) => m.from === member).map((m) => m.minutesAgo);
          return {
            threadId: seedIds.thread(t.key),
            userId: userId(member),
            joinedAt,
            lastReadAt: own.length > 0 ? ago(Math.min(...own) * MINUTE) : null,
          };
        });
      }),
      skipDuplicates: true,
    });
    created.messages = (
      await tx.message.createMany({
        data: freshThreads.flatMap((t) =>
          t.messages.map((m, i) => ({
            id: seedIds.message(t.key, i),
            threadId: seedIds.thread(t.key),
            senderId: userId(m.from),
            kind: "TEXT" as const,
            body: m.body,
            createdAt: ago(m.minutesAgo * MINUTE),
          })),
        ),
        skipDuplicates: true,
      })
    ).count;
    // Bulk-inserted messages: set the list previews and unread counters from them.
    await recountThreads(tx, freshThreads.map((t) => seedIds.thread(t.key)));
  }

  created.follows = (
    await tx.shopFollow.createMany({
      data: FOLLOWS.map(([u, s], i) => ({ userId: userId(u), shopId: shopId(s), createdAt: ago(20 * DAY - i * DAY) })),
      skipDuplicates: true,
    })
  ).count;

  return created;
}

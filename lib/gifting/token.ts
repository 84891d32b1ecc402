import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { GiftMode, ProductKind } from "@/lib/db/generated/enums";
import { createHash, createHmac } from "node:crypto";

/**
 * Gift links are signed with a secret of their own, not the session secret: rotating
 * NEXTAUTH_SECRET signs everyone out but leaves every gift link in every chat working.
 */
function secret(): string {
  const s = process.env.LANBAO_LINK_SECRET;
  if (!s) throw new Error("LANBAO_LINK_SECRET is not set");
  return s;
}

/**
 * The claim-link token of a gift: an HMAC of its id under the link secret, so it is
 * unguessable, never stored, and can be shown again to the thread's members on every
 * render. The database keeps only its sha256 (Gift.tokenHash) for the lookup.
 */
export function giftToken(giftId: string): string {
  return createHmac("sha256", secret()).update(`gift:${giftId}`).digest("base64url");
}

export function hashGiftToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function giftLink(giftId: string): string {
  return `/gifts/${giftToken(giftId)}`;
}

/** What an action needs to route a gift: its mode, chat, and the paid order's variant and product kind. */
export type GiftRoute = {
  id: string;
  mode: GiftMode;
  threadId: string | null;
  order: { id: string; variantId: string; product: { kind: ProductKind } };
};

/**
 * The gift a claim link points at, or the gift with this id, with what an action needs to
 * route it; null when none. One statement: a group's members all press at once.
 */
export async function findGiftRoute(db: Db, by: { token: string } | { giftId: string }): Promise<GiftRoute | null> {
  let where: Prisma.Sql;
  if ("token" in by) {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(by.token)) return null;
    where = Prisma.sql`g."tokenHash" = ${hashGiftToken(by.token)}`;
  } else {
    where = Prisma.sql`g.id = ${by.giftId}`;
  }
  const [row] = await db.$queryRaw<{ id: string; mode: GiftMode; threadId: string | null; orderId: string; variantId: string; kind: ProductKind }[]>`
    SELECT g.id, g.mode::text AS mode, g."threadId", o.id AS "orderId", o."variantId", p.kind::text AS kind
      FROM "Gift" g JOIN "Order" o ON o.id = g."orderId" JOIN "Product" p ON p.id = o."productId"
     WHERE ${where}`;
  return row ? { id: row.id, mode: row.mode, threadId: row.threadId, order: { id: row.orderId, variantId: row.variantId, product: { kind: row.kind } } } : null;
}

const RECENT_MS = 1_000;
const recent = new Map<string, { route: Promise<GiftRoute | null>; at: number }>();

/**
 * findGiftRoute by link, remembered for a second: when a whole group presses "Take one" at
 * once, they all ask for the same gift (and those asking while the first lookup is under way
 * wait for it). What it answers never changes for a gift, except the product's kind, which a
 * merchant's edit reaches a second later at most (as if the take had come a second earlier).
 * A link that finds nothing is asked again each time.
 */
export async function findRecentGiftRoute(db: Db, token: string): Promise<GiftRoute | null> {
  const now = Date.now();
  const hit = recent.get(token);
  if (hit && now - hit.at < RECENT_MS) return hit.route;
  const route = findGiftRoute(db, { token });
  recent.delete(token);
  if (recent.size >= 1_000) recent.delete(recent.keys().next().value!);
  recent.set(token, { route, at: now });
  try {
    const found = await route;
    if (!found && recent.get(token)?.route === route) recent.delete(token);
    return found;
  } catch (err) {
    if (recent.get(token)?.route === route) recent.delete(token);
    throw err;
  }
}

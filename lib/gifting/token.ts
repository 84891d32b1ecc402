import type { Db } from "@/lib/db/client";
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

/** The gift a claim link points at, with what an action needs to route it; null when none. */
export async function findGiftByToken(db: Db, token: string) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  return db.gift.findUnique({
    where: { tokenHash: hashGiftToken(token) },
    select: { id: true, mode: true, threadId: true, order: { select: { product: { select: { kind: true } } } } },
  });
}

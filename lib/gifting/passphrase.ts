// Passphrase gifts (礼物口令): a single gift sent outside any chat, as a link plus a short
// passphrase. Whoever opens the link signed in and enters the right passphrase first becomes
// the recipient; from then on it is an ordinary single gift (accept with an address, decline,
// 24-hour expiry). docs/passphrase-gifts.md states the rules.
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { isGiftOpen } from "@/lib/lifecycle";
import { rateLimits, RateLimits, waitMessageKey } from "@/lib/rate-limit";
import type { ActionLimitName } from "@/lib/rate-limit";
import { DomainError } from "@/lib/validation/result";
import { hashGiftToken } from "./token";

/** No 0/O, 1/I/L: nothing two people could read differently, aloud or on a screen. */
export const PASSPHRASE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const PASSPHRASE_LENGTH = 6;

function secret(): string {
  const s = process.env.LANBAO_LINK_SECRET;
  if (!s) throw new Error("LANBAO_LINK_SECRET is not set");
  return s;
}

/**
 * The passphrase of a gift, derived from its id under the link secret (like its link), so
 * the sender can be shown it again on every visit while the database holds only a hash.
 * Unbiased: bytes that would favour the alphabet's first letters are skipped.
 */
export function giftPassphrase(giftId: string): string {
  const limit = 256 - (256 % PASSPHRASE_ALPHABET.length);
  let out = "";
  for (let round = 0; out.length < PASSPHRASE_LENGTH; round++) {
    const bytes = createHmac("sha256", secret()).update(`passphrase:${round}:${giftId}`).digest();
    for (const b of bytes) {
      if (b >= limit) continue;
      out += PASSPHRASE_ALPHABET[b % PASSPHRASE_ALPHABET.length];
      if (out.length === PASSPHRASE_LENGTH) break;
    }
  }
  return out;
}

/** "K7Q4TX" → "K7Q-4TX", the way it is shown and read aloud. */
export function formatPassphrase(passphrase: string): string {
  return `${passphrase.slice(0, 3)}-${passphrase.slice(3)}`;
}

/**
 * What was typed, as compared: full-width characters (a Chinese keyboard) folded to ASCII,
 * upper case, spaces and dashes dropped.
 */
export function normalisePassphrase(typed: string): string {
  return typed.normalize("NFKC").toUpperCase().replace(/[\s\-_.·]/g, "");
}

/** What Gift.passphraseHash holds: an HMAC under the link secret, bound to the gift. */
export function hashPassphrase(giftId: string, passphrase: string): string {
  return createHmac("sha256", secret()).update(`passphrase-check:${giftId}:${normalisePassphrase(passphrase)}`).digest("hex");
}

/** Constant-time comparison of a guess with the stored hash. */
export function passphraseMatches(giftId: string, storedHash: string, guess: string): boolean {
  const a = Buffer.from(hashPassphrase(giftId, guess), "hex");
  const b = Buffer.from(storedHash, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}

export const claimByPassphraseSchema = z.object({
  token: z.string().min(20, "gift.notFound").max(100, "gift.notFound"),
  passphrase: z.string().trim().min(1, "gift.passphrase.required").max(40, "gift.passphrase.wrong"),
});
export type ClaimByPassphraseInput = z.input<typeof claimByPassphraseSchema>;

/** The three counts a guess is made against: the link, the person, and where they are. */
export const PASSPHRASE_LIMITS = ["passphraseLink", "passphraseUser", "passphraseAddress"] as const satisfies readonly ActionLimitName[];

/**
 * Counts one guess against every limit at once (each count is one atomic statement, so a
 * burst of parallel guesses cannot slip through) and refuses with the longest wait when any
 * limit is used up. Every guess tried counts, right or wrong: counting only failures would
 * have to check before it counts, and parallel guesses would pass that check together. A
 * guess refused by one limit is not tried, so the other limits take their count back (a
 * guesser held back where they are does not use up the link for the rightful recipient).
 */
async function countGuess(limits: RateLimits, keys: Record<(typeof PASSPHRASE_LIMITS)[number], string>) {
  const decisions = await Promise.all(PASSPHRASE_LIMITS.map((name) => limits.take(name, keys[name])));
  const waits = decisions.flatMap((d) => (d.ok ? [] : [d.retryAfterSeconds]));
  if (waits.length === 0) return;
  await Promise.all(
    PASSPHRASE_LIMITS.map((name, i) => (decisions[i].ok ? limits.limiter(name, limits.config.actions[name]).reward(keys[name], 1) : null)),
  );
  throw new DomainError(waitMessageKey(Math.max(...waits)), "passphrase");
}

/**
 * A guess at a passphrase gift's passphrase. The right one makes the guesser the recipient,
 * unless someone else got there first: the claim is one conditional UPDATE (recipient still
 * empty, gift still waiting and in time), so of two right guesses at once exactly one wins.
 * The sender cannot claim their own gift. A link that is no passphrase gift answers as a
 * missing gift.
 */
export async function claimGiftByPassphrase(
  db: Db,
  userId: string,
  raw: ClaimByPassphraseInput,
  ctx: { address: string; limits?: RateLimits; now?: Date },
): Promise<{ giftId: string }> {
  const input = claimByPassphraseSchema.parse(raw);
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(input.token)) throw new DomainError("gift.notFound");
  const gift = await db.gift.findUnique({
    where: { tokenHash: hashGiftToken(input.token) },
    select: { id: true, senderId: true, recipientId: true, passphraseHash: true, status: true, expiresAt: true },
  });
  if (!gift || !gift.passphraseHash) throw new DomainError("gift.notFound");
  if (gift.senderId === userId) throw new DomainError("gift.passphrase.ownGift");
  if (gift.recipientId === userId) return { giftId: gift.id };
  if (gift.recipientId) throw new DomainError("gift.passphrase.taken");
  const now = ctx.now ?? new Date();
  if (!isGiftOpen(gift, now)) throw new DomainError("gift.passphrase.closed");

  await countGuess(ctx.limits ?? rateLimits(), { passphraseLink: gift.id, passphraseUser: userId, passphraseAddress: ctx.address });
  if (!passphraseMatches(gift.id, gift.passphraseHash, input.passphrase)) throw new DomainError("gift.passphrase.wrong", "passphrase");

  const claimed = await db.gift.updateMany({
    where: { id: gift.id, recipientId: null, status: "WAITING", expiresAt: { gt: now } },
    data: { recipientId: userId },
  });
  if (claimed.count === 1) return { giftId: gift.id };
  const after = await db.gift.findUniqueOrThrow({ where: { id: gift.id }, select: { recipientId: true } });
  if (after.recipientId === userId) return { giftId: gift.id };
  throw new DomainError(after.recipientId ? "gift.passphrase.taken" : "gift.passphrase.closed");
}

// Passphrase gifts (礼物口令) and products shared into chats, against the real database, the
// real Stripe SDK and the local Stripe sandbox.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listMessages } from "../../lib/chat/messages.ts";
import { shareProductToThread } from "../../lib/chat/share-product.ts";
import { acceptGift } from "../../lib/gifting/accept.ts";
import { expireGift } from "../../lib/gifting/expire.ts";
import { claimGiftByPassphrase, formatPassphrase, giftPassphrase, PASSPHRASE_ALPHABET } from "../../lib/gifting/passphrase.ts";
import { giftToken } from "../../lib/gifting/token.ts";
import { getGiftByToken } from "../../lib/gifting/view.ts";
import { startCheckout } from "../../lib/orders/checkout.ts";
import { getStripe } from "../../lib/payments/stripe.ts";
import { readRateLimitConfig } from "../../lib/rate-limit/config.ts";
import { RateLimits } from "../../lib/rate-limit/limits.ts";
import { DomainError } from "../../lib/validation/result.ts";
import { makeFriendsWithThread, makeGroupThread, makeProduct, makeUser, SAMPLE_ADDRESS } from "../setup/fixtures.ts";
import { usePayments } from "../setup/payments.ts";
import { useTestDatabase } from "../setup/test-db.ts";

const t = useTestDatabase();
const pay = usePayments(() => t.url);

// Small limits, so each one can be reached on its own: 2 guesses per user, 3 per link,
// 4 per client address, all per 15 minutes.
const config = readRateLimitConfig({
  LANBAO_LIMIT_PASSPHRASE_USER: "2/15m",
  LANBAO_LIMIT_PASSPHRASE_LINK: "3/15m",
  LANBAO_LIMIT_PASSPHRASE_ADDRESS: "4/15m",
});
let pool: pg.Pool;
let limits: RateLimits;
beforeAll(() => {
  pool = new pg.Pool({ connectionString: t.url, max: 4 });
  limits = new RateLimits(pool, config);
});
afterAll(async () => {
  await pool.end();
});

let addressSeq = 0;
/** A client address of its own for each test, so only the limit under test is reached. */
const freshAddress = () => `10.0.${Math.floor(++addressSeq / 250)}.${addressSeq % 250}`;

async function domainKey(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return e.key;
    throw e;
  }
  return "no error";
}

async function domainError(p: Promise<unknown>): Promise<DomainError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error("expected a refusal");
}

/** A sender who pays a passphrase gift; returns the gift, its link token and its passphrase. */
async function paidPassphraseGift(opts: { price?: number; stock?: number; message?: string } = {}) {
  const sender = await makeUser(t.db, "Sender");
  const shop = await makeProduct(t.db, { variants: [{ name: "Box", price: opts.price ?? 5200, stock: opts.stock ?? 5 }] });
  const { orderId } = await startCheckout(t.db, sender.id, { kind: "PASSPHRASE_GIFT", variantId: shop.variants[0].id, message: opts.message ?? "给你的惊喜" });
  const order = await t.db.order.findUniqueOrThrow({ where: { id: orderId } });
  await pay.pay(order.stripeCheckoutSessionId!);
  const gift = await t.db.gift.findUniqueOrThrow({ where: { orderId } });
  return { sender, ...shop, orderId, gift, token: giftToken(gift.id), passphrase: giftPassphrase(gift.id) };
}

/** A guess that is wrong: the right passphrase with its last character changed. */
function wrongGuess(passphrase: string): string {
  const last = passphrase.at(-1)!;
  return passphrase.slice(0, -1) + PASSPHRASE_ALPHABET[(PASSPHRASE_ALPHABET.indexOf(last) + 1) % PASSPHRASE_ALPHABET.length];
}

const claim = (userId: string, token: string, passphrase: string, address: string) =>
  claimGiftByPassphrase(t.db, userId, { token, passphrase }, { address, limits });

describe("sending a passphrase gift", () => {
  it("pays like any gift: a waiting gift for 24 hours, in no chat, for nobody yet, with only a hash of the passphrase stored", async () => {
    const g = await paidPassphraseGift();
    const order = await t.db.order.findUniqueOrThrow({ where: { id: g.orderId } });
    expect(order).toMatchObject({ status: "PAID", kind: "GIFT", giftByPassphrase: true, giftThreadId: null, giftRecipientId: null });
    expect(g.gift).toMatchObject({ status: "WAITING", mode: "SINGLE", threadId: null, recipientId: null, senderId: g.sender.id });
    expect(g.gift.expiresAt.getTime() - order.paidAt!.getTime()).toBe(24 * 60 * 60 * 1000);
    expect(g.passphrase).toMatch(new RegExp(`^[${PASSPHRASE_ALPHABET}]{6}$`));

    // Stored: a hash, never the passphrase in any form, in any column of the gift or order.
    expect(g.gift.passphraseHash).toMatch(/^[0-9a-f]{64}$/);
    const rows = JSON.stringify([await t.db.gift.findUniqueOrThrow({ where: { id: g.gift.id } }), order]);
    for (const form of [g.passphrase, formatPassphrase(g.passphrase), g.passphrase.toLowerCase()]) expect(rows).not.toContain(form);
    // No card is posted anywhere, and the stock is taken as for any paid gift.
    expect(await t.db.message.count({ where: { giftId: g.gift.id } })).toBe(0);
    expect((await t.db.variant.findUniqueOrThrow({ where: { id: g.variants[0].id } })).stock).toBe(4);
    // Two gifts, two passphrases.
    const other = await paidPassphraseGift();
    expect(other.passphrase).not.toBe(g.passphrase);
  });

  it("the link alone reveals nothing but that a gift is waiting; the sender sees the passphrase and the gift", async () => {
    const g = await paidPassphraseGift({ message: "秘密的祝福" });
    const stranger = await makeUser(t.db, "Stranger");
    const seen = await getGiftByToken(t.db, stranger.id, g.token);
    expect(seen).toEqual({ role: "passphrase", state: "locked" });
    const text = JSON.stringify(seen);
    for (const secret of ["秘密的祝福", g.product.title, "Sender", g.passphrase]) expect(text).not.toContain(secret);

    const senderView = await getGiftByToken(t.db, g.sender.id, g.token);
    expect(senderView).toMatchObject({ role: "sender", passphrase: formatPassphrase(g.passphrase), recipientName: null, threadId: null, productTitle: g.product.title });
  });
});

describe("claiming with the passphrase", () => {
  it("the right passphrase (any case, with or without the dash) makes the guesser the recipient, who accepts as usual; the sender never sees the address", async () => {
    const g = await paidPassphraseGift({ price: 4100 });
    const friend = await makeUser(t.db, "Far Friend");
    const typed = ` ${formatPassphrase(g.passphrase).toLowerCase()} `;
    expect(await claim(friend.id, g.token, typed, freshAddress())).toEqual({ giftId: g.gift.id });
    expect((await t.db.gift.findUniqueOrThrow({ where: { id: g.gift.id } })).recipientId).toBe(friend.id);

    const mine = await getGiftByToken(t.db, friend.id, g.token);
    expect(mine).toMatchObject({ role: "recipient", threadId: null, message: "给你的惊喜", product: { title: g.product.title } });
    await acceptGift(t.db, friend.id, { giftId: g.gift.id, shipping: SAMPLE_ADDRESS });
    expect((await t.db.gift.findUniqueOrThrow({ where: { id: g.gift.id } })).status).toBe("ACCEPTED");
    expect(await t.db.giftClaim.findFirstOrThrow({ where: { giftId: g.gift.id } })).toMatchObject({ recipientId: friend.id, shipDetail: SAMPLE_ADDRESS.detail });

    const senderView = await getGiftByToken(t.db, g.sender.id, g.token);
    expect(senderView).toMatchObject({ role: "sender", status: "ACCEPTED", recipientName: "Far Friend" });
    const text = JSON.stringify(senderView);
    for (const secret of [SAMPLE_ADDRESS.detail, SAMPLE_ADDRESS.phone, SAMPLE_ADDRESS.name]) expect(text).not.toContain(secret);

    // Anyone else now learns only that it is taken, whatever they type.
    const late = await makeUser(t.db);
    expect(await getGiftByToken(t.db, late.id, g.token)).toEqual({ role: "passphrase", state: "taken" });
    expect(await domainKey(claim(late.id, g.token, g.passphrase, freshAddress()))).toBe("gift.passphrase.taken");
  });

  it("refuses the sender, and answers a link that is no passphrase gift like a missing one", async () => {
    const g = await paidPassphraseGift();
    expect(await domainKey(claim(g.sender.id, g.token, g.passphrase, freshAddress()))).toBe("gift.passphrase.ownGift");
    const someone = await makeUser(t.db);
    expect(await domainKey(claim(someone.id, "x".repeat(43), g.passphrase, freshAddress()))).toBe("gift.notFound");

    // A chat gift's link cannot be taken over with any passphrase.
    const a = await makeUser(t.db);
    const b = await makeUser(t.db);
    const thread = await makeFriendsWithThread(t.db, a, b);
    const { orderId } = await startCheckout(t.db, a.id, { kind: "GIFT", variantId: g.variants[0].id, threadId: thread.id, recipientId: b.id });
    await pay.pay((await t.db.order.findUniqueOrThrow({ where: { id: orderId } })).stripeCheckoutSessionId!);
    const chatGift = await t.db.gift.findUniqueOrThrow({ where: { orderId } });
    expect(await domainKey(claim(someone.id, giftToken(chatGift.id), giftPassphrase(chatGift.id), freshAddress()))).toBe("gift.notFound");
    expect((await t.db.gift.findUniqueOrThrow({ where: { id: chatGift.id } })).recipientId).toBe(b.id);
  });

  it("two people entering the right passphrase at once: exactly one becomes the recipient", async () => {
    for (let round = 0; round < 3; round++) {
      const g = await paidPassphraseGift();
      const racers = await Promise.all([makeUser(t.db), makeUser(t.db), makeUser(t.db)]);
      const results = await Promise.allSettled(racers.map((r) => claim(r.id, g.token, g.passphrase, freshAddress())));
      const won = results.flatMap((r, i) => (r.status === "fulfilled" ? [racers[i].id] : []));
      expect(won).toHaveLength(1);
      for (const r of results) if (r.status === "rejected") expect((r.reason as DomainError).key).toBe("gift.passphrase.taken");
      expect((await t.db.gift.findUniqueOrThrow({ where: { id: g.gift.id } })).recipientId).toBe(won[0]);
    }
  });
});

describe("guessing is limited", () => {
  it("per user: wrong guesses count at every link, then even the right one waits, with the wait next to the field", async () => {
    const [a, b] = [await paidPassphraseGift(), await paidPassphraseGift()];
    const guesser = await makeUser(t.db);
    const address = freshAddress();
    for (let i = 0; i < 2; i++) {
      const err = await domainError(claim(guesser.id, a.token, wrongGuess(a.passphrase), address));
      expect([err.key, err.field]).toEqual(["gift.passphrase.wrong", "passphrase"]);
    }
    const refused = await domainError(claim(guesser.id, b.token, b.passphrase, address));
    expect([refused.key, refused.field]).toEqual(["limits.tryAgainIn.m15", "passphrase"]);
    expect((await t.db.gift.findUniqueOrThrow({ where: { id: b.gift.id } })).recipientId).toBeNull();
    // Someone else may still open it.
    const other = await makeUser(t.db);
    expect(await claim(other.id, b.token, b.passphrase, freshAddress())).toEqual({ giftId: b.gift.id });
  });

  it("per link: guesses by many people at one link run out, the link's other gifts do not", async () => {
    const [a, b] = [await paidPassphraseGift(), await paidPassphraseGift()];
    for (let i = 0; i < 3; i++) {
      const guesser = await makeUser(t.db);
      expect(await domainKey(claim(guesser.id, a.token, wrongGuess(a.passphrase), freshAddress()))).toBe("gift.passphrase.wrong");
    }
    const rightful = await makeUser(t.db);
    expect(await domainKey(claim(rightful.id, a.token, a.passphrase, freshAddress()))).toBe("limits.tryAgainIn.m15");
    expect((await t.db.gift.findUniqueOrThrow({ where: { id: a.gift.id } })).recipientId).toBeNull();
    expect(await claim(rightful.id, b.token, b.passphrase, freshAddress())).toEqual({ giftId: b.gift.id });
  });

  it("per client address: many accounts guessing from one place run out together", async () => {
    const [c, d] = [await paidPassphraseGift(), await paidPassphraseGift()];
    const address = freshAddress();
    const [u1, u2, u3] = [await makeUser(t.db), await makeUser(t.db), await makeUser(t.db)];
    for (const u of [u1, u2]) {
      for (const g of [c, d]) expect(await domainKey(claim(u.id, g.token, wrongGuess(g.passphrase), address))).toBe("gift.passphrase.wrong");
    }
    expect(await domainKey(claim(u3.id, c.token, c.passphrase, address))).toBe("limits.tryAgainIn.m15");
    // The same person from elsewhere is not held back by that address.
    expect(await claim(u3.id, c.token, c.passphrase, freshAddress())).toEqual({ giftId: c.gift.id });
  });

  it("parallel wrong guesses cannot slip past a limit", async () => {
    const g = await paidPassphraseGift();
    const guesser = await makeUser(t.db);
    const address = freshAddress();
    const keys = await Promise.all(Array.from({ length: 8 }, () => domainKey(claim(guesser.id, g.token, wrongGuess(g.passphrase), address))));
    expect(keys.filter((k) => k === "gift.passphrase.wrong")).toHaveLength(2);
    expect(keys.filter((k) => k === "limits.tryAgainIn.m15")).toHaveLength(6);
  });
});

describe("a passphrase gift nobody accepts", () => {
  it("expires after 24 hours, claimed or not: refunded in full to the payment, stock back, nothing posted, no longer claimable", async () => {
    const unclaimed = await paidPassphraseGift({ price: 3300, stock: 2 });
    const claimed = await paidPassphraseGift({ price: 2700, stock: 2 });
    const taker = await makeUser(t.db);
    await claim(taker.id, claimed.token, claimed.passphrase, freshAddress());

    const later = new Date(Date.now() + 24 * 60 * 60 * 1000 + 1000);
    for (const g of [unclaimed, claimed]) {
      expect(await expireGift(t.db, g.gift.id, { now: later })).toBe("expired");
      expect((await t.db.gift.findUniqueOrThrow({ where: { id: g.gift.id } })).status).toBe("EXPIRED");
      const order = await t.db.order.findUniqueOrThrow({ where: { id: g.orderId } });
      expect(order).toMatchObject({ status: "REFUNDED", failureReason: "giftExpired" });
      const refunds = await t.db.refund.findMany({ where: { orderId: g.orderId } });
      expect(refunds.map((r) => r.amount)).toEqual([order.totalAmount]);
      const onStripe = await getStripe().refunds.retrieve(refunds[0].stripeRefundId!);
      expect(onStripe).toMatchObject({ status: "succeeded", amount: order.totalAmount, payment_intent: order.stripePaymentIntentId });
      expect((await t.db.variant.findUniqueOrThrow({ where: { id: g.variants[0].id } })).stock).toBe(2);
      expect(await t.db.message.count({ where: { giftId: g.gift.id } })).toBe(0);
    }
    const someone = await makeUser(t.db);
    expect(await domainKey(claim(someone.id, unclaimed.token, unclaimed.passphrase, freshAddress()))).toBe("gift.passphrase.closed");
    expect(await getGiftByToken(t.db, someone.id, unclaimed.token)).toEqual({ role: "passphrase", state: "closed" });
    expect(await domainKey(acceptGift(t.db, taker.id, { giftId: claimed.gift.id, shipping: SAMPLE_ADDRESS }))).toBe("gift.expired");
  });
});

describe("sharing a product into a chat", () => {
  it("posts a product card into the user's own chat, which every member sees; nobody posts into a chat they are not in", async () => {
    const [a, b, outsider] = [await makeUser(t.db, "A"), await makeUser(t.db, "B"), await makeUser(t.db, "Outsider")];
    const thread = await makeFriendsWithThread(t.db, a, b);
    const { product, variants } = await makeProduct(t.db, { variants: [{ name: "Big", price: 9900, stock: 3 }, { name: "Small", price: 4500, stock: 3 }] });

    const posted = await shareProductToThread(t.db, a.id, { threadId: thread.id, productId: product.id });
    expect(posted).toMatchObject({ kind: "PRODUCT", sender: { id: a.id, name: "A" } });
    const seen = await listMessages(t.db, b.id, thread.id);
    expect(seen.messages.map((m) => [m.kind, m.product])).toEqual([
      ["PRODUCT", { productId: product.id, title: product.title, image: "/products/test.webp", price: 4500, currency: variants[0].currency, onSale: true }],
    ]);
    expect((await t.db.threadMember.findUniqueOrThrow({ where: { threadId_userId: { threadId: thread.id, userId: b.id } } })).unreadCount).toBe(1);

    // Not a member: answered as a missing chat, and nothing is posted.
    expect(await domainKey(shareProductToThread(t.db, outsider.id, { threadId: thread.id, productId: product.id }))).toBe("chat.errors.threadNotFound");
    const group = await makeGroupThread(t.db, a, [b, await makeUser(t.db)]);
    expect(await domainKey(shareProductToThread(t.db, outsider.id, { threadId: group.id, productId: product.id }))).toBe("chat.errors.threadNotFound");
    // A product not on sale cannot be shared.
    const draft = await makeProduct(t.db, { published: false });
    expect(await domainKey(shareProductToThread(t.db, a.id, { threadId: thread.id, productId: draft.product.id }))).toBe("chat.share.productNotFound");
    expect(await t.db.message.count({ where: { kind: "PRODUCT" } })).toBe(1);
  });
});

// Gifts in every state a page can show (waiting, accepted and on to after-sales, declined,
// expired, a group gift, a lottery), made through Lanbao's own services on the end-to-end
// server's database and paid in its Stripe sandbox, whose webhook reaches the server as a
// real payment would. For specs about how pages look, not about how a gift is sent.
//
// Runs as a script of its own under tsx (`node --import tsx tests/e2e/gift-states.ts <kind>
// <label>`, printing JSON), because the address and checkout services load the region data
// with JSON imports that the test runner's loader refuses. Specs call it through
// tests/e2e/gift-states-client.ts.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import type Stripe from "stripe";
import { requestAfterSale } from "../../lib/after-sales/request.ts";
import { saveAddress } from "../../lib/address/book.ts";
import { createGroupThread } from "../../lib/chat/threads.ts";
import { acceptGift } from "../../lib/gifting/accept.ts";
import { declineGift } from "../../lib/gifting/decline.ts";
import { expireGift } from "../../lib/gifting/expire.ts";
import { createStripeClient } from "../../lib/payments/stripe.ts";
import { markDelivered, markShipped } from "../../lib/orders/fulfilment.ts";
import { startCheckout, type CheckoutInput } from "../../lib/orders/checkout.ts";
import { signUp } from "../../lib/auth/sign-up.ts";
import { getOrCreateDirectThread } from "../../lib/chat/threads.ts";
import { createDb, type Db } from "../../lib/db/client.ts";
import { respondToFriendRequest, sendFriendRequest } from "../../lib/social/friends.ts";
import type { GiftStates, PaidGift, TestPair, TestUser } from "./gift-states-client.ts";

const GIFT_VARIANT_ID = "seed-variant-dried-mango-200g";
/** The parcel address a gift is accepted with, and the same address as the address book takes it (region codes). */
const ADDRESS = { name: "王芳", phone: "13912345678", province: "上海市", city: "市辖区", district: "徐汇区", detail: "漕溪北路 88 号 12 楼" };
const BOOK_ADDRESS = { name: ADDRESS.name, phone: ADDRESS.phone, provinceCode: "310000", cityCode: "310100", districtCode: "310104", detail: ADDRESS.detail };

type E2eServer = { databaseUrl: string; stripeSandboxUrl: string; linkSecret: string };

function e2eServer(): E2eServer {
  return JSON.parse(readFileSync(".tmp/e2e/server.json", "utf8"));
}

class Services {
  constructor(readonly db: Db) {}

  async newUser(name: string): Promise<TestUser> {
    const password = "a-good-password";
    const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${randomBytes(4).toString("hex")}@example.com`;
    await signUp(this.db, { name, email, password });
    const user = await this.db.user.findUniqueOrThrow({ where: { email }, select: { id: true, name: true, email: true } });
    return { ...user, password };
  }

  async befriend(a: TestUser, b: TestUser): Promise<void> {
    const { friendshipId } = await sendFriendRequest(this.db, a.id, { userId: b.id });
    await respondToFriendRequest(this.db, b.id, { friendshipId, accept: true });
  }

  async directThread(a: TestUser, b: TestUser): Promise<string> {
    return (await getOrCreateDirectThread(this.db, a.id, b.id)).id;
  }
}

async function waitFor<T>(what: string, read: () => Promise<T | null | undefined>, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

async function payGift(services: Services, stripe: Stripe, sandboxUrl: string, buyer: TestUser, input: CheckoutInput): Promise<PaidGift> {
  const { orderId } = await startCheckout(services.db, buyer.id, input, { stripe });
  const { stripeCheckoutSessionId: sessionId } = await services.db.order.findUniqueOrThrow({ where: { id: orderId } });
  // The hosted checkout page's Pay button; the sandbox then calls the server's webhook.
  const res = await fetch(`${sandboxUrl}/_sandbox/checkout/sessions/${sessionId}/pay`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: "{}",
  });
  if (!res.ok) throw new Error(`sandbox pay failed: ${res.status} ${await res.text()}`);
  const gift = await waitFor(`the gift of order ${orderId}`, () => services.db.gift.findUnique({ where: { orderId }, select: { id: true } }));
  const { giftLink } = await import("../../lib/gifting/token.ts");
  return { giftId: gift.id, orderId, sessionId: sessionId!, link: giftLink(gift.id) };
}

/** Two friends and their chat; the second has a saved (default) address. */
async function makePair(services: Services, label: string): Promise<TestPair> {
  const [giver, taker] = await Promise.all([services.newUser(`Giver ${label}`), services.newUser(`Taker ${label}`)]);
  await services.befriend(giver, taker);
  const threadId = await services.directThread(giver, taker);
  const address = await saveAddress(services.db, taker.id, BOOK_ADDRESS);
  return { giver, taker, threadId, addressId: address.id };
}

/** Makes three friends, their direct and group chats, and one gift in each state. */
async function makeGiftStates(services: Services, server: E2eServer, label: string): Promise<GiftStates> {
  // Gift links are signed with the server's link secret; giftLink() reads it from here.
  process.env.LANBAO_LINK_SECRET = server.linkSecret;
  const stripe = createStripeClient({ STRIPE_SANDBOX_URL: server.stripeSandboxUrl });
  const db = services.db;
  const [giver, taker, third] = await Promise.all([
    services.newUser(`Giver ${label}`),
    services.newUser(`Taker ${label}`),
    services.newUser(`Third ${label}`),
  ]);
  await services.befriend(giver, taker);
  await services.befriend(giver, third);
  const directThreadId = await services.directThread(giver, taker);
  const { id: groupThreadId } = await createGroupThread(db, giver.id, { title: `Picnic ${label}`, memberIds: [taker.id, third.id] });
  const address = await saveAddress(db, taker.id, BOOK_ADDRESS);

  const single = (message: string): CheckoutInput => ({
    kind: "GIFT",
    variantId: GIFT_VARIANT_ID,
    threadId: directThreadId,
    recipientId: taker.id,
    message,
  });
  const pay = (input: CheckoutInput) => payGift(services, stripe, server.stripeSandboxUrl, giver, input);
  const waiting = await pay(single(`Waiting ${label}`));
  const accepted = await pay(single(`Accepted ${label}`));
  const declined = await pay(single(`Declined ${label}`));
  const expired = await pay(single(`Expired ${label}`));
  const group = await pay({ kind: "GROUP_GIFT", mode: "GROUP", variantId: GIFT_VARIANT_ID, threadId: groupThreadId, units: 2, message: `Group ${label}` });
  const lottery = await pay({
    kind: "GROUP_GIFT",
    mode: "LOTTERY",
    variantId: GIFT_VARIANT_ID,
    threadId: groupThreadId,
    units: 1,
    message: `Lottery ${label}`,
    drawAt: new Date(Date.now() + 60 * 60 * 1000),
  });

  await acceptGift(db, taker.id, { giftId: accepted.giftId, shipping: ADDRESS });
  await declineGift(db, taker.id, { giftId: declined.giftId }, { stripe });
  await expireGift(db, expired.giftId, { now: new Date(Date.now() + 25 * 60 * 60 * 1000), stripe });

  // The accepted gift goes on: shipped, delivered, and the recipient asks for a refund.
  const merchant = await db.user.findUniqueOrThrow({ where: { email: "merchant@lanbao.test" }, select: { id: true } });
  await markShipped(db, merchant.id, { orderId: accepted.orderId, carrier: "ZTO Express", trackingNumber: "ZT1234567890" });
  await markDelivered(db, merchant.id, { orderId: accepted.orderId });
  const { requestId: afterSaleRequestId } = await requestAfterSale(db, taker.id, {
    orderId: accepted.orderId,
    kind: "REFUND_ONLY",
    reason: "The box arrived crushed 盒子压坏了",
  });

  return { giver, taker, third, directThreadId, groupThreadId, addressId: address.id, waiting, accepted, declined, expired, group, lottery, afterSaleRequestId };
}

const [kind, label] = process.argv.slice(2);
const server = e2eServer();
const services = new Services(createDb(server.databaseUrl, { max: 2 }));
try {
  const result = kind === "pair" ? await makePair(services, label) : await makeGiftStates(services, server, label);
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  await services.db.$disconnect();
}
// Nothing else is awaited: the Stripe client's keep-alive sockets must not hold the process.
process.exit(0);

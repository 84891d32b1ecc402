// Every server action and route handler, with who may use it and how to call it. The
// access matrix (tests/integration/access-matrix.test.ts) and the input fuzzing
// (tests/integration/action-fuzz.test.ts) run over these rows, and a test fails when an
// export of a "use server" file or a route file has no row here.
//
// Adding an action: add a row to ACTION_ROWS with
//   - `action`: "<file under the repo>#<export name>";
//   - `access`: "owned" (only the owner of the thing may use it; anyone else gets the
//     answer for a missing thing), "anyUser" (any signed-in user, on their own behalf) or
//     "public" (visitors too, e.g. sign-up);
//   - `form`: true for userFormAction (called as (prev, FormData)), else called with an object;
//   - `input(w)`: the input that reaches the owner's thing in the World below (add what you
//     need to buildWorld: a row of the owner's, e.g. an after-sales request on `w.order`);
//   - `target`: for "owned", the input field naming the thing; the matrix swaps it for an id
//     that names nothing to get the "missing" answer;
//   - `ownerResult`: "ok" when the owner's call succeeds (or redirects), or a reason it cannot
//     here. A route goes into ROUTE_ROWS the same way, with a `request`.
import { randomBytes } from "node:crypto";
import type { Db } from "../../lib/db/client.ts";
import { makeFriendsWithThread, makeGroupThread, makeProduct, makeUser } from "./fixtures.ts";

export type Actor = "signedOut" | "stranger" | "otherMember" | "otherMerchant" | "owner";
export const ACTORS: Actor[] = ["signedOut", "stranger", "otherMember", "otherMerchant", "owner"];
export type Access = "owned" | "anyUser" | "public";
export type Input = Record<string, string | boolean | number | string[] | undefined>;

export type ActionRow = {
  action: string;
  access: Access;
  form?: boolean;
  /** The fields the action reads (object keys or form field names), for the fuzzing. */
  fields: string[];
  input: (w: World) => Input;
  target?: string;
  ownerResult?: "ok" | { skip: string };
};

/** The people and things the rows act on. `owner` owns everything a row targets. */
export type World = {
  users: Record<Exclude<Actor, "signedOut">, string>;
  /** The owner's friends, not actors: they share the owner's direct chat and group. */
  eve: string;
  fay: string;
  gus: string;
  /** Direct chat owner–eve and a group owner+eve+fay (otherMember is in neither). */
  direct: string;
  group: string;
  /** Group owner+otherMember, so otherMember is a member of something of the owner's. */
  sharedGroup: string;
  /** A friend request from gus to the owner, pending. */
  friendRequest: string;
  shop: string;
  product: string;
  variant: string;
  productToDelete: string;
  /** A product with no orders yet, so the edit may replace its variants. */
  productToEdit: string;
  categoryId: string;
  /** A voucher product (no address needed) in another shop, for gifts to the owner. */
  giftVariant: string;
  /** Gifts eve paid for the owner: one to accept, one to decline; a gift card message in `direct`. */
  giftToAccept: { id: string; token: string };
  giftToDecline: { id: string; token: string };
  /** eve's group gift and lottery in `group`; a drawn lottery the owner won. */
  groupGift: { token: string };
  lottery: { token: string };
  wonLottery: { token: string };
  /** Orders of the owner's shop: paid (to ship), shipped (to deliver). */
  paidOrder: string;
  shippedOrder: string;
  refund: string;
  /** An active voucher code of the owner's shop (eve bought it). */
  voucherCode: string;
  /** eve's after-sales requests on delivered orders of the owner's shop: one to approve, one to reject. */
  requestToApprove: string;
  requestToReject: string;
  /**
   * The owner's own orders in a shop no actor owns: shipped (to confirm receipt), delivered
   * (to ask after-sales for), and delivered with an open request of the owner's carrying a photo.
   */
  ownShippedOrder: string;
  ownDeliveredOrder: string;
  ownRequest: string;
  /** The owner's address book: one to edit, one to delete, one (not the default) to make the default. */
  addressToEdit: string;
  addressToDelete: string;
  addressToDefault: string;
};

const hex = (n: number) => randomBytes(n).toString("hex");

/** An id or token naming nothing, shaped like the real one so only existence differs. */
export function missingLike(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(missingLike);
  if (typeof value !== "string") return value;
  if (value.length >= 20 && /^[A-Za-z0-9_-]+$/.test(value) && !/^c[a-z0-9]{20,}$/.test(value)) {
    // A gift link token: same length, another value.
    return [...value].map((c) => (c === "A" ? "B" : "A")).join("").slice(0, value.length);
  }
  return `cmissing${hex(8)}`.slice(0, Math.max(value.length, 12));
}

/** The address book's form posts the fields without a prefix. */
const bookAddressFields = {
  name: "李雷",
  phone: "13800138000",
  provinceCode: "110000",
  cityCode: "110100",
  districtCode: "110105",
  detail: "朝阳路 1 号",
};

const addressFields = {
  "address.name": "王芳",
  "address.phone": "13912345678",
  "address.province": "310000",
  "address.city": "310100",
  "address.district": "310104",
  "address.detail": "漕溪北路 88 号 12 楼",
};

export const ACTION_ROWS: ActionRow[] = [
  // Visitors and everyone.
  { action: "app/(auth)/sign-up/actions.ts#signUpAction", access: "public", fields: ["name", "email", "password"], input: () => ({ name: "New", email: `n-${hex(4)}@example.com`, password: "a-good-password" }) },
  { action: "components/shell/locale-actions.ts#setLocaleAction", access: "public", fields: [], input: () => ({}) },

  // Chat.
  { action: "app/(chat)/chats/[threadId]/actions.ts#sendMessageAction", access: "owned", fields: ["threadId", "body"], input: (w) => ({ threadId: w.direct, body: "你好 👋" }), target: "threadId", ownerResult: "ok" },
  { action: "app/(chat)/chats/[threadId]/actions.ts#giftCardAction", access: "owned", fields: ["threadId", "giftId"], input: (w) => ({ threadId: w.direct, giftId: w.giftToAccept.id }), target: "threadId", ownerResult: "ok" },
  { action: "app/(chat)/chats/[threadId]/actions.ts#markReadAction", access: "owned", fields: ["threadId"], input: (w) => ({ threadId: w.direct }), target: "threadId", ownerResult: "ok" },
  { action: "app/(chat)/chats/actions.ts#createGroupAction", access: "owned", fields: ["title", "memberIds"], input: (w) => ({ title: "周末", memberIds: [w.eve, w.fay] }), target: "memberIds", ownerResult: "ok" },
  { action: "app/(chat)/chats/actions.ts#addMembersAction", access: "owned", fields: ["threadId", "memberIds"], input: (w) => ({ threadId: w.group, memberIds: [w.gus] }), target: "threadId", ownerResult: "ok" },
  { action: "app/(chat)/friends/actions.ts#searchUserAction", access: "anyUser", fields: ["query"], input: () => ({ query: "eve" }) },
  { action: "app/(chat)/friends/actions.ts#sendFriendRequestAction", access: "anyUser", fields: ["userId"], input: (w) => ({ userId: w.eve }) },
  { action: "app/(chat)/friends/actions.ts#respondFriendRequestAction", access: "owned", fields: ["friendshipId", "accept"], input: (w) => ({ friendshipId: w.friendRequest, accept: true }), target: "friendshipId", ownerResult: "ok" },
  { action: "app/(chat)/friends/actions.ts#openDirectChatAction", access: "owned", fields: ["friendId"], input: (w) => ({ friendId: w.eve }), target: "friendId", ownerResult: "ok" },
  { action: "app/(shop)/products/[id]/share/actions.ts#shareProductAction", access: "owned", form: true, fields: ["threadId", "productId"], input: (w) => ({ threadId: w.direct, productId: w.product }), target: "threadId", ownerResult: "ok" },

  // Paying for gifts.
  { action: "app/(chat)/gift/new/actions.ts#sendGiftAction", access: "owned", form: true, fields: ["variantId", "recipientId", "threadId", "message"], input: (w) => ({ variantId: w.giftVariant, recipientId: w.eve, threadId: w.direct, message: "生日快乐 🎂" }), target: "threadId", ownerResult: "ok" },
  { action: "app/(chat)/gift/new/actions.ts#sendGroupGiftAction", access: "owned", form: true, fields: ["mode", "variantId", "threadId", "units", "message", "drawAt", "entry", "eligibleUserId"], input: (w) => ({ mode: "GROUP", variantId: w.giftVariant, threadId: w.group, units: "2", message: "" }), target: "threadId", ownerResult: "ok" },
  { action: "app/(chat)/gift/passphrase/actions.ts#sendPassphraseGiftAction", access: "anyUser", form: true, fields: ["variantId", "message"], input: (w) => ({ variantId: w.giftVariant, message: "猜猜我是谁" }) },

  // Receiving gifts (the link's token names the gift).
  { action: "app/(chat)/gifts/[token]/actions.ts#acceptGiftAction", access: "owned", form: true, fields: ["token", "variantId"], input: (w) => ({ token: w.giftToAccept.token }), target: "token", ownerResult: "ok" },
  { action: "app/(chat)/gifts/[token]/actions.ts#declineGiftAction", access: "owned", form: true, fields: ["token"], input: (w) => ({ token: w.giftToDecline.token }), target: "token", ownerResult: "ok" },
  { action: "app/(chat)/gifts/[token]/actions.ts#enterLotteryAction", access: "owned", form: true, fields: ["token"], input: (w) => ({ token: w.lottery.token }), target: "token", ownerResult: "ok" },
  { action: "app/(chat)/gifts/[token]/actions.ts#acceptWinAction", access: "owned", form: true, fields: ["token", "variantId"], input: (w) => ({ token: w.wonLottery.token }), target: "token", ownerResult: "ok" },
  // Anyone with the link may try the passphrase: the guess limits guard it (passphrase-gifts.test.ts).
  { action: "app/(chat)/gifts/[token]/actions.ts#claimByPassphraseAction", access: "anyUser", form: true, fields: ["token", "passphrase"], input: (w) => ({ token: w.giftToAccept.token, passphrase: "K7Q-4TX" }) },

  // The merchant's shop, products and orders.
  { action: "app/(merchant)/merchant/shops/actions.ts#createShopAction", access: "anyUser", form: true, fields: ["name", "slug", "description"], input: () => ({ name: "New shop", slug: `new-${hex(4)}`, description: "" }) },
  { action: "app/(merchant)/merchant/shops/actions.ts#updateShopSettingsAction", access: "owned", form: true, fields: ["shopId", "name", "description", "coverKey"], input: (w) => ({ shopId: w.shop, name: "Renamed 改名", description: "d" }), target: "shopId", ownerResult: "ok" },
  { action: "app/(merchant)/merchant/shops/actions.ts#setGiftingAction", access: "owned", form: true, fields: ["shopId", "enabled"], input: (w) => ({ shopId: w.shop, enabled: "false" }), target: "shopId", ownerResult: "ok" },
  { action: "app/(merchant)/merchant/shops/actions.ts#setGiftZoneAction", access: "owned", form: true, fields: ["shopId", "productId"], input: (w) => ({ shopId: w.shop, productId: [w.product] }), target: "shopId", ownerResult: "ok" },
  {
    action: "app/(merchant)/merchant/shops/[shopId]/products/actions.ts#createProductAction",
    access: "owned",
    form: true,
    fields: ["shopId", "title", "description", "categoryId", "kind", "published", "variants.0.name", "variants.0.price", "variants.0.stock", "image"],
    input: (w) => ({ shopId: w.shop, title: "新品 New", description: "", categoryId: w.categoryId, kind: "VOUCHER", "variants.0.name": "One", "variants.0.options": "", "variants.0.price": "12.50", "variants.0.stock": "3" }),
    target: "shopId",
    ownerResult: "ok",
  },
  {
    action: "app/(merchant)/merchant/shops/[shopId]/products/actions.ts#updateProductAction",
    access: "owned",
    form: true,
    fields: ["productId", "shopId", "title", "description", "categoryId", "kind", "variants.0.name", "variants.0.price", "variants.0.stock", "image"],
    input: (w) => ({ productId: w.productToEdit, shopId: w.shop, title: "Renamed 改名", description: "", categoryId: w.categoryId, kind: "PHYSICAL", "variants.0.name": "Two", "variants.0.options": "", "variants.0.price": "9.90", "variants.0.stock": "4" }),
    target: "productId",
    ownerResult: "ok",
  },
  { action: "app/(merchant)/merchant/shops/[shopId]/products/actions.ts#setPublishedAction", access: "owned", form: true, fields: ["productId", "published", "shopId"], input: (w) => ({ productId: w.product, published: "false", shopId: w.shop }), target: "productId", ownerResult: "ok" },
  { action: "app/(merchant)/merchant/shops/[shopId]/products/actions.ts#deleteProductAction", access: "owned", form: true, fields: ["productId", "shopId"], input: (w) => ({ productId: w.productToDelete, shopId: w.shop }), target: "productId", ownerResult: "ok" },
  { action: "app/(merchant)/merchant/orders/actions.ts#shipAction", access: "owned", form: true, fields: ["orderId", "claimId", "carrier", "trackingNumber"], input: (w) => ({ orderId: w.paidOrder, carrier: "顺丰", trackingNumber: "SF1234567890" }), target: "orderId", ownerResult: "ok" },
  { action: "app/(merchant)/merchant/orders/actions.ts#deliverAction", access: "owned", form: true, fields: ["orderId", "claimId"], input: (w) => ({ orderId: w.shippedOrder }), target: "orderId", ownerResult: "ok" },
  {
    action: "app/(merchant)/merchant/orders/actions.ts#retryRefundAction",
    access: "owned",
    form: true,
    fields: ["refundId"],
    input: (w) => ({ refundId: w.refund }),
    target: "refundId",
    ownerResult: { skip: "the refund here succeeded; only one Stripe kept refusing may be retried (merchant.test.ts covers that)" },
  },

  { action: "app/(merchant)/merchant/after-sales/actions.ts#approveAfterSaleAction", access: "owned", form: true, fields: ["requestId", "amount"], input: (w) => ({ requestId: w.requestToApprove, amount: "10" }), target: "requestId", ownerResult: "ok" },
  { action: "app/(merchant)/merchant/after-sales/actions.ts#rejectAfterSaleAction", access: "owned", form: true, fields: ["requestId", "reason"], input: (w) => ({ requestId: w.requestToReject, reason: "照片显示完好 intact" }), target: "requestId", ownerResult: "ok" },
  { action: "app/(merchant)/merchant/vouchers/actions.ts#redeemVoucherAction", access: "owned", form: true, fields: ["code"], input: (w) => ({ code: w.voucherCode }), target: "code", ownerResult: "ok" },

  // After a parcel arrives: its recipient (here the buyer of their own order).
  { action: "components/after-sales/actions.ts#confirmReceiptAction", access: "owned", form: true, fields: ["orderId"], input: (w) => ({ orderId: w.ownShippedOrder }), target: "orderId", ownerResult: "ok" },
  { action: "components/after-sales/actions.ts#requestAfterSaleAction", access: "owned", form: true, fields: ["orderId", "kind", "reason", "photoKey"], input: (w) => ({ orderId: w.ownDeliveredOrder, kind: "RETURN_AND_REFUND", reason: "尺码不对 wrong size" }), target: "orderId", ownerResult: "ok" },
  { action: "components/after-sales/actions.ts#withdrawAfterSaleAction", access: "owned", form: true, fields: ["requestId"], input: (w) => ({ requestId: w.ownRequest }), target: "requestId", ownerResult: "ok" },

  // The address book.
  { action: "app/(shop)/addresses/actions.ts#saveAddressAction", access: "owned", form: true, fields: ["addressId", "makeDefault", ...Object.keys(bookAddressFields)], input: (w) => ({ addressId: w.addressToEdit, makeDefault: "on", ...bookAddressFields }), target: "addressId", ownerResult: "ok" },
  { action: "app/(shop)/addresses/actions.ts#deleteAddressAction", access: "owned", form: true, fields: ["addressId"], input: (w) => ({ addressId: w.addressToDelete }), target: "addressId", ownerResult: "ok" },
  { action: "app/(shop)/addresses/actions.ts#setDefaultAddressAction", access: "owned", form: true, fields: ["addressId"], input: (w) => ({ addressId: w.addressToDefault }), target: "addressId", ownerResult: "ok" },

  // Shopping.
  { action: "app/(shop)/products/[id]/buy/actions.ts#buyNowAction", access: "anyUser", form: true, fields: ["productId", "variantId", "quantity", ...Object.keys(addressFields)], input: (w) => ({ productId: w.product, variantId: w.variant, quantity: "1", ...addressFields }) },
  { action: "app/(shop)/shops/[slug]/actions.ts#setFollowAction", access: "anyUser", form: true, fields: ["shopId", "follow"], input: (w) => ({ shopId: w.shop, follow: "true" }) },
];

export type RouteRow = {
  route: string;
  /** Exported HTTP method. */
  method: string;
  access: Access;
  request?: (w: World, target: (id: string) => string) => { url: string; params?: Record<string, string>; init?: RequestInit };
  target?: string;
  /** Why the route is not called in the matrix (it is still listed, so a new route needs a row). */
  skip?: string;
};

export const ROUTE_ROWS: RouteRow[] = [
  { route: "app/api/auth/[...nextauth]/route.ts", method: "GET", access: "public", skip: "next-auth's own sign-in endpoints" },
  { route: "app/api/auth/[...nextauth]/route.ts", method: "POST", access: "public", skip: "next-auth's own sign-in endpoints (auth.test.ts)" },
  { route: "app/api/health/live/route.ts", method: "GET", access: "public", skip: "says only that the process answers" },
  { route: "app/api/health/route.ts", method: "GET", access: "public", skip: "readiness, no user data (health.test.ts)" },
  { route: "app/api/realtime/route.ts", method: "GET", access: "anyUser", request: () => ({ url: "http://app.test/api/realtime" }) },
  {
    route: "app/api/realtime/threads/[threadId]/messages/route.ts",
    method: "GET",
    access: "owned",
    target: "threadId",
    request: (w, target) => ({ url: `http://app.test/api/realtime/threads/${target(w.direct)}/messages`, params: { threadId: target(w.direct) } }),
  },
  { route: "app/api/realtime/unread/route.ts", method: "GET", access: "anyUser", request: () => ({ url: "http://app.test/api/realtime/unread" }) },
  {
    route: "app/(chat)/gifts/[token]/claims/route.ts",
    method: "POST",
    access: "owned",
    target: "token",
    request: (w, target) => ({
      url: `http://app.test/gifts/${target(w.groupGift.token)}/claims`,
      params: { token: target(w.groupGift.token) },
      init: { method: "POST", body: new URLSearchParams() },
    }),
  },
  { route: "app/api/regions/route.ts", method: "GET", access: "public", skip: "the public region tree" },
  {
    route: "app/after-sales/[requestId]/photo/route.ts",
    method: "GET",
    access: "owned",
    target: "requestId",
    request: (w, target) => ({ url: `http://app.test/after-sales/${target(w.ownRequest)}/photo`, params: { requestId: target(w.ownRequest) } }),
  },
  {
    route: "app/after-sales/photos/route.ts",
    method: "POST",
    access: "anyUser",
    request: () => {
      const body = new FormData();
      body.set("file", new Blob([new Uint8Array(TINY_PNG)], { type: "image/png" }), "photo.png");
      return { url: "http://app.test/after-sales/photos", init: { method: "POST", body } };
    },
  },
  { route: "app/(merchant)/merchant/analytics/export/route.ts", method: "GET", access: "owned", skip: "sends visitors to sign-in; another merchant's shop answers 404 like a missing one (analytics.test.ts owner-only scope, analytics.spec.ts)" },
  { route: "app/api/stripe/webhook/route.ts", method: "POST", access: "public", skip: "Stripe's signature is the check (gifting.test.ts, stripe-sandbox.test.ts)" },
  { route: "app/uploads/[key]/route.ts", method: "GET", access: "public", skip: "public images under unguessable keys" },
  {
    route: "app/uploads/route.ts",
    method: "POST",
    access: "anyUser",
    request: () => {
      const body = new FormData();
      body.set("file", new Blob([new Uint8Array([1, 2, 3])], { type: "image/png" }), "x.png");
      return { url: "http://app.test/uploads", init: { method: "POST", body } };
    },
  },
];

/** A real 1×1 PNG. */
export const TINY_PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
  "hex",
);

/** What building the world needs from the services (given by the test, which owns the payment harness). */
export type WorldServices = {
  /** startCheckout as `senderId`, then paid through the sandbox; the gift's id. */
  paidGift: (senderId: string, input: Record<string, unknown>) => Promise<string>;
  paidSelfOrder: (buyerId: string, variantId: string) => Promise<string>;
  token: (giftId: string) => string;
  /** `userId` enters the lottery and it is drawn (they are the only entrant). */
  enterAndDraw: (giftId: string, userId: string) => Promise<void>;
  ship: (merchantId: string, orderId: string) => Promise<void>;
  /** The recipient declines: the refund's id. */
  decline: (recipientId: string, giftId: string) => Promise<string>;
  /** startCheckout as `buyerId` (any input), then paid through the sandbox: the order's id. */
  paidOrder: (buyerId: string, input: Record<string, unknown>) => Promise<string>;
  /** The shop's merchant marks the order delivered. */
  deliver: (merchantId: string, orderId: string) => Promise<void>;
  /** The buyer asks after-sales for their delivered order, with a photo if asked: the request's id. */
  requestAfterSale: (buyerId: string, orderId: string, withPhoto?: boolean) => Promise<string>;
};

/** Builds the world the rows act on, through fixtures and the real payment flow. */
export async function buildWorld(db: Db, services: WorldServices): Promise<World> {
  const owner = await makeUser(db, "Owner 主人");
  const stranger = await makeUser(db, "Stranger");
  const otherMember = await makeUser(db, "Other member");
  const eve = await makeUser(db, "eve");
  const fay = await makeUser(db, "Fay");
  const gus = await makeUser(db, "Gus");
  const direct = await makeFriendsWithThread(db, owner, eve);
  await makeFriendsWithThread(db, owner, fay);
  await makeFriendsWithThread(db, owner, gus);
  await makeFriendsWithThread(db, owner, otherMember);
  const eveFay = await makeFriendsWithThread(db, eve, fay);
  const group = await makeGroupThread(db, owner, [eve, fay], "Team");
  const sharedGroup = await makeGroupThread(db, owner, [otherMember], "Shared");
  const hal = await makeUser(db, "Hal");
  const [userAId, userBId] = [hal.id, owner.id].sort();
  const friendRequest = await db.friendship.create({ data: { userAId, userBId, requesterId: hal.id, status: "PENDING" } });

  // The owner's shop, and another merchant's shop of vouchers (no address needed) for gifts.
  const mine = await makeProduct(db, { variants: [{ name: "Box", price: 3800, stock: 50 }] });
  await db.shop.update({ where: { id: mine.shop.id }, data: { ownerId: owner.id } });
  const toDelete = await db.product.create({ data: { shopId: mine.shop.id, categoryId: mine.category.id, title: "Old", kind: "PHYSICAL", published: false } });
  const toEdit = await db.product.create({ data: { shopId: mine.shop.id, categoryId: mine.category.id, title: "Draft", kind: "PHYSICAL", published: false } });
  const theirs = await makeProduct(db, { kind: "VOUCHER", variants: [{ name: "Card", price: 1500, stock: 500 }] });
  const voucher = theirs.variants[0].id;
  const later = () => new Date(Date.now() + 3_600_000);

  const giftToAccept = await services.paidGift(eve.id, { kind: "GIFT", variantId: voucher, threadId: direct.id, recipientId: owner.id, message: "收下 🎁" });
  const giftToDecline = await services.paidGift(eve.id, { kind: "GIFT", variantId: voucher, threadId: direct.id, recipientId: owner.id, message: "" });
  const groupGift = await services.paidGift(eve.id, { kind: "GROUP_GIFT", mode: "GROUP", variantId: voucher, threadId: group.id, units: 2, message: "" });
  const lottery = await services.paidGift(eve.id, { kind: "GROUP_GIFT", mode: "LOTTERY", variantId: voucher, threadId: group.id, units: 1, drawAt: later(), message: "" });
  const wonLottery = await services.paidGift(eve.id, { kind: "GROUP_GIFT", mode: "LOTTERY", variantId: voucher, threadId: group.id, units: 1, drawAt: later(), message: "" });
  await services.enterAndDraw(wonLottery, owner.id);
  const paidOrder = await services.paidSelfOrder(stranger.id, mine.variants[0].id);
  const shippedOrder = await services.paidSelfOrder(stranger.id, mine.variants[0].id);
  await services.ship(owner.id, shippedOrder);
  // A refund of the owner's shop: fay declines a gift of the owner's product.
  const declined = await services.paidGift(eve.id, { kind: "GIFT", variantId: mine.variants[0].id, threadId: eveFay.id, recipientId: fay.id, message: "" });
  const refund = await services.decline(fay.id, declined);

  // After-sales in the owner's shop: eve's delivered orders, each with a request.
  const deliveredByOwner = async () => {
    const orderId = await services.paidSelfOrder(eve.id, mine.variants[0].id);
    await services.ship(owner.id, orderId);
    await services.deliver(owner.id, orderId);
    return orderId;
  };
  const requestToApprove = await services.requestAfterSale(eve.id, await deliveredByOwner());
  const requestToReject = await services.requestAfterSale(eve.id, await deliveredByOwner());
  // A voucher of the owner's shop, bought by eve: its code is issued with the payment.
  const ownVoucher = await db.product.create({
    data: { shopId: mine.shop.id, categoryId: mine.category.id, title: "Tea for two", kind: "VOUCHER", published: true, variants: { create: [{ name: "Set", price: 2000, originalPrice: 2000, stock: 5 }] } },
    include: { variants: true },
  });
  const voucherOrder = await services.paidOrder(eve.id, { kind: "SELF", variantId: ownVoucher.variants[0].id, quantity: 1, shipping: null });
  const { code: voucherCode } = await db.voucher.findFirstOrThrow({ where: { orderId: voucherOrder } });

  // The owner's own orders, in a shop of someone who is no actor (so no actor is their merchant).
  const neutral = await makeProduct(db, { variants: [{ name: "Mug", price: 2600, stock: 20 }] });
  const ownOrder = async (step: "shipped" | "delivered") => {
    const orderId = await services.paidSelfOrder(owner.id, neutral.variants[0].id);
    await services.ship(neutral.owner.id, orderId);
    if (step === "delivered") await services.deliver(neutral.owner.id, orderId);
    return orderId;
  };
  const ownShippedOrder = await ownOrder("shipped");
  const ownDeliveredOrder = await ownOrder("delivered");
  const ownRequest = await services.requestAfterSale(owner.id, await ownOrder("delivered"), true);

  const address = (detail: string, isDefault: boolean) =>
    db.address.create({
      data: { userId: owner.id, name: "王芳", phone: "13912345678", provinceCode: "310000", province: "上海市", cityCode: "310100", city: "市辖区", districtCode: "310104", district: "徐汇区", detail, isDefault },
    });
  const addressToEdit = await address("漕溪北路 88 号", true);
  const addressToDelete = await address("天钥桥路 1 号", false);
  const addressToDefault = await address("肇嘉浜路 2 号", false);

  return {
    users: { owner: owner.id, stranger: stranger.id, otherMember: otherMember.id, otherMerchant: theirs.owner.id },
    eve: eve.id,
    fay: fay.id,
    gus: gus.id,
    direct: direct.id,
    group: group.id,
    sharedGroup: sharedGroup.id,
    friendRequest: friendRequest.id,
    shop: mine.shop.id,
    product: mine.product.id,
    variant: mine.variants[0].id,
    productToDelete: toDelete.id,
    productToEdit: toEdit.id,
    categoryId: mine.category.id,
    giftVariant: voucher,
    giftToAccept: { id: giftToAccept, token: services.token(giftToAccept) },
    giftToDecline: { id: giftToDecline, token: services.token(giftToDecline) },
    groupGift: { token: services.token(groupGift) },
    lottery: { token: services.token(lottery) },
    wonLottery: { token: services.token(wonLottery) },
    paidOrder,
    shippedOrder,
    refund,
    voucherCode,
    requestToApprove,
    requestToReject,
    ownShippedOrder,
    ownDeliveredOrder,
    ownRequest,
    addressToEdit: addressToEdit.id,
    addressToDelete: addressToDelete.id,
    addressToDefault: addressToDefault.id,
  };
}

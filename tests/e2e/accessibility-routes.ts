// Every page of the app (app/**/page.tsx, route groups left out), with who opens it and at
// which address, for tests/e2e/accessibility.spec.ts: it runs axe once on each row, in
// English and in Chinese. tests/unit/accessibility-routes.test.ts fails when a page exists
// that has no row here (or a row names a page that is gone), so a new page gets its
// accessibility check when it is added.
import { GIFT_PRODUCT_ID, GIFT_SHOP_ID, type GiftStates } from "./gift-states-client";

/** Who opens the page: signed out, the gift's sender, its recipient, or the seeded shop's merchant. */
export type A11yAccount = "visitor" | "giver" | "taker" | "merchant";

/** One Playwright test per group and language, so the two workers share the checks. */
export const A11Y_GROUPS = ["sign-in and error", "shop", "orders and addresses", "chat", "gifts", "merchant orders", "merchant shops"] as const;
export type A11yGroup = (typeof A11Y_GROUPS)[number];

/** Pages that are not a page.tsx of their own but are still shown to people. */
export const SPECIAL_PAGES = ["not-found", "error"] as const;

export type A11yPage = {
  /** The route pattern of the page file, or one of SPECIAL_PAGES. */
  route: string;
  group: A11yGroup;
  as: A11yAccount;
  path: (s: GiftStates) => string;
  /**
   * Which state of the page the row shows, for a page checked in more than one (the gift
   * page: waiting, accepted, declined, expired, a group gift, the sender's own view).
   */
  state?: string;
  /** The HTTP status the page answers with; 200 unless said. */
  status?: number;
  /** A test id that is on screen once the page shows what it is about (content the browser adds). */
  readyTestId?: string;
  /** A test id shown while parts of the page are still arriving (charts), gone once they are there. */
  busyTestId?: string;
  /**
   * For the error page: once `path` is open, change the language while the server does not
   * know the page's server actions (as for a tab opened before a new deployment), which
   * the page answers with its error boundary.
   */
  failAction?: true;
};

const product = `/products/${GIFT_PRODUCT_ID}`;
const shop = `/merchant/shops/${GIFT_SHOP_ID}`;

export const A11Y_PAGES: A11yPage[] = [
  { route: "/sign-in", group: "sign-in and error", as: "visitor", path: () => "/sign-in" },
  { route: "/sign-up", group: "sign-in and error", as: "visitor", path: () => "/sign-up" },
  { route: "/slow-down", group: "sign-in and error", as: "visitor", path: () => "/slow-down" },
  { route: "not-found", group: "sign-in and error", as: "visitor", path: () => "/no-such-page", status: 404 },
  { route: "error", group: "sign-in and error", as: "visitor", path: () => "/sign-in", failAction: true },

  // The catalogue, signed in (the header then has the search link, the unread badge and the account menu) and signed out.
  { route: "/", group: "shop", as: "giver", path: () => "/" },
  { route: "/shops", group: "shop", as: "visitor", path: () => "/shops" },
  { route: "/shops/[slug]", group: "shop", as: "visitor", path: () => "/shops/sweet-nest-snacks" },
  { route: "/search", group: "shop", as: "giver", path: () => "/search?q=mango" },
  { route: "/products/[id]", group: "shop", as: "giver", path: () => product },
  { route: "/products/[id]/buy", group: "shop", as: "giver", path: () => `${product}/buy` },
  { route: "/products/[id]/share", group: "shop", as: "giver", path: () => `${product}/share` },

  { route: "/checkout/success", group: "orders and addresses", as: "giver", path: (s) => `/checkout/success?session_id=${s.waiting.sessionId}` },
  { route: "/checkout/cancelled", group: "orders and addresses", as: "giver", path: () => "/checkout/cancelled" },
  { route: "/orders", group: "orders and addresses", as: "giver", path: () => "/orders" },
  { route: "/orders/[id]", group: "orders and addresses", as: "giver", path: (s) => `/orders/${s.accepted.orderId}` },
  { route: "/addresses", group: "orders and addresses", as: "taker", path: () => "/addresses" },
  { route: "/addresses/new", group: "orders and addresses", as: "taker", path: () => "/addresses/new" },
  { route: "/addresses/[addressId]", group: "orders and addresses", as: "taker", path: (s) => `/addresses/${s.addressId}` },

  { route: "/chats", group: "chat", as: "giver", path: () => "/chats" },
  { route: "/chats/new", group: "chat", as: "giver", path: () => "/chats/new" },
  // The direct chat holds a gift card in each state (waiting, accepted, declined, expired).
  { route: "/chats/[threadId]", group: "chat", as: "giver", path: (s) => `/chats/${s.directThreadId}`, readyTestId: "gift-card" },
  { route: "/chats/[threadId]/gift", group: "chat", as: "giver", path: (s) => `/chats/${s.directThreadId}/gift` },
  { route: "/chats/[threadId]/members", group: "chat", as: "giver", path: (s) => `/chats/${s.groupThreadId}/members` },
  { route: "/friends", group: "chat", as: "giver", path: () => "/friends" },
  { route: "/gift/new", group: "chat", as: "giver", path: (s) => `/gift/new?product=${GIFT_PRODUCT_ID}&thread=${s.groupThreadId}` },
  { route: "/gift/passphrase", group: "chat", as: "giver", path: () => `/gift/passphrase?product=${GIFT_PRODUCT_ID}` },

  { route: "/gifts", group: "gifts", as: "taker", path: () => "/gifts" },
  // The recipient's view of a waiting gift: the card with its accept form.
  { route: "/gifts/[token]", group: "gifts", as: "taker", path: (s) => s.waiting.link },
  // The same page once the gift has moved on, for a group gift's member, and for its sender.
  { route: "/gifts/[token]", state: "accepted", group: "gifts", as: "taker", path: (s) => s.accepted.link },
  { route: "/gifts/[token]", state: "declined", group: "gifts", as: "taker", path: (s) => s.declined.link },
  { route: "/gifts/[token]", state: "expired", group: "gifts", as: "taker", path: (s) => s.expired.link },
  { route: "/gifts/[token]", state: "group", group: "gifts", as: "taker", path: (s) => s.group.link },
  { route: "/gifts/[token]", state: "sender", group: "gifts", as: "giver", path: (s) => s.waiting.link },
  // Accepted, shipped, delivered, with an after-sales request.
  { route: "/gifts/received/[giftId]", group: "gifts", as: "taker", path: (s) => `/gifts/received/${s.accepted.giftId}` },
  { route: "/gifts/sent/[giftId]", group: "gifts", as: "giver", path: (s) => `/gifts/sent/${s.group.giftId}` },

  { route: "/merchant/orders", group: "merchant orders", as: "merchant", path: () => "/merchant/orders" },
  { route: "/merchant/orders/[orderId]", group: "merchant orders", as: "merchant", path: (s) => `/merchant/orders/${s.accepted.orderId}` },
  { route: "/merchant/after-sales", group: "merchant orders", as: "merchant", path: () => "/merchant/after-sales" },
  { route: "/merchant/slips", group: "merchant orders", as: "merchant", path: () => "/merchant/slips" },
  { route: "/merchant/slips/[orderId]", group: "merchant orders", as: "merchant", path: (s) => `/merchant/slips/${s.accepted.orderId}` },
  { route: "/merchant/vouchers", group: "merchant orders", as: "merchant", path: () => "/merchant/vouchers" },
  { route: "/merchant/analytics", group: "merchant orders", as: "merchant", path: () => "/merchant/analytics", busyTestId: "chart-loading" },

  { route: "/merchant", group: "merchant shops", as: "merchant", path: () => "/merchant" },
  { route: "/merchant/shops/new", group: "merchant shops", as: "merchant", path: () => "/merchant/shops/new" },
  { route: "/merchant/shops/[shopId]", group: "merchant shops", as: "merchant", path: () => shop },
  { route: "/merchant/shops/[shopId]/settings", group: "merchant shops", as: "merchant", path: () => `${shop}/settings` },
  { route: "/merchant/shops/[shopId]/gift-zone", group: "merchant shops", as: "merchant", path: () => `${shop}/gift-zone` },
  { route: "/merchant/shops/[shopId]/products/new", group: "merchant shops", as: "merchant", path: () => `${shop}/products/new` },
  {
    route: "/merchant/shops/[shopId]/products/[productId]",
    group: "merchant shops",
    as: "merchant",
    path: () => `${shop}/products/${GIFT_PRODUCT_ID}`,
  },
];

/** The route pattern of a page file: `app/(shop)/products/[id]/page.tsx` → `/products/[id]`. */
export function routeOfPageFile(file: string): string {
  const segments = file
    .replace(/\\/g, "/")
    .replace(/^app\//, "")
    .replace(/(^|\/)page\.tsx$/, "")
    .split("/")
    .filter((s) => s && !/^\(.*\)$/.test(s));
  return `/${segments.join("/")}`;
}

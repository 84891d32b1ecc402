// Every page of the app, as a route pattern (app/**/page.tsx with the route groups left
// out). tests/e2e/accessibility.spec.ts checks each of them with axe in both languages, and
// tests/unit/accessibility-routes.test.ts fails when a page exists that is not listed here:
// a new page gets its accessibility check when it is added.
export const A11Y_ROUTES = [
  "/",
  "/addresses",
  "/addresses/[addressId]",
  "/addresses/new",
  "/chats",
  "/chats/[threadId]",
  "/chats/[threadId]/gift",
  "/chats/[threadId]/members",
  "/chats/new",
  "/checkout/cancelled",
  "/checkout/success",
  "/friends",
  "/gift/new",
  "/gifts",
  "/gifts/[token]",
  "/gifts/received/[giftId]",
  "/gifts/sent/[giftId]",
  "/merchant",
  "/merchant/after-sales",
  "/merchant/orders",
  "/merchant/orders/[orderId]",
  "/merchant/shops/[shopId]",
  "/merchant/shops/[shopId]/gift-zone",
  "/merchant/shops/[shopId]/products/[productId]",
  "/merchant/shops/[shopId]/products/new",
  "/merchant/shops/[shopId]/settings",
  "/merchant/shops/new",
  "/merchant/slips",
  "/merchant/slips/[orderId]",
  "/merchant/vouchers",
  "/orders",
  "/orders/[id]",
  "/products/[id]",
  "/products/[id]/buy",
  "/search",
  "/shops",
  "/shops/[slug]",
  "/sign-in",
  "/sign-up",
  "/slow-down",
] as const;

export type A11yRoute = (typeof A11Y_ROUTES)[number];

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

// A new address typed into a gift's accept form, with "save to my addresses" ticked, goes
// into the book only when the take or accept went through: a refused one (all taken, taken
// twice) leaves the book as it was. The actions run outside Next, so the session and the
// request headers are supplied here as in action-limits.test.ts.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { giftToken } from "../../lib/gifting/token.ts";
import { startCheckout } from "../../lib/orders/checkout.ts";
import { makeProduct, makeUser } from "../setup/fixtures.ts";
import { usePayments } from "../setup/payments.ts";
import { useTestDatabase } from "../setup/test-db.ts";

const request = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("next/headers", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/headers")>()),
  headers: async () => new Headers({ "x-forwarded-for": "203.0.113.7" }),
  // The real session cookie for the acting user, opened as in a request.
  cookies: async () => (await import("../setup/session-cookie.ts")).sessionCookieStore(request.userId),
}));
// Page cache invalidation is Next's business and needs its request store.
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const t = useTestDatabase();
const pay = usePayments(() => t.url);
beforeAll(() => {
  process.env.DATABASE_URL = t.url;
});

/** The accept form as the browser posts it: a new address, kept in the book. */
function acceptForm(token: string) {
  const form = new FormData();
  const fields: Record<string, string> = {
    token,
    "address.addressId": "new",
    "address.name": "王芳",
    "address.phone": "13912345678",
    "address.provinceCode": "310000",
    "address.cityCode": "310100",
    "address.districtCode": "310104",
    "address.detail": "漕溪北路 88 号",
    "address.save": "on",
  };
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return form;
}

/** "Take one" as the gift sheet posts it: the form url-encoded to the gift's claims route. */
async function takeOne(token: string, headers: Record<string, string> = {}) {
  const { POST } = await import("../../app/(chat)/gifts/[token]/claims/route.ts");
  const body = new URLSearchParams();
  for (const [k, v] of acceptForm(token)) body.append(k, String(v));
  const res = await POST(new Request(`http://app.test/gifts/${token}/claims`, { method: "POST", body, headers }), { params: Promise.resolve({ token }) });
  return { status: res.status, ...((await res.json()) as object) };
}

describe("the address book and a gift's accept form", () => {
  it("keeps the new address after a unit is taken, and not after a refused take", async () => {
    const sender = await makeUser(t.db, "Host");
    const [first, second, late] = [await makeUser(t.db, "First"), await makeUser(t.db, "Second"), await makeUser(t.db, "Late")];
    const thread = await t.db.thread.create({
      data: { kind: "GROUP", title: `Team ${randomBytes(3).toString("hex")}`, createdById: sender.id, members: { create: [sender, first, second, late].map((u) => ({ userId: u.id })) } },
    });
    const { variants } = await makeProduct(t.db, { variants: [{ name: "Cup", price: 1500, stock: 10 }] });
    const { orderId } = await startCheckout(t.db, sender.id, { kind: "GROUP_GIFT", mode: "GROUP", variantId: variants[0].id, threadId: thread.id, units: 2, message: "" });
    await pay.pay((await t.db.order.findUniqueOrThrow({ where: { id: orderId } })).stripeCheckoutSessionId!);
    const gift = await t.db.gift.findUniqueOrThrow({ where: { orderId } });
    const book = (userId: string) => t.db.address.count({ where: { userId } });

    request.userId = first.id;
    // A post from another site is refused before anything is read or written.
    expect(await takeOne(giftToken(gift.id), { origin: "https://elsewhere.test" })).toMatchObject({ status: 403, ok: false });
    expect(await t.db.giftClaim.count({ where: { giftId: gift.id } })).toBe(0);
    expect(await takeOne(giftToken(gift.id))).toMatchObject({ status: 200, ok: true, data: { left: 1 } });
    expect(await book(first.id)).toBe(1);

    // A second tap is refused, and the book still holds the one address.
    expect(await takeOne(giftToken(gift.id))).toMatchObject({ status: 400, ok: false, formError: "gift.group.alreadyTaken" });
    expect(await book(first.id)).toBe(1);

    // The sender cannot take one: nothing goes into their book either.
    request.userId = sender.id;
    expect(await takeOne(giftToken(gift.id))).toMatchObject({ ok: false, formError: "gift.group.senderCannotTake" });
    expect(await book(sender.id)).toBe(0);

    request.userId = second.id;
    expect(await takeOne(giftToken(gift.id))).toMatchObject({ ok: true });
    expect(await book(second.id)).toBe(1);

    // Both units are gone: a latecomer is refused and keeps an empty book.
    request.userId = late.id;
    expect(await takeOne(giftToken(gift.id))).toMatchObject({ ok: false, formError: "gift.group.allTaken" });
    expect(await book(late.id)).toBe(0);
  });
});

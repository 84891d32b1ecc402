// Each limited server action answers a refusal as a form error with the wait, through
// safe-action, counted in PostgreSQL. The request around the action is supplied here:
// the session cookie and Next's request headers (the actions run outside Next).
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { closeRateLimits } from "../../lib/rate-limit/index.ts";
import { useTestDatabase } from "../setup/test-db.ts";

const request = vi.hoisted(() => ({ userId: null as string | null, address: "203.0.113.1" }));
vi.mock("next/headers", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/headers")>()),
  headers: async () => new Headers({ "x-forwarded-for": request.address }),
  // The real session cookie for the acting user, opened as in a request.
  cookies: async () => (await import("../setup/session-cookie.ts")).sessionCookieStore(request.userId),
}));

const t = useTestDatabase();
let users: string[];

beforeAll(async () => {
  process.env.DATABASE_URL = t.url;
  process.env.LANBAO_LIMIT_MESSAGE = "3/1m";
  process.env.LANBAO_LIMIT_FRIEND_REQUEST = "2/1h";
  process.env.LANBAO_LIMIT_CHECKOUT = "2/10m";
  process.env.LANBAO_LIMIT_SIGN_UP = "2/10m";
  process.env.LANBAO_LIMIT_GIFT_LINK_OPEN = "2/10m";
  users = [];
  for (const name of ["Ada", "Bea"]) {
    const u = await t.db.user.create({ data: { name, email: `${name.toLowerCase()}@example.com`, lanbaoId: `lb${name.toLowerCase()}00000` } });
    users.push(u.id);
  }
});
afterAll(async () => {
  await closeRateLimits();
  for (const k of ["DATABASE_URL", "LANBAO_LIMIT_MESSAGE", "LANBAO_LIMIT_FRIEND_REQUEST", "LANBAO_LIMIT_CHECKOUT", "LANBAO_LIMIT_SIGN_UP", "LANBAO_LIMIT_GIFT_LINK_OPEN"]) delete process.env[k];
});
beforeEach(() => {
  request.userId = users[0];
  request.address = "203.0.113.1";
});

/** Refused by the rate limit (rather than by the service behind the action)? */
function limited(r: { ok: boolean; formError?: string }) {
  return !r.ok && (r.formError ?? "").startsWith("limits.");
}

function form(fields: Record<string, string>) {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
}

describe("rate-limited actions", () => {
  it("sending messages: the fourth in a minute is refused with the wait, for that user only", async () => {
    const { sendMessageAction } = await import("../../app/(chat)/chats/[threadId]/actions.ts");
    const send = () => sendMessageAction({ threadId: "no-such-thread", body: "hello" });
    for (let i = 0; i < 3; i++) {
      const r = await send();
      // Refused by the chat service (not a member), not by the limit.
      expect(r.ok).toBe(false);
      expect(limited(r)).toBe(false);
    }
    expect(await send()).toEqual({ ok: false, fieldErrors: {}, formError: "limits.tryAgainIn.m1" });
    request.userId = users[1];
    expect(limited(await send())).toBe(false);
  });

  it("bad input is not counted", async () => {
    const { sendMessageAction } = await import("../../app/(chat)/chats/[threadId]/actions.ts");
    request.userId = users[1];
    const r = await sendMessageAction({ threadId: "t", body: "   " });
    expect(r).toMatchObject({ ok: false, fieldErrors: { body: ["validation.required"] } });
  });

  it("friend requests: the third in an hour is refused", async () => {
    const { sendFriendRequestAction } = await import("../../app/(chat)/friends/actions.ts");
    const results = [];
    for (let i = 0; i < 3; i++) results.push(await sendFriendRequestAction({ userId: "nobody" }));
    expect(results.slice(0, 2).map(limited)).toEqual([false, false]);
    expect(results[2]).toEqual({ ok: false, fieldErrors: {}, formError: "limits.tryAgainIn.h1" });
  });

  it("checkout creation: buy now and send a gift share one limit", async () => {
    const { buyNowAction } = await import("../../app/(shop)/products/[id]/buy/actions.ts");
    const { sendGiftAction } = await import("../../app/(chat)/gift/new/actions.ts");
    const buy = await buyNowAction(null, form({ productId: "no-product", variantId: "no-variant", quantity: "1" }));
    expect(buy).toMatchObject({ ok: false, fieldErrors: { variantId: ["product.buy.variantUnavailable"] } });
    const gift = await sendGiftAction(null, form({ variantId: "no-variant", recipientId: users[1], threadId: "no-thread", message: "" }));
    expect(gift.ok).toBe(false);
    expect(limited(gift)).toBe(false);
    expect(await buyNowAction(null, form({ productId: "no-product", variantId: "no-variant", quantity: "1" }))).toEqual({
      ok: false,
      fieldErrors: {},
      formError: "limits.tryAgainIn.m10",
    });
    expect(await sendGiftAction(null, form({ variantId: "no-variant", recipientId: users[1], threadId: "no-thread", message: "" }))).toEqual({
      ok: false,
      fieldErrors: {},
      formError: "limits.tryAgainIn.m10",
    });
  });

  it("sign-up: counted per client address", async () => {
    const { signUpAction } = await import("../../app/(auth)/sign-up/actions.ts");
    request.userId = null;
    request.address = "192.0.2.10";
    const newcomer = (i: number) => ({ name: `New ${i}`, email: `new-${i}@example.com`, password: "a-good-password" });
    expect(await signUpAction(newcomer(1))).toEqual({ ok: true, data: null });
    // A taken email answers exactly like a new one.
    expect(await signUpAction({ name: "Not Ada", email: "ada@example.com", password: "another-password" })).toEqual({ ok: true, data: null });
    expect(await signUpAction(newcomer(2))).toEqual({ ok: false, fieldErrors: {}, formError: "limits.tryAgainIn.m10" });
    expect(await t.db.user.count({ where: { email: "new-2@example.com" } })).toBe(0);
    request.address = "192.0.2.11";
    expect(await signUpAction(newcomer(2))).toEqual({ ok: true, data: null });
    expect(await t.db.user.count({ where: { email: "ada@example.com" } })).toBe(1);
  });

  it("gift links: past the limit the page sends the user to the slow-down notice", async () => {
    const { limitGiftLinkOpen } = await import("../../lib/rate-limit/request.ts");
    await limitGiftLinkOpen(users[0], "/gifts/abc");
    await limitGiftLinkOpen(users[0], "/gifts/abc");
    const refused = await limitGiftLinkOpen(users[0], "/gifts/abc").then(
      () => null,
      (err: Error & { digest?: string }) => err.digest ?? String(err),
    );
    expect(refused).toMatch(/^NEXT_REDIRECT;replace;\/slow-down\?wait=\d+&from=%2Fgifts%2Fabc;307;/);
    const wait = Number(/wait=(\d+)/.exec(refused!)![1]);
    expect(wait).toBeGreaterThan(590);
    expect(wait).toBeLessThanOrEqual(600);
    await expect(limitGiftLinkOpen(users[1], "/gifts/abc")).resolves.toBeUndefined();
  });
});

// What specs import to get gifts in every state: runs tests/e2e/gift-states.ts under tsx
// (see there why it is a process of its own) and returns what it made.
import { execFile } from "node:child_process";
import { promisify } from "node:util";

export const GIFT_PRODUCT_ID = "seed-product-dried-mango";
export const GIFT_SHOP_ID = "seed-shop-snacks";

export type TestUser = { id: string; name: string; email: string; password: string };
export type PaidGift = { giftId: string; orderId: string; sessionId: string; link: string };
export type TestPair = { giver: TestUser; taker: TestUser; threadId: string; addressId: string };
export type GiftStates = {
  giver: TestUser;
  taker: TestUser;
  third: TestUser;
  directThreadId: string;
  groupThreadId: string;
  addressId: string;
  waiting: PaidGift;
  accepted: PaidGift;
  declined: PaidGift;
  expired: PaidGift;
  group: PaidGift;
  lottery: PaidGift;
  afterSaleRequestId: string;
};

async function run<T>(kind: "states" | "pair", label: string): Promise<T> {
  const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", "tests/e2e/gift-states.ts", kind, label], {
    timeout: 90_000,
    maxBuffer: 1024 * 1024,
  });
  return JSON.parse(stdout.trim().split("\n").pop()!) as T;
}

/** Three friends, their direct and group chats, and a gift in each state (all paid in the sandbox). */
export const makeGiftStates = (label: string) => run<GiftStates>("states", label);

/** Two friends and their chat; the taker has a default address in the book. */
export const makeFriendPair = (label: string) => run<TestPair>("pair", label);

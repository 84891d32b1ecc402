import { describe, expect, it } from "vitest";
import { openerPolicy } from "@/lib/security/headers";

describe("openerPolicy", () => {
  it("keeps other windows' handles off every page that shows or takes an account's data", () => {
    for (const path of [
      "/",
      "/sign-in",
      "/sign-up",
      "/chats",
      "/chats/abc",
      "/gifts",
      "/gifts/some-gift-link-token",
      "/gift/passphrase",
      "/addresses",
      "/orders/o1",
      "/checkout/success",
      "/products/p1/buy",
      "/products/p1/share",
      "/merchant",
      "/merchant/shops/s1",
      "/after-sales/r1",
      "/friends",
    ]) {
      expect(openerPolicy(path), path).toBe("same-origin");
    }
  });

  it("leaves the public catalog a visitor opens cold from a shared link without one", () => {
    for (const path of ["/shops", "/shops/", "/shops/blue-bean-coffee", "/products/seed-product-yunnan-beans", "/search"]) {
      expect(openerPolicy(path), path).toBeNull();
    }
  });
});

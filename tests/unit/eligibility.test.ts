import { describe, expect, it } from "vitest";
import {
  GIFT_ORIGINAL_PRICE_LIMIT,
  productGiftEligibility,
  variantGiftEligibility,
  type EligibilityInput,
} from "../../lib/gifting/eligibility.ts";

const ok: EligibilityInput = {
  shop: { giftingEnabled: true },
  category: { giftEligible: true },
  product: { published: true },
  variant: { originalPrice: 9900, stock: 3 },
};

describe("gift eligibility, one rule at a time", () => {
  it("allows an ordinary product", () => {
    expect(variantGiftEligibility(ok)).toEqual({ eligible: true });
  });
  it("refuses when the shop has gifting off", () => {
    expect(variantGiftEligibility({ ...ok, shop: { giftingEnabled: false } })).toEqual({ eligible: false, reasons: ["shopGiftingOff"] });
  });
  it("refuses an excluded category (jewelry, education)", () => {
    expect(variantGiftEligibility({ ...ok, category: { giftEligible: false } })).toEqual({ eligible: false, reasons: ["categoryExcluded"] });
  });
  it("allows exactly ¥10,000 and refuses one fen more", () => {
    expect(variantGiftEligibility({ ...ok, variant: { originalPrice: GIFT_ORIGINAL_PRICE_LIMIT, stock: 1 } }).eligible).toBe(true);
    expect(variantGiftEligibility({ ...ok, variant: { originalPrice: GIFT_ORIGINAL_PRICE_LIMIT + 1, stock: 1 } })).toEqual({
      eligible: false,
      reasons: ["priceTooHigh"],
    });
  });
  it("refuses an unpublished product", () => {
    expect(variantGiftEligibility({ ...ok, product: { published: false } })).toEqual({ eligible: false, reasons: ["notPublished"] });
  });
  it("refuses a variant out of stock", () => {
    expect(variantGiftEligibility({ ...ok, variant: { originalPrice: 100, stock: 0 } })).toEqual({ eligible: false, reasons: ["outOfStock"] });
  });
  it("reports every reason at once", () => {
    const r = variantGiftEligibility({ shop: { giftingEnabled: false }, category: { giftEligible: false }, product: { published: true }, variant: { originalPrice: 2_000_000, stock: 1 } });
    expect(r).toEqual({ eligible: false, reasons: ["shopGiftingOff", "categoryExcluded", "priceTooHigh"] });
  });
});

describe("product eligibility", () => {
  const base = { shop: ok.shop, category: ok.category, published: true };
  it("is giftable when one variant is, and names the giftable variants", () => {
    const r = productGiftEligibility({
      ...base,
      variants: [
        { id: "cheap", originalPrice: 5000, stock: 2 },
        { id: "luxury", originalPrice: 2_000_000, stock: 2 },
      ],
    });
    expect(r).toEqual({ eligible: true, giftableVariantIds: ["cheap"] });
  });
  it("explains why when no variant is giftable", () => {
    const r = productGiftEligibility({ ...base, variants: [{ id: "luxury", originalPrice: 2_000_000, stock: 2 }] });
    expect(r).toEqual({ eligible: false, reasons: ["priceTooHigh"], giftableVariantIds: [] });
  });
});

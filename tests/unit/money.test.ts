import { describe, expect, it } from "vitest";
import { formatMoney } from "../../lib/money/format.ts";

describe("formatMoney", () => {
  it("shows fen as yuan with two decimals", () => {
    expect(formatMoney(0)).toBe("¥0.00");
    expect(formatMoney(5)).toBe("¥0.05");
    expect(formatMoney(3800)).toBe("¥38.00");
    expect(formatMoney(123456789)).toBe("¥1,234,567.89");
    expect(formatMoney(-250)).toBe("-¥2.50");
  });
  it("refuses non-integer amounts instead of rounding money", () => {
    expect(() => formatMoney(12.5)).toThrow(/integer/);
  });
});

// Pure parts of merchant analytics: Asia/Shanghai days, how ranges are read (months and the
// days around them), the acceptance-time buckets, the range form's rules, CSV fields and
// the headline's rates.
import { describe, expect, it } from "vitest";
import { csvField, csvLine, fenToDecimal } from "../../lib/analytics/csv.ts";
import { addDays, dayCount, dayStart, eachDay, isDay, shanghaiDay } from "../../lib/analytics/days.ts";
import { headlineFigures } from "../../lib/analytics/figures.ts";
import { splitRange } from "../../lib/analytics/queries.ts";
import { acceptDelayBucket, toDayRanges } from "../../lib/analytics/refresh.ts";
import { analyticsQuerySchema, presetDays } from "../../lib/analytics/scope.ts";

describe("Asia/Shanghai days", () => {
  it("a day runs from 16:00 UTC the evening before", () => {
    expect(shanghaiDay(new Date("2026-11-20T15:59:59.999Z"))).toBe("2026-11-20");
    expect(shanghaiDay(new Date("2026-11-20T16:00:00.000Z"))).toBe("2026-11-21");
    expect(dayStart("2026-11-21").toISOString()).toBe("2026-11-20T16:00:00.000Z");
    // New Year in Shanghai is still the old year in UTC.
    expect(shanghaiDay(new Date("2026-12-31T17:00:00Z"))).toBe("2027-01-01");
  });

  it("counts and walks days across months and leap years", () => {
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2027-03-01", -1)).toBe("2027-02-28");
    expect(dayCount("2026-11-01", "2026-11-30")).toBe(30);
    expect(eachDay("2026-12-30", "2027-01-02")).toEqual(["2026-12-30", "2026-12-31", "2027-01-01", "2027-01-02"]);
    expect(isDay("2026-02-29")).toBe(false);
    expect(isDay("2028-02-29")).toBe(true);
    expect(isDay("2026-1-05")).toBe(false);
  });

  it("presets end today in Shanghai and count it in", () => {
    // 15:30 UTC is 23:30 on 1 Dec in Shanghai; an hour later it is 2 Dec there.
    expect(presetDays("7d", new Date("2026-12-01T15:30:00Z"))).toEqual({ from: "2026-11-25", to: "2026-12-01" });
    expect(presetDays("7d", new Date("2026-12-01T16:30:00Z"))).toEqual({ from: "2026-11-26", to: "2026-12-02" });
    expect(presetDays("30d", new Date("2026-12-01T04:00:00Z"))).toEqual({ from: "2026-11-02", to: "2026-12-01" });
  });
});

describe("reading a range from the rollups", () => {
  it("takes whole months from MONTH rows and the days around them from DAY rows", () => {
    expect(splitRange("2024-12-02", "2026-12-01")).toEqual({
      months: { from: "2025-01-01", to: "2026-12-01" },
      days: [
        ["2024-12-02", "2024-12-31"],
        ["2026-12-01", "2026-12-01"],
      ],
    });
    expect(splitRange("2026-10-01", "2026-10-31")).toEqual({ months: { from: "2026-10-01", to: "2026-11-01" }, days: [] });
    expect(splitRange("2026-09-30", "2026-11-21")).toEqual({
      months: { from: "2026-10-01", to: "2026-11-01" },
      days: [
        ["2026-09-30", "2026-09-30"],
        ["2026-11-01", "2026-11-21"],
      ],
    });
    expect(splitRange("2026-10-02", "2026-10-31")).toEqual({ months: null, days: [["2026-10-02", "2026-10-31"]] });
    expect(splitRange("2026-11-18", "2026-11-21")).toEqual({ months: null, days: [["2026-11-18", "2026-11-21"]] });
    expect(splitRange("2026-01-31", "2026-03-01")).toEqual({
      months: { from: "2026-02-01", to: "2026-03-01" },
      days: [
        ["2026-01-31", "2026-01-31"],
        ["2026-03-01", "2026-03-01"],
      ],
    });
  });

  it("rebuilds days in runs of consecutive days that never cross a month or a shop", () => {
    const days = [
      { shopId: "b", day: "2026-11-01" },
      { shopId: "a", day: "2026-10-30" },
      { shopId: "a", day: "2026-10-31" },
      { shopId: "a", day: "2026-11-01" },
      { shopId: "a", day: "2026-11-02" },
      { shopId: "a", day: "2026-11-02" },
      { shopId: "a", day: "2026-11-05" },
    ];
    expect(toDayRanges(days)).toEqual([
      { shopId: "a", from: "2026-10-30", to: "2026-10-31" },
      { shopId: "a", from: "2026-11-01", to: "2026-11-02" },
      { shopId: "a", from: "2026-11-05", to: "2026-11-05" },
      { shopId: "b", from: "2026-11-01", to: "2026-11-01" },
    ]);
  });

  it("keeps acceptance times to the minute for two hours, then to ten minutes, then to the hour", () => {
    expect([0, 1, 59.9, 119, 120, 157, 1439, 1440, 1445, 1501, -3].map(acceptDelayBucket)).toEqual([0, 1, 59, 119, 120, 150, 1430, 1440, 1440, 1500, 0]);
  });
});

describe("the range form", () => {
  it("takes a preset, or a custom range of real days in order and at most three years", () => {
    expect(analyticsQuerySchema.parse({})).toMatchObject({ range: "30d" });
    expect(analyticsQuerySchema.parse({ range: "7d", from: "", to: "", shop: "" })).toEqual({ range: "7d" });
    expect(analyticsQuerySchema.parse({ range: "custom", from: "2026-01-01", to: "2026-01-31" })).toMatchObject({ from: "2026-01-01", to: "2026-01-31" });
    const errors = (q: object) => analyticsQuerySchema.safeParse(q).error?.issues.map((i) => `${i.path.join(".")}:${i.message}`);
    expect(errors({ range: "custom" })).toEqual(["from:validation.required", "to:validation.required"]);
    expect(errors({ range: "custom", from: "2026-02-30", to: "2026-03-01" })).toEqual(["from:analytics.errors.dayInvalid"]);
    expect(errors({ range: "custom", from: "2026-03-02", to: "2026-03-01" })).toEqual(["to:analytics.errors.rangeOrder"]);
    expect(errors({ range: "custom", from: "2020-01-01", to: "2026-03-01" })).toEqual(["from:analytics.errors.rangeTooLong"]);
    expect(errors({ range: "1y" })?.[0]).toMatch(/^range:/);
  });
});

describe("CSV", () => {
  it("quotes what needs quoting and keeps formulas as text", () => {
    expect(csvField("plain 中文")).toBe("plain 中文");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("=HYPERLINK(\"x\")")).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField("+86 138")).toBe("'+86 138");
    expect(csvField("-5")).toBe("'-5");
    expect(csvField("@sum")).toBe("'@sum");
    expect(csvField(-5)).toBe("-5");
    expect(csvField(null)).toBe("");
    expect(csvLine(["a", 1, null, "b,c"])).toBe('a,1,,"b,c"\r\n');
  });

  it("writes fen as a decimal amount without floats", () => {
    expect([0, 5, 100, 123456, 1999, -250].map(fenToDecimal)).toEqual(["0.00", "0.05", "1.00", "1234.56", "19.99", "-2.50"]);
  });
});

describe("headline figures", () => {
  const none = { orders: 0, units: 0, salesAmount: 0, refundAmount: 0, netAmount: 0 };
  it("shows no rate rather than 0 % when there is nothing to divide by", () => {
    const figures = headlineFigures({
      summary: { gift: none, self: none, outcomes: { gifts: 0, units: 0, accepted: 0, declined: 0, expired: 0, waiting: 0 }, afterSales: { gift: 0, self: 0 } },
      acceptTime: { minutes: null, accepted: 0 },
    });
    const byKey = Object.fromEntries(figures.map((f) => [f.key, f.value]));
    expect(byKey.acceptanceRate).toEqual({ type: "ratio", value: null, numerator: 0, denominator: 0 });
    expect(byKey.giftShare).toMatchObject({ value: null });
    expect(byKey.medianAcceptTime).toEqual({ type: "minutes", value: null });
    expect(byKey.afterSalesRate).toMatchObject({ value: null });
  });

  it("rates gift units over those whose fate is known; waiting units wait", () => {
    const figures = headlineFigures({
      summary: {
        gift: { orders: 3, units: 6, salesAmount: 6000, refundAmount: 1000, netAmount: 5000 },
        self: { orders: 1, units: 1, salesAmount: 15000, refundAmount: 0, netAmount: 15000 },
        outcomes: { gifts: 3, units: 6, accepted: 3, declined: 1, expired: 1, waiting: 1 },
        afterSales: { gift: 1, self: 0 },
      },
      acceptTime: { minutes: 42, accepted: 3 },
    });
    const byKey = Object.fromEntries(figures.map((f) => [f.key, f]));
    expect(byKey.acceptanceRate?.value).toEqual({ type: "ratio", value: 3 / 5, numerator: 3, denominator: 5 });
    expect(byKey.declineRate?.value).toMatchObject({ numerator: 1, denominator: 5 });
    expect(byKey.expiryRate?.value).toMatchObject({ numerator: 1, denominator: 5 });
    expect(byKey.giftShare?.value).toMatchObject({ numerator: 5000, denominator: 20000 });
    expect(byKey.giftShare?.note?.value).toMatchObject({ numerator: 3, denominator: 4 });
    expect(byKey.units?.value).toEqual({ type: "count", value: 7 });
    expect(byKey.medianAcceptTime?.value).toEqual({ type: "minutes", value: 42 });
    // After-sales: per paid order, both kinds.
    expect(byKey.afterSalesRate?.value).toEqual({ type: "ratio", value: 1 / 4, numerator: 1, denominator: 4 });
  });
});

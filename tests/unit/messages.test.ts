import { describe, expect, it } from "vitest";
import en from "../../lib/i18n/messages/en.ts";
import zh from "../../lib/i18n/messages/zh-CN.ts";

function keys(obj: Record<string, unknown>, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === "object" ? keys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe("i18n messages", () => {
  it("English and Simplified Chinese have exactly the same keys", () => {
    const enKeys = keys(en).sort();
    const zhKeys = keys(zh).sort();
    expect(enKeys.filter((k) => !zhKeys.includes(k))).toEqual([]);
    expect(zhKeys.filter((k) => !enKeys.includes(k))).toEqual([]);
  });
  it("has no empty message", () => {
    const empty = [...keys(en).map((k) => ["en", k]), ...keys(zh).map((k) => ["zh-CN", k])].filter(([loc, k]) => {
      const v = k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], loc === "en" ? en : zh);
      return typeof v !== "string" || v.trim() === "";
    });
    expect(empty).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage, resolveLocale } from "../../lib/i18n/negotiate.ts";

describe("locale negotiation", () => {
  it("follows Accept-Language on a first visit", () => {
    expect(localeFromAcceptLanguage("zh-CN,zh;q=0.9,en;q=0.8")).toBe("zh-CN");
    expect(localeFromAcceptLanguage("en-US,en;q=0.9")).toBe("en");
    expect(localeFromAcceptLanguage("zh-TW")).toBe("zh-CN");
  });
  it("honours q-values rather than order", () => {
    expect(localeFromAcceptLanguage("en;q=0.5, zh;q=0.9")).toBe("zh-CN");
    expect(localeFromAcceptLanguage("fr, zh;q=0, en;q=0.1")).toBe("en");
  });
  it("falls back to English for unknown or missing languages", () => {
    expect(localeFromAcceptLanguage("fr-FR,de;q=0.8")).toBe("en");
    expect(localeFromAcceptLanguage(undefined)).toBe("en");
    expect(localeFromAcceptLanguage("")).toBe("en");
  });
  it("lets the language switch cookie win, ignoring invalid cookie values", () => {
    expect(resolveLocale("zh-CN", "en-US")).toBe("zh-CN");
    expect(resolveLocale("en", "zh-CN")).toBe("en");
    expect(resolveLocale("klingon", "zh-CN")).toBe("zh-CN");
  });
});

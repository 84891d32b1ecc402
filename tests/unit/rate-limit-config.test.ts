import { describe, expect, it } from "vitest";
import { signInErrorKeys } from "../../lib/auth/sign-in-errors.ts";
import { clientAddress, normaliseAddress, trustedProxies } from "../../lib/rate-limit/client-address.ts";
import { parseDuration, parseRate, readRateLimitConfig } from "../../lib/rate-limit/config.ts";
import { waitMessageKey } from "../../lib/rate-limit/wait-message.ts";

describe("rate limit settings", () => {
  it("reads counts and periods", () => {
    expect(parseDuration("90s")).toBe(90);
    expect(parseDuration("10m")).toBe(600);
    expect(parseDuration("2h")).toBe(7200);
    expect(parseDuration("1d")).toBe(86400);
    expect(parseDuration("0m")).toBeNull();
    expect(parseDuration("10")).toBeNull();
    expect(parseRate("30/10m")).toEqual({ count: 30, seconds: 600 });
    expect(parseRate(" 5 / 24h ")).toEqual({ count: 5, seconds: 86400 });
    expect(parseRate("0/1m")).toBeNull();
    expect(parseRate("lots")).toBeNull();
  });

  it("has defaults, takes overrides from the environment, and refuses nonsense by name", () => {
    const defaults = readRateLimitConfig({});
    expect(defaults.actions.checkout).toEqual({ points: 30, durationSeconds: 600 });
    expect(defaults.signIn.accountAddress).toEqual({ attempts: 5, forgetSeconds: 86400 });
    expect(defaults.signInDelaysSeconds).toEqual([30, 60, 120, 300, 600, 900]);

    const custom = readRateLimitConfig({ LANBAO_LIMIT_MESSAGE: "5/10s", LANBAO_SIGN_IN_DELAYS: "1s,2s" });
    expect(custom.actions.message).toEqual({ points: 5, durationSeconds: 10 });
    expect(custom.signInDelaysSeconds).toEqual([1, 2]);

    expect(() => readRateLimitConfig({ LANBAO_LIMIT_CHECKOUT: "many" })).toThrow(/LANBAO_LIMIT_CHECKOUT/);
    expect(() => readRateLimitConfig({ LANBAO_SIGN_IN_DELAYS: "30s,soon" })).toThrow(/LANBAO_SIGN_IN_DELAYS/);
  });
});

describe("wait messages", () => {
  it("name the first step at or above the wait, never less", () => {
    expect(waitMessageKey(1)).toBe("limits.tryAgainIn.s10");
    expect(waitMessageKey(30)).toBe("limits.tryAgainIn.s30");
    expect(waitMessageKey(31)).toBe("limits.tryAgainIn.m1");
    expect(waitMessageKey(61)).toBe("limits.tryAgainIn.m2");
    expect(waitMessageKey(600)).toBe("limits.tryAgainIn.m10");
    expect(waitMessageKey(3 * 86400)).toBe("limits.tryAgainIn.h24");
  });

  it("turn the sign-in error codes into what the form says", () => {
    expect(signInErrorKeys("invalid")).toEqual(["auth.invalid"]);
    expect(signInErrorKeys("CredentialsSignin")).toEqual(["auth.invalid"]);
    expect(signInErrorKeys("invalid:30")).toEqual(["auth.invalid", "limits.tryAgainIn.s30"]);
    expect(signInErrorKeys("limited:100")).toEqual(["limits.tryAgainIn.m2"]);
    expect(signInErrorKeys("Configuration")).toEqual(["auth.failed"]);
    expect(signInErrorKeys(undefined)).toEqual(["auth.failed"]);
  });
});

describe("client address", () => {
  it("takes the entry the outermost trusted proxy added", () => {
    expect(clientAddress("203.0.113.7", 0)).toBe("203.0.113.7");
    expect(clientAddress("1.1.1.1, 203.0.113.7", 0)).toBe("203.0.113.7");
    expect(clientAddress("1.1.1.1, 203.0.113.7", 1)).toBe("203.0.113.7");
    expect(clientAddress("1.1.1.1, 203.0.113.7, 10.0.0.2", 2)).toBe("203.0.113.7");
    // More proxies configured than entries: the first entry, not undefined.
    expect(clientAddress("203.0.113.7", 3)).toBe("203.0.113.7");
    expect(clientAddress(null, 0)).toBe("unknown");
  });

  it("normalises addresses so one client has one key", () => {
    expect(normaliseAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normaliseAddress("203.0.113.7:51234")).toBe("203.0.113.7");
    expect(normaliseAddress("[2001:db8::1]:443")).toBe("2001:db8:0:0::/64");
    expect(normaliseAddress("2001:DB8:0:0:ffff::2")).toBe("2001:db8:0:0::/64");
    expect(normaliseAddress("2001:db8:0:0:1::3")).toBe(normaliseAddress("2001:db8::9"));
    expect(normaliseAddress("2001:db8:0:1::3")).not.toBe(normaliseAddress("2001:db8::9"));
    expect(normaliseAddress("::1")).toBe("0:0:0:0::/64");
  });

  it("reads the number of trusted proxies", () => {
    expect(trustedProxies({})).toBe(0);
    expect(trustedProxies({ LANBAO_TRUSTED_PROXIES: "2" })).toBe(2);
    expect(() => trustedProxies({ LANBAO_TRUSTED_PROXIES: "yes" })).toThrow(/LANBAO_TRUSTED_PROXIES/);
  });
});

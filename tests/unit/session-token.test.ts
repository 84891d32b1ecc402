// Reading the session cookie without next-auth's endpoint: only a token the app's secret
// sealed, not expired, names a user; a split cookie is put back together.
import { encode } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import { sessionTokenOf } from "../../lib/auth/session-cookie.ts";
import { userIdOfSessionToken } from "../../lib/auth/session-token.ts";

const secret = "unit-session-secret-0123456789abcdef0123456789";
beforeAll(() => {
  process.env.NEXTAUTH_SECRET = secret;
});

describe("the session cookie", () => {
  it("names the user of a token sealed with the app's secret", async () => {
    const token = await encode({ token: { sub: "user-1" }, secret });
    expect(await userIdOfSessionToken(token)).toBe("user-1");
    // Asked again (remembered), the same answer.
    expect(await userIdOfSessionToken(token)).toBe("user-1");
  });

  it("refuses a token sealed with another secret, a spoiled one and an expired one", async () => {
    expect(await userIdOfSessionToken(await encode({ token: { sub: "user-2" }, secret: "another-secret-0123456789abcdef0123456789ab" }))).toBeNull();
    const good = await encode({ token: { sub: "user-3" }, secret });
    expect(await userIdOfSessionToken(`${good.slice(0, -4)}AAAA`)).toBeNull();
    expect(await userIdOfSessionToken("not-a-token")).toBeNull();
    expect(await userIdOfSessionToken(await encode({ token: { sub: "user-4" }, secret, maxAge: -60 }))).toBeNull();
  });

  it("finds the token under either cookie name, and joins one next-auth split into chunks", () => {
    expect(sessionTokenOf([{ name: "other", value: "x" }])).toBeUndefined();
    expect(sessionTokenOf([{ name: "next-auth.session-token", value: "plain" }])).toBe("plain");
    expect(sessionTokenOf([{ name: "__Secure-next-auth.session-token", value: "secure" }])).toBe("secure");
    expect(
      sessionTokenOf([
        { name: "next-auth.session-token.1", value: "world" },
        { name: "next-auth.session-token.0", value: "hello-" },
      ]),
    ).toBe("hello-world");
  });
});

import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { logEvent, redact, runLogged, scrubText, setLogSink, withRequestContext } from "../../lib/log/index.ts";
import { routeOf, scanRoutes } from "../../lib/log/routes.ts";

const lines: string[] = [];
afterEach(() => {
  setLogSink(undefined);
  lines.length = 0;
});
const capture = () => setLogSink((l) => lines.push(l));

describe("redaction", () => {
  it("drops fields named after secrets and personal data, whatever they hold", () => {
    const out = redact({
      cookie: "next-auth.session-token=abc",
      authorization: "Bearer xyz",
      giftToken: "t0k3n",
      phone: "13987654321",
      shippingAddress: { detail: "漕溪北路 88 号" },
      password: "hunter2",
      userId: "u_1",
      route: "/gifts/[token]",
      status: 200,
    });
    expect(out).toEqual({
      cookie: "[redacted]",
      authorization: "[redacted]",
      giftToken: "[redacted]",
      phone: "[redacted]",
      shippingAddress: "[redacted]",
      password: "[redacted]",
      userId: "u_1",
      route: "/gifts/[token]",
      status: 200,
    });
  });

  it("scrubs phones, streets, e-mails, tokens and query strings out of free text", () => {
    const text =
      "accept failed for 王芳 13987654321 at 漕溪北路 88 号 1203 室, mail wang@example.com, " +
      "GET /gifts/Zm9vYmFyYmF6cXV4?lang=zh key sk_test_abcdefgh123 jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig +86 139 8765 4321";
    const out = scrubText(text);
    for (const leaked of ["13987654321", "漕溪北路", "wang@example.com", "Zm9vYmFyYmF6cXV4", "lang=zh", "sk_test_abcdefgh123", "eyJhbGci", "8765"]) {
      expect(out).not.toContain(leaked);
    }
    expect(out).toContain("/gifts/[token]");
  });

  it("keeps what is safe and useful: ids, routes, durations, migration names", () => {
    const out = scrubText("migration 20261201100000_ops failed after 1234 ms for order cm3x9k2p0000abcd");
    expect(out).toBe("migration 20261201100000_ops failed after 1234 ms for order cm3x9k2p0000abcd");
  });

  it("turns errors into name and scrubbed message", () => {
    expect(redact({ error: new Error("no such phone 13987654321") })).toEqual({ error: { name: "Error", message: "no such phone [phone]" } });
  });
});

describe("logEvent", () => {
  it("writes one JSON line per event with time and kind, redacted", () => {
    capture();
    logEvent({ kind: "job", name: "gift-expiry", id: "j1", status: "ok", durationMs: 12, recipientPhone: "13987654321" });
    expect(lines).toHaveLength(1);
    const parsed = JSON.parse(lines[0]);
    expect(parsed).toMatchObject({ kind: "job", name: "gift-expiry", id: "j1", status: "ok", durationMs: 12, recipientPhone: "[redacted]" });
    expect(Date.parse(parsed.time)).not.toBeNaN();
  });

  it("tags lines written while serving a request with its id", () => {
    capture();
    withRequestContext({ requestId: "req-1" }, () => logEvent({ kind: "chat", action: "sent" }));
    expect(JSON.parse(lines[0]).requestId).toBe("req-1");
  });

  it("runLogged logs a job once with its outcome and duration, and rethrows", async () => {
    capture();
    expect(await runLogged("ok-job", "j1", async () => 42)).toBe(42);
    await expect(runLogged("bad-job", "j2", async () => Promise.reject(new Error("boom for 13987654321")))).rejects.toThrow("boom");
    const [ok, bad] = lines.map((l) => JSON.parse(l));
    expect(ok).toMatchObject({ kind: "job", name: "ok-job", id: "j1", status: "ok" });
    expect(typeof ok.durationMs).toBe("number");
    expect(bad).toMatchObject({ kind: "job", name: "bad-job", status: "failed", error: { message: "boom for [phone]" } });
  });
});

describe("route patterns", () => {
  const routes = scanRoutes(path.resolve("app"));

  it("come from the app folders, route groups left out", () => {
    const patterns = routes.map((r) => r.pattern);
    expect(patterns).toContain("/gifts/[token]");
    expect(patterns).toContain("/chats/[threadId]");
    expect(patterns).toContain("/chats/new");
    expect(patterns).toContain("/api/auth/[...nextauth]");
    expect(patterns).toContain("/");
  });

  it("name the route, never the raw path", () => {
    expect(routeOf("/gifts/abcDEF123secret", routes)).toBe("/gifts/[token]");
    expect(routeOf("/chats/new", routes)).toBe("/chats/new");
    expect(routeOf("/chats/cm3x9k2p0000", routes)).toBe("/chats/[threadId]");
    expect(routeOf("/api/auth/callback/credentials", routes)).toBe("/api/auth/[...nextauth]");
    expect(routeOf("/uploads/0123456789abcdef0123456789abcdef.png", routes)).toBe("/uploads/[key]");
    expect(routeOf("/search?q=13987654321", routes)).toBe("/search");
    expect(routeOf("/_next/static/chunks/app.js", routes)).toBe("/_next/static/*");
    expect(routeOf("/no/such/13987654321", routes)).toBe("/no/*");
  });
});

// Runs after every other spec (its own Playwright project, see playwright.config.ts) and
// reads what the app server printed during them: one JSON line per request, and none of
// the personal data or secrets the gift test planted (the recipient's phone and street),
// no session cookie, no raw gift-link token.
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import pg from "pg";

const PLANTED = { phone: "13987654321", street: "漕溪北路", unit: "1203 室" };

test("the server log has a JSON line per request and no phone, street, token or cookie", async () => {
  const log = readFileSync(".tmp/e2e/server.log", "utf8");
  const server = JSON.parse(readFileSync(".tmp/e2e/server.json", "utf8")) as { databaseUrl: string };

  // The gift test did run and did plant its values: they are in the database.
  const db = new pg.Client({ connectionString: server.databaseUrl });
  await db.connect();
  const planted = await db.query(`SELECT count(*)::int AS n FROM "Address" WHERE phone = $1 AND detail LIKE $2`, [PLANTED.phone, `%${PLANTED.street}%`]);
  await db.end();
  expect(planted.rows[0].n, "the gift e2e stored the planted address").toBeGreaterThan(0);

  const requests = log
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .filter((e) => e.kind === "request");
  expect(requests.length).toBeGreaterThan(50);
  for (const r of requests.slice(0, 200)) {
    expect(Object.keys(r)).toEqual(expect.arrayContaining(["time", "requestId", "method", "route", "status", "durationMs", "userId"]));
  }
  const routes = new Set(requests.map((r) => r.route));
  for (const route of ["/gifts/[token]", "/chats/[threadId]", "/api/realtime", "/api/stripe/webhook"]) expect(routes).toContain(route);
  // Signed-in requests carry the user's id.
  expect(requests.some((r) => r.route === "/chats/[threadId]" && typeof r.userId === "string")).toBe(true);

  for (const secret of [PLANTED.phone, "139 8765 4321", PLANTED.street, PLANTED.unit, "next-auth.session-token", "whsec_", "callbackUrl="]) {
    expect(log.includes(secret), `the server log contains "${secret}"`).toBe(false);
  }
  expect(log).not.toMatch(/\/gifts\/(?!\[token\])[A-Za-z0-9_-]{20,}/);
});

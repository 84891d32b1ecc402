// Who may do what: every server action and route handler (rows in tests/setup/access-table.ts)
// called as a visitor, a stranger, a member of something else of the owner's, another
// merchant and the owner. Only the owner succeeds; everyone else gets exactly the answer
// for a thing that does not exist, and the database does not change. The acting user
// comes with a real session cookie (tests/setup/session-cookie.ts).
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { usePayments } from "../setup/payments.ts";
import { useTestDatabase } from "../setup/test-db.ts";
import { ACTION_ROWS, ACTORS, ROUTE_ROWS, missingLike, type ActionRow, type Actor, type Input, type World } from "../setup/access-table.ts";
import { actionExports, callAction, dbSnapshot, routeExports, useAccessWorld } from "../setup/access-calls.ts";

const request = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("next/headers", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/headers")>()),
  headers: async () => new Headers({ "x-forwarded-for": "203.0.113.9" }),
  // The real session cookie for the acting user, opened as in a request.
  cookies: async () => (await import("../setup/session-cookie.ts")).sessionCookieStore(request.userId),
}));
// Page cache invalidation is Next's business and needs its request store; nothing to check here.
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const t = useTestDatabase();
const pay = usePayments(() => t.url);
const access = useAccessWorld(t, pay);
const settle = access.settle;
let world: World;
beforeAll(() => {
  world = access.world;
});

function as(actor: Actor) {
  request.userId = actor === "signedOut" ? null : world.users[actor];
}

function withMissingTarget(row: { target?: string }, input: Input): Input {
  if (!row.target) throw new Error("an owned row names its target field");
  return { ...input, [row.target]: missingLike(input[row.target]) as Input[string] };
}

describe("the table covers every action and route", () => {
  it("has a row for each export of a \"use server\" file, and each is built with the safe-action helper", () => {
    const exported = actionExports();
    const rows = new Set(ACTION_ROWS.map((r) => r.action));
    const missing = exported.filter((e) => !rows.has(e.id)).map((e) => e.id);
    expect(missing, `server actions without a row in tests/setup/access-table.ts: ${missing.join(", ")}`).toEqual([]);
    const stale = [...rows].filter((id) => !exported.some((e) => e.id === id));
    expect(stale, "rows naming no export").toEqual([]);
    for (const e of exported) {
      const row = ACTION_ROWS.find((r) => r.action === e.id)!;
      // Identity comes from the session inside the helper, never from the input.
      const helpers = row.access === "public" ? ["publicAction"] : ["userAction", "userFormAction"];
      expect(helpers, `${e.id} is built with ${e.helper}`).toContain(e.helper);
      expect(row.form ?? false, `${e.id}: form flag`).toBe(e.helper === "userFormAction");
    }
  });

  it("has a row for each method of each route file", () => {
    const exported = routeExports();
    const rows = new Set(ROUTE_ROWS.map((r) => `${r.route}#${r.method}`));
    const missing = exported.filter((id) => !rows.has(id));
    expect(missing, `route handlers without a row in tests/setup/access-table.ts: ${missing.join(", ")}`).toEqual([]);
    expect([...rows].filter((id) => !exported.includes(id)), "rows naming no route").toEqual([]);
  });
});

const owned = ACTION_ROWS.filter((r) => r.access === "owned");
const others = ACTORS.filter((a) => a !== "owner");

describe("server actions: only the owner", () => {
  it.each(owned.map((r) => [r.action.split("#")[1], r] as const))("%s", async (_name, row: ActionRow) => {
    const input = row.input(world);
    for (const actor of others) {
      as(actor);
      const before = await dbSnapshot(t.db);
      const real = await callAction(row, input);
      const missing = await callAction(row, withMissingTarget(row, input));
      expect(await dbSnapshot(t.db), `${actor}: the database changed`).toEqual(before);
      expect(real, `${actor}: refused`).toMatchObject({ ok: false });
      expect(real, `${actor}: the answer for a thing that exists but is not theirs`).toEqual(missing);
    }
    as("owner");
    if (row.ownerResult === "ok") {
      const result = await callAction(row, input);
      await settle();
      expect(result, `the owner succeeds: ${JSON.stringify(result)}`).toSatisfy((r: { ok?: boolean; redirected?: string }) => r.ok === true || typeof r.redirected === "string");
    }
  });
});

describe("server actions for any signed-in user", () => {
  it.each(ACTION_ROWS.filter((r) => r.access === "anyUser").map((r) => [r.action.split("#")[1], r] as const))(
    "%s: a visitor is refused and nothing changes",
    async (_name, row: ActionRow) => {
      as("signedOut");
      const before = await dbSnapshot(t.db);
      expect(await callAction(row, row.input(world))).toMatchObject({ ok: false });
      expect(await dbSnapshot(t.db)).toEqual(before);
    },
  );
});

describe("route handlers", () => {
  async function call(row: (typeof ROUTE_ROWS)[number], missing: boolean) {
    const mod = await import(/* @vite-ignore */ path.resolve(row.route));
    const target = (id: string) => (missing ? (missingLike(id) as string) : id);
    const { url, params, init } = row.request!(world, target);
    const res: Response = await mod[row.method](new Request(url, init), { params: Promise.resolve(params ?? {}) });
    return { status: res.status, body: await res.text() };
  }

  it.each(ROUTE_ROWS.filter((r) => r.access === "owned" && !r.skip).map((r) => [r.route, r] as const))("%s: only the owner", async (_name, row) => {
    for (const actor of others) {
      as(actor);
      const before = await dbSnapshot(t.db);
      const real = await call(row, false);
      expect(real.status, actor).toBeGreaterThanOrEqual(400);
      expect(real, actor).toEqual(await call(row, true));
      expect(await dbSnapshot(t.db)).toEqual(before);
    }
    as("owner");
    expect((await call(row, false)).status).toBe(200);
  });

  it.each(ROUTE_ROWS.filter((r) => r.access === "anyUser").map((r) => [`${r.route} ${r.method}`, r] as const))(
    "%s: a visitor gets nobody's data",
    async (_name, row) => {
      as("signedOut");
      const before = await dbSnapshot(t.db);
      const res = await call(row, false);
      // The unread count answers 0 to a visitor; everything else refuses.
      if (row.route.endsWith("unread/route.ts")) expect(JSON.parse(res.body)).toEqual({ count: 0 });
      else expect(res.status).toBe(401);
      expect(await dbSnapshot(t.db)).toEqual(before);
    },
  );

  it("after-sales photos: only someone with a parcel inside its after-sales window may upload", async () => {
    const row = ROUTE_ROWS.find((r) => r.route === "app/after-sales/photos/route.ts")!;
    // otherMember and otherMerchant never received a parcel; the stranger's order was delivered above.
    for (const actor of ["otherMember", "otherMerchant"] as const) {
      as(actor);
      const before = await dbSnapshot(t.db);
      expect(await call(row, false)).toMatchObject({ status: 403 });
      expect(await dbSnapshot(t.db)).toEqual(before);
    }
    as("owner");
    const res = await call(row, false);
    expect(res.status, res.body).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, key: expect.stringMatching(/^[0-9a-f]{32}\.png$/) });
  });

  it("uploads: a user without a shop is refused and nothing is stored", async () => {
    const row = ROUTE_ROWS.find((r) => r.route === "app/uploads/route.ts")!;
    for (const actor of ["stranger", "otherMember"] as const) {
      as(actor);
      const before = await dbSnapshot(t.db);
      expect(await call(row, false)).toMatchObject({ status: 403 });
      expect(await dbSnapshot(t.db)).toEqual(before);
    }
  });
});

it("the scans find the files", () => {
  // A broken scan would find nothing and pass the coverage tests above.
  expect(actionExports().length).toBeGreaterThanOrEqual(ACTION_ROWS.length);
  expect(routeExports().length).toBeGreaterThanOrEqual(ROUTE_ROWS.length);
});

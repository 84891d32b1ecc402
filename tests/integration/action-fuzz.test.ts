// Random input into every server action (rows of tests/setup/access-table.ts): any string,
// huge values, wrong types, CJK and emoji, control characters, unknown fields. Each call
// answers with a typed ActionResult (or a redirect after a success), never throws, and a
// refused call leaves the database as it was.
import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { callAction, dbSnapshot, toFormData, useAccessWorld } from "../setup/access-calls.ts";
import { ACTION_ROWS, type ActionRow, type World } from "../setup/access-table.ts";
import { usePayments } from "../setup/payments.ts";
import { useTestDatabase } from "../setup/test-db.ts";

const request = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("next/headers", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/headers")>()),
  headers: async () => new Headers({ "x-forwarded-for": "203.0.113.7" }),
  // The real session cookie for the acting user, opened as in a request.
  cookies: async () => (await import("../setup/session-cookie.ts")).sessionCookieStore(request.userId),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("next-intl/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-intl/server")>()),
  getTranslations: async () => (key: string) => key,
}));

/** Runs per action: 40 actions × 8 runs take about 25 s (36 s with start-up) on a 2-core machine. */
const RUNS = 8;

const t = useTestDatabase();
const pay = usePayments(() => t.url);
const access = useAccessWorld(t, pay);
let world: World;
beforeAll(() => {
  world = access.world;
});

const nasty = fc.constantFrom(
  "",
  " ",
  "\u0000",
  "\u0007\u001b[31m",
  "\r\n\t",
  "\u202e\u200b\ufeff",
  "红包🧧蓝包",
  "👨‍👩‍👧‍👦".repeat(40),
  "'; DROP TABLE \"User\"; --",
  "../../etc/passwd",
  "%00%2e%2e",
  "x".repeat(100_000),
  "９９９",
  "1e309",
  "-1",
  "0",
  "NaN",
  "true",
  "null",
  "{}",
  "[]",
);
const anyText = fc.oneof(fc.string(), fc.string({ unit: "grapheme", maxLength: 200 }), fc.string({ unit: "binary", maxLength: 50 }), nasty);
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  anyText,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.bigInt().map(String),
  fc.array(anyText, { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), anyText, { maxKeys: 3 }),
  fc.constant(Array.from({ length: 2_000 }, (_, i) => `id-${i}`)),
);

/** Either garbage in the row's fields (and some others), or the owner's good input with one field spoiled. */
function inputs(row: ActionRow): fc.Arbitrary<{ input: unknown; actor: "owner" | "stranger" | "signedOut" }> {
  const fields = row.fields.length ? row.fields : ["value"];
  const actor = fc.constantFrom("owner" as const, "owner" as const, "stranger" as const, "signedOut" as const);
  const value = row.form ? fc.oneof(anyText, fc.array(anyText, { maxLength: 3 })) : anyValue;
  const garbage = fc.record({ known: fc.dictionary(fc.constantFrom(...fields), value), extra: fc.dictionary(fc.string({ maxLength: 10 }), value, { maxKeys: 2 }) }).map(({ known, extra }) => ({ ...extra, ...known }));
  const spoiled = fc.tuple(fc.constantFrom(...fields), value).map(([field, v]) => ({ ...row.input(world), [field]: v }));
  const whole = row.form ? fc.oneof(garbage, spoiled) : fc.oneof(garbage, spoiled, anyValue);
  return fc.record({ input: whole, actor });
}

describe("fuzzing the server actions' input", () => {
  it.each(ACTION_ROWS.map((r) => [r.action.split("#")[1], r] as const))("%s", async (_name, row: ActionRow) => {
    await fc.assert(
      fc.asyncProperty(inputs(row), async ({ input, actor }) => {
        request.userId = actor === "signedOut" ? null : world.users[actor];
        const before = await dbSnapshot(t.db);
        const payload = row.form ? toFormData(Object.fromEntries(Object.entries((input ?? {}) as object).map(([k, v]) => [k, v as never]))) : input;
        const result = await callAction(row, payload);
        if ("redirected" in result) return;
        expect(typeof result.ok).toBe("boolean");
        if (!result.ok) {
          expect(result.fieldErrors).toBeTypeOf("object");
          if (result.formError !== undefined) expect(result.formError).toMatch(/^[a-zA-Z]+(\.[a-zA-Z0-9]+)+$/);
          await access.settle();
          expect(await dbSnapshot(t.db), "a refused call wrote something").toEqual(before);
        } else {
          await access.settle();
        }
      }),
      { numRuns: RUNS },
    );
  });
});

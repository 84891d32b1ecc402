// Two more app processes, A and B, on the end-to-end database (a production start:
// DATABASE_URL set, both migrating at once), with uploads in an S3-compatible bucket
// (s3rver, started here). A message sent through A reaches the live stream of a browser
// on B, and an image uploaded through A is served by B. (`npm run two-processes` runs
// just this spec.)
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Browser } from "@playwright/test";
import S3rver from "s3rver";
import pg from "pg";
import { e2eServer, sharedEnv, startAppProcess, type AppProcess } from "./app-processes";

// A real 1×1 PNG.
const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082", "hex");
const base = Number(process.env.E2E_PORT ?? 3100);
const PORTS = { a: base + 1, b: base + 2 };

const apps: AppProcess[] = [];
let s3: S3rver;
const s3Dir = mkdtempSync(path.join(os.tmpdir(), "lanbao-two-"));

test.describe.configure({ mode: "serial", timeout: 180_000 });

test.beforeAll(async () => {
  s3 = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory: s3Dir, configureBuckets: [{ name: "lanbao-two" }] });
  const { port: s3Port } = await s3.run();
  const env = {
    ...sharedEnv(),
    LANBAO_STORAGE: "s3",
    S3_BUCKET: "lanbao-two",
    S3_ENDPOINT: `http://127.0.0.1:${s3Port}`,
    S3_FORCE_PATH_STYLE: "1",
    S3_ACCESS_KEY_ID: "S3RVER",
    S3_SECRET_ACCESS_KEY: "S3RVER",
    // The gift-expiry job stays with the main e2e server; "each job runs once" across
    // processes is the job queue's own test.
    LANBAO_JOBS: "0",
  };
  apps.push(...(await Promise.all([startAppProcess("a", PORTS.a, env), startAppProcess("b", PORTS.b, env)])));
});

test.afterAll(async () => {
  await Promise.all(apps.map((app) => app.stop()));
  await s3?.close();
  rmSync(s3Dir, { recursive: true, force: true });
  rmSync(".tmp/app-processes", { recursive: true, force: true });
});

async function signInOn(browser: Browser, app: AppProcess, email: string) {
  const context = await browser.newContext({ baseURL: app.url });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("lanbao-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  return { context, page };
}

test("both processes answer health, on one database with its migrations applied once", async ({ request }) => {
  for (const app of apps) {
    const res = await request.get(`${app.url}/api/health`);
    expect(res.status(), app.name).toBe(200);
    expect(await res.json()).toMatchObject({ checks: { database: { ok: true }, migrations: { ok: true } } });
  }
  // Three processes migrated the same database at start (the e2e server, A, B): each
  // migration is in the ledger once.
  const db = new pg.Client({ connectionString: e2eServer().databaseUrl });
  await db.connect();
  const twice = await db.query(`SELECT migration_name FROM "_prisma_migrations" GROUP BY migration_name HAVING count(*) > 1`);
  await db.end();
  expect(twice.rows).toEqual([]);
});

test("a message sent through process A arrives live in a browser on process B", async ({ browser }) => {
  const suffix = Math.random().toString(36).slice(2, 6);
  // The demo sender on A, the demo recipient on B, in their direct chat.
  const thread = "/chats/seed-thread-direct";
  const [ann, bo] = await Promise.all([signInOn(browser, apps[0], "sender@lanbao.test"), signInOn(browser, apps[1], "recipient@lanbao.test")]);
  await ann.page.goto(thread);

  // The recipient, on B: the thread open, and B's event stream recorded as it arrives.
  await bo.page.goto(thread);
  await expect(bo.page.getByTestId("realtime-status")).toHaveAttribute("data-state", "open");
  await bo.page.evaluate(() => {
    const w = window as unknown as { __events: string[] };
    w.__events = [];
    const source = new EventSource("/api/realtime");
    source.addEventListener("message", (e) => w.__events.push((e as MessageEvent).data));
  });
  await expect.poll(() => bo.page.evaluate(() => (window as unknown as { __events?: string[] }).__events !== undefined)).toBe(true);

  const text = `from A to B ${suffix}`;
  await ann.page.getByTestId("composer-input").fill(text);
  await ann.page.getByTestId("composer-input").press("Enter");

  await expect(bo.page.getByTestId("message").filter({ hasText: text })).toBeVisible({ timeout: 15_000 });
  const events = await bo.page.evaluate(() => (window as unknown as { __events: string[] }).__events);
  expect(events.some((e) => JSON.parse(e).type === "message" && thread.endsWith(JSON.parse(e).threadId))).toBe(true);
  // Each process served its own user: the sender's requests went to A, the reader's to B.
  expect(apps[0].output.join("")).toMatch(/"route":"\/chats\/\[threadId\]","status":200/);
  expect(apps[1].output.join("")).toMatch(/"route":"\/api\/realtime"|"route":"\/chats\/\[threadId\]"/);
  await ann.context.close();
  await bo.context.close();
});

test("an image uploaded through process A is served by process B", async ({ browser, request }) => {
  const { context, page } = await signInOn(browser, apps[0], "merchant@lanbao.test");

  const upload = await page.request.post("/uploads", {
    headers: { origin: apps[0].url },
    multipart: { file: { name: "dot.png", mimeType: "image/png", buffer: PNG } },
  });
  expect(upload.status()).toBe(200);
  const { key } = (await upload.json()) as { key: string };

  const served = await request.get(`${apps[1].url}/uploads/${key}`);
  expect(served.status()).toBe(200);
  expect(served.headers()["content-type"]).toBe("image/png");
  expect(Buffer.from(await served.body())).toEqual(PNG);
  // And it lives in the bucket, not on either process's disk.
  expect(readFileSync(path.join(s3Dir, "lanbao-two", "uploads", `${key}._S3rver_object`))).toEqual(PNG);
  await context.close();
});

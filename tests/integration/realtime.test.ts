import { afterAll, describe, expect, it, vi } from "vitest";
import { createDb } from "../../lib/db/client.ts";
import { CLOCK_SLACK_MS, REMEMBER_MS, RealtimeListener, type ListenerEvent } from "../../lib/realtime/listener.ts";
import { publish, publishToThread } from "../../lib/realtime/publish.ts";
import { openEventStream } from "../../lib/realtime/sse.ts";
import { useTestDatabase } from "../setup/test-db.ts";

const t = useTestDatabase();
const listeners: RealtimeListener[] = [];
afterAll(async () => {
  await Promise.all(listeners.map((l) => l.close()));
});

function listener(opts: { minBackoffMs?: number } = {}) {
  const l = new RealtimeListener({ connectionString: t.url, log: () => {}, ...opts });
  listeners.push(l);
  return l;
}

/** Resolves with the first event matching `pred`, or rejects after `ms`. */
function nextEvent(l: RealtimeListener, userId: string, pred: (e: ListenerEvent) => boolean = () => true, ms = 5000) {
  return new Promise<ListenerEvent>((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error("no event"));
    }, ms);
    const off = l.subscribe(userId, (e) => {
      if (!pred(e)) return;
      clearTimeout(timer);
      off();
      resolve(e);
    });
  });
}

describe("realtime listener", () => {
  it("hears what another connection publishes, only for the users named", async () => {
    // Two "app processes": the listener's own pg connection and a separate Prisma client.
    const l = listener();
    expect(await l.ready()).toBe(true);
    const otherProcess = createDb(t.url, { max: 2 });
    try {
      const forAnn: ListenerEvent[] = [];
      const forBo: ListenerEvent[] = [];
      const offAnn = l.subscribe("ann", (e) => forAnn.push(e));
      const offBo = l.subscribe("bo", (e) => forBo.push(e));
      // Connected first, so the time below is the NOTIFY's trip and not a connection set-up.
      await otherProcess.$queryRaw`SELECT 1`;
      const got = nextEvent(l, "ann", (e) => e.type === "message");
      const t0 = performance.now();
      await publish(otherProcess, ["ann", "cy"], { type: "message", threadId: "th1", messageId: "m1" });
      expect(await got).toEqual({ type: "message", threadId: "th1", messageId: "m1" });
      expect(performance.now() - t0).toBeLessThan(1000);
      expect(forAnn).toEqual([{ type: "message", threadId: "th1", messageId: "m1" }]);
      expect(forBo).toEqual([]);

      offAnn();
      offBo();
      expect(l.subscriberCount).toBe(0);
    } finally {
      await otherProcess.$disconnect();
    }
  });

  it("delivers a NOTIFY sent inside a transaction only after it commits", async () => {
    const l = listener();
    await l.ready();
    const seen: ListenerEvent[] = [];
    l.subscribe("dee", (e) => seen.push(e));
    await t.db
      .$transaction(async (tx) => {
        await publish(tx, ["dee"], { type: "threads" });
        throw new Error("roll back");
      })
      .catch(() => {});
    const committed = nextEvent(l, "dee");
    await t.db.$transaction(async (tx) => publish(tx, ["dee"], { type: "gift", threadId: "t", giftId: "g" }));
    expect(await committed).toEqual({ type: "gift", threadId: "t", giftId: "g" });
    expect(seen).toEqual([{ type: "gift", threadId: "t", giftId: "g" }]);
  });

  it("publishToThread reaches every member", async () => {
    const l = listener();
    await l.ready();
    const [a, b] = await Promise.all(
      ["a", "b"].map((k) => t.db.user.create({ data: { name: k, email: `${k}-${Date.now()}@rt.test`, lanbaoId: `lbrt${k}${Date.now() % 10000}` } })),
    );
    const thread = await t.db.thread.create({ data: { kind: "DIRECT", createdById: a.id, members: { create: [{ userId: a.id }, { userId: b.id }] } } });
    const both = Promise.all([nextEvent(l, a.id), nextEvent(l, b.id)]);
    await publishToThread(t.db, thread.id, { type: "message", threadId: thread.id, messageId: "x" });
    expect(await both).toEqual([
      { type: "message", threadId: thread.id, messageId: "x" },
      { type: "message", threadId: thread.id, messageId: "x" },
    ]);
  });

  it("ignores payloads it does not understand", async () => {
    const l = listener();
    await l.ready();
    const seen: ListenerEvent[] = [];
    l.subscribe("eve", (e) => seen.push(e));
    await t.db.$executeRaw`SELECT pg_notify('lanbao_events', 'not json')`;
    await t.db.$executeRaw`SELECT pg_notify('lanbao_events', ${JSON.stringify({ users: ["eve"], event: { type: "secret" } })})`;
    const ok = nextEvent(l, "eve");
    await publish(t.db, ["eve"], { type: "threads" });
    await ok;
    expect(seen).toEqual([{ type: "threads" }]);
  });

  it("reconnects after the connection is killed and tells subscribers to resync", async () => {
    const l = listener({ minBackoffMs: 50 });
    await l.ready();
    const resync = nextEvent(l, "fay", (e) => e.type === "resync");
    await t.db.$executeRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'lanbao-realtime' AND datname = current_database()`;
    expect(await resync).toEqual({ type: "resync" });
    expect(l.listening).toBe(true);
    const after = nextEvent(l, "fay", (e) => e.type === "threads");
    await publish(t.db, ["fay"], { type: "threads" });
    expect(await after).toEqual({ type: "threads" });
  });
});

describe("what a page rendered earlier may have missed", () => {
  it("is nothing only while the listener has heard no event for the user since the page's time, slack included", async () => {
    // The clock alone is faked (pg keeps its real timers): LISTEN begins at t0.
    const t0 = Date.now();
    vi.useFakeTimers({ toFake: ["Date"], now: t0 });
    try {
      const l = listener();
      expect(await l.ready()).toBe(true);
      // A page rendered just before LISTEN began: what was published before it may be gone.
      expect(l.mayHaveMissed("ivy", t0)).toBe(true);

      vi.setSystemTime(t0 + 20_000);
      expect(l.mayHaveMissed("ivy", t0 + 10_000)).toBe(false);
      const heard = nextEvent(l, "ivy", (e) => e.type === "threads");
      await publish(t.db, ["ivy"], { type: "threads" });
      await heard; // heard at t0 + 20 s
      expect(l.mayHaveMissed("ivy", t0 + 10_000)).toBe(true);
      // Within the slack before the page's time (another process's clock, the render's length).
      expect(l.mayHaveMissed("ivy", t0 + 20_000 + CLOCK_SLACK_MS - 1, t0 + 30_000)).toBe(true);
      expect(l.mayHaveMissed("ivy", t0 + 20_000 + CLOCK_SLACK_MS + 1, t0 + 30_000)).toBe(false);
      // Someone else's event is not jon's.
      expect(l.mayHaveMissed("jon", t0 + 10_000)).toBe(false);
      // A page too long ago to remember.
      expect(l.mayHaveMissed("jon", t0 + 10_000, t0 + 10_000 + REMEMBER_MS + 1)).toBe(true);

      // Not listening: anything may be missed.
      await l.close();
      expect(l.mayHaveMissed("jon", t0 + 10_000)).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("event stream", () => {
  it("starts with resync unless the page's time shows nothing was missed", async () => {
    const t0 = Date.now();
    vi.useFakeTimers({ toFake: ["Date"], now: t0 });
    try {
      const l = listener();
      await l.ready();
      const opening = async (since: number | undefined) => {
        const abort = new AbortController();
        const res = await openEventStream({ listener: l, userId: "kim", signal: abort.signal, heartbeatMs: 20, since });
        const reader = res.body!.getReader();
        const decoder = new TextDecoder();
        let text = "";
        // The first heartbeat comes after whatever is sent on opening.
        while (!text.includes(": ping")) text += decoder.decode((await reader.read()).value, { stream: true });
        abort.abort();
        return text.includes("event: resync") ? "resync" : "nothing";
      };
      vi.setSystemTime(t0 + 20_000);
      expect(await opening(t0 + 10_000)).toBe("nothing");
      expect(await opening(undefined)).toBe("resync");
      expect(await opening(t0)).toBe("resync");
      await publish(t.db, ["kim"], { type: "threads" });
      await expect.poll(() => opening(t0 + 10_000)).toBe("resync");
    } finally {
      vi.useRealTimers();
    }
  });

  it("streams the user's events as SSE, with heartbeats, and unsubscribes on abort", async () => {
    const l = listener();
    const abort = new AbortController();
    const res = await openEventStream({ listener: l, userId: "gus", signal: abort.signal, heartbeatMs: 50 });
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(res.headers.get("cache-control")).toContain("no-transform");
    expect(l.subscriberCount).toBe(1);

    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    const readUntil = async (needle: string) => {
      const deadline = Date.now() + 5000;
      while (!text.includes(needle)) {
        if (Date.now() > deadline) throw new Error(`no ${needle} in ${text}`);
        const { value, done } = await reader.read();
        if (done) throw new Error("stream ended");
        text += decoder.decode(value, { stream: true });
      }
    };
    await readUntil(": connected");
    await publish(t.db, ["gus"], { type: "message", threadId: "th", messageId: "m9" });
    await readUntil("event: message\ndata: ");
    expect(text).toContain(`event: message\ndata: ${JSON.stringify({ type: "message", threadId: "th", messageId: "m9" })}\n\n`);
    await readUntil(": ping");

    abort.abort();
    expect(l.subscriberCount).toBe(0);
    expect((await reader.read()).done).toBe(true);
  });
});

// One LISTEN connection per app process. Every process gets every NOTIFY on the channel
// and hands each event to the SSE streams of the users it names that this process
// happens to serve, so it does not matter which process published.
import pg from "pg";
import { REALTIME_CHANNEL, type RealtimeEvent } from "./publish";

/**
 * What a subscriber receives: the published events, plus "resync" after the listener had
 * to reconnect, since anything published while it was down is gone and clients catch up.
 */
export type ListenerEvent = RealtimeEvent | { type: "resync" };
export type ListenerHandler = (event: ListenerEvent) => void;

export type ListenerOptions = {
  connectionString: string;
  channel?: string;
  /** First reconnect delay; doubles per failed attempt up to maxBackoffMs. */
  minBackoffMs?: number;
  maxBackoffMs?: number;
  log?: (message: string) => void;
};

const EVENT_TYPES = new Set(["message", "gift", "threads"]);

/** Slack for the clocks of the process that rendered a page and the one that serves its stream, and for the render itself. */
export const CLOCK_SLACK_MS = 5_000;
/** How long this process remembers when each user last had an event. */
export const REMEMBER_MS = 60_000;

export class RealtimeListener {
  private readonly subscribers = new Map<string, Set<ListenerHandler>>();
  private readonly channel: string;
  private readonly minBackoff: number;
  private readonly maxBackoff: number;
  private readonly log: (message: string) => void;
  private client: pg.Client | null = null;
  private readonly dead = new WeakSet<pg.Client>();
  private started = false;
  private closed = false;
  private connecting = false;
  private everListened = false;
  private attempt = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  private waiters: (() => void)[] = [];
  /** Since when LISTEN has been in place without a break (null: not now). */
  private listeningSince: number | null = null;
  /** When this process last heard an event for each user, for the last REMEMBER_MS. */
  private readonly lastEventAt = new Map<string, number>();
  private lastSweep = 0;

  constructor(private readonly opts: ListenerOptions) {
    this.channel = opts.channel ?? REALTIME_CHANNEL;
    this.minBackoff = opts.minBackoffMs ?? 250;
    this.maxBackoff = opts.maxBackoffMs ?? 10_000;
    this.log = opts.log ?? ((m) => console.warn(`[realtime] ${m}`));
  }

  /** Whether LISTEN is in place right now. */
  get listening(): boolean {
    return this.client !== null;
  }

  get subscriberCount(): number {
    let n = 0;
    for (const set of this.subscribers.values()) n += set.size;
    return n;
  }

  /** Starts listening (once); the connection then stays up and reconnects on its own. */
  start(): void {
    if (this.started || this.closed) return;
    this.started = true;
    void this.connect();
  }

  /** Resolves once LISTEN is in place, or after `timeoutMs` (then false). */
  ready(timeoutMs = 5000): Promise<boolean> {
    this.start();
    if (this.client) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== done);
        resolve(false);
      }, timeoutMs);
      this.waiters.push(done);
    });
  }

  /**
   * Whether `userId` may have had events since `since` (ms since the epoch, when their page was
   * rendered) that a stream subscribed now would not bring: yes unless this process has been
   * listening all along and heard none for them. Errs on yes (clock slack, a recent reconnect,
   * a time too long ago to remember).
   */
  mayHaveMissed(userId: string, since: number, now = Date.now()): boolean {
    const from = since - CLOCK_SLACK_MS;
    if (this.listeningSince === null || this.listeningSince > from || now - since > REMEMBER_MS) return true;
    return (this.lastEventAt.get(userId) ?? -Infinity) >= from;
  }

  /** Calls `handler` with every event addressed to `userId` until the returned function is called. */
  subscribe(userId: string, handler: ListenerHandler): () => void {
    this.start();
    let set = this.subscribers.get(userId);
    if (!set) this.subscribers.set(userId, (set = new Set()));
    set.add(handler);
    return () => {
      const current = this.subscribers.get(userId);
      if (!current) return;
      current.delete(handler);
      if (current.size === 0) this.subscribers.delete(userId);
    };
  }

  /** Stops for good (tests, shutdown). */
  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = null;
    this.listeningSince = null;
    if (client) {
      this.dead.add(client);
      await client.end().catch(() => {});
    }
  }

  /** The connection, for tests that cut it to check the reconnect. */
  get connection(): pg.Client | null {
    return this.client;
  }

  private async connect(): Promise<void> {
    if (this.closed || this.connecting) return;
    this.connecting = true;
    const client = new pg.Client({
      connectionString: this.opts.connectionString,
      // Notices a half-open TCP connection (a restarted database, a dropped NAT entry).
      keepAlive: true,
      application_name: "lanbao-realtime",
    });
    client.on("notification", (msg) => {
      if (msg.channel === this.channel && msg.payload) this.dispatch(msg.payload);
    });
    client.on("error", (err) => this.dropped(client, err));
    client.on("end", () => this.dropped(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${pg.escapeIdentifier(this.channel)}`);
    } catch (err) {
      this.connecting = false;
      this.dropped(client, err);
      return;
    }
    this.connecting = false;
    if (this.closed || this.dead.has(client)) {
      await client.end().catch(() => {});
      return;
    }
    this.client = client;
    this.listeningSince = Date.now();
    this.attempt = 0;
    const reconnected = this.everListened;
    this.everListened = true;
    for (const w of this.waiters.splice(0)) w();
    if (reconnected) {
      this.log("listening again");
      this.broadcast({ type: "resync" });
    }
  }

  private dropped(client: pg.Client, err?: unknown): void {
    if (this.dead.has(client)) return;
    this.dead.add(client);
    if (this.client === client) {
      this.client = null;
      this.listeningSince = null;
    }
    client.end().catch(() => {});
    if (this.closed) return;
    const delay = Math.min(this.maxBackoff, this.minBackoff * 2 ** this.attempt) * (0.75 + Math.random() * 0.5);
    this.attempt++;
    this.log(`connection lost${err instanceof Error ? ` (${err.message})` : ""}; retrying in ${Math.round(delay)} ms`);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect();
    }, delay);
    this.retryTimer.unref?.();
  }

  private dispatch(payload: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(payload);
    } catch {
      return;
    }
    const { users, event } = (parsed ?? {}) as { users?: unknown; event?: { type?: unknown } };
    if (!Array.isArray(users) || !event || typeof event.type !== "string" || !EVENT_TYPES.has(event.type)) return;
    const now = Date.now();
    this.forgetOld(now);
    for (const userId of users) {
      if (typeof userId !== "string") continue;
      this.lastEventAt.set(userId, now);
      for (const handler of this.subscribers.get(userId) ?? []) this.deliver(handler, event as RealtimeEvent);
    }
  }

  private forgetOld(now: number): void {
    if (now - this.lastSweep < REMEMBER_MS) return;
    this.lastSweep = now;
    for (const [userId, at] of this.lastEventAt) if (now - at > REMEMBER_MS + CLOCK_SLACK_MS) this.lastEventAt.delete(userId);
  }

  private broadcast(event: ListenerEvent): void {
    for (const set of this.subscribers.values()) for (const handler of set) this.deliver(handler, event);
  }

  private deliver(handler: ListenerHandler, event: ListenerEvent): void {
    try {
      handler(event);
    } catch (err) {
      this.log(`subscriber failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}

const globalForRealtime = globalThis as unknown as { lanbaoRealtime?: RealtimeListener };

/** The process's listener, created on first use (kept on globalThis across dev reloads and bundles). */
export function realtimeListener(): RealtimeListener {
  if (!globalForRealtime.lanbaoRealtime) {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set.");
    globalForRealtime.lanbaoRealtime = new RealtimeListener({ connectionString });
  }
  return globalForRealtime.lanbaoRealtime;
}

"use client";

import { createContext, useCallback, useContext, useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from "react";
import type { RealtimeEvent } from "@/lib/realtime/publish";

/**
 * What the server streams (lib/realtime: a "message" event carries the message and a
 * "gift" event the card, unless they were too big; "resync" when the tab may have missed
 * some, the first time included), plus "open" each time the stream (re)connects.
 */
export type LiveEvent =
  | RealtimeEvent
  | { type: "resync" }
  | { type: "open"; reconnect: boolean }
  /** Local: this tab marked a thread read (unread counts changed). */
  | { type: "read"; threadId: string };

type LiveState = "connecting" | "open";

/**
 * The tab's live hub: event subscribers, the stream's state and the open thread. It lives
 * outside React state and never changes identity, so the stream opening or closing does not
 * re-render the provider: a context change would reach a streamed page that React has not
 * revealed yet and make it render that page a second time on the client, next to the
 * server's copy still waiting to be revealed. The state is read with useSyncExternalStore,
 * which re-renders only the components that show it.
 */
type Hub = {
  subscribe: (fn: (e: LiveEvent) => void) => () => void;
  /** Tells this tab's subscribers about something that happened here. */
  emit: (e: LiveEvent) => void;
  /** Tells subscribers what the stream brought. */
  receive: (e: LiveEvent) => void;
  /** Whether the stream has brought anything but its first "open". */
  hadNews: () => boolean;
  getState: () => LiveState;
  setState: (state: LiveState) => void;
  onState: (fn: () => void) => () => void;
  /** Marks the thread open in this tab (null: none); its new messages are read as they arrive. */
  setOpenThread: (threadId: string | null) => void;
  /** Whether `threadId` is the thread open in this tab. */
  isOpenThread: (threadId: string) => boolean;
};

function createHub(): Hub {
  const subscribers = new Set<(e: LiveEvent) => void>();
  const stateListeners = new Set<() => void>();
  let state: LiveState = "connecting";
  let openThread: string | null = null;
  let news = false;
  const listen = <T,>(set: Set<T>, fn: T) => {
    set.add(fn);
    return () => {
      set.delete(fn);
    };
  };
  const emit = (event: LiveEvent) => {
    for (const fn of [...subscribers]) fn(event);
  };
  return {
    subscribe: (fn) => listen(subscribers, fn),
    emit,
    receive: (event) => {
      if (event.type !== "open" || event.reconnect) news = true;
      emit(event);
    },
    hadNews: () => news,
    getState: () => state,
    setState: (next) => {
      if (next === state) return;
      state = next;
      for (const fn of [...stateListeners]) fn();
    },
    onState: (fn) => listen(stateListeners, fn),
    setOpenThread: (threadId) => {
      openThread = threadId;
    },
    isOpenThread: (threadId) => openThread === threadId,
  };
}

const RealtimeContext = createContext<Hub | null>(null);
const STREAM_EVENTS = ["message", "gift", "threads", "resync"] as const;

/**
 * One EventSource per tab for all chat pages: the pages below subscribe to it. The browser
 * reconnects a broken stream by itself; a stream the server refused (restart, 5xx) is
 * reopened here with a growing delay. `renderedAt` (server time) tells the server from when
 * the first page may have missed events: the stream starts with "resync" only if it did.
 */
export function RealtimeProvider({ children, renderedAt }: { children: ReactNode; renderedAt: number }) {
  const [hub] = useState(createHub);
  // The first render's time: a refreshed layout must not reopen the stream.
  const [since] = useState(renderedAt);

  useEffect(() => {
    let source: EventSource | null = null;
    let retryTimer: number | undefined;
    let attempt = 0;
    let stopped = false;
    let opened = false;
    const connect = () => {
      const es = new EventSource(`/api/realtime?since=${since}`);
      source = es;
      es.onopen = () => {
        attempt = 0;
        hub.setState("open");
        hub.receive({ type: "open", reconnect: opened });
        opened = true;
      };
      for (const type of STREAM_EVENTS) {
        es.addEventListener(type, (ev) => {
          try {
            hub.receive(JSON.parse((ev as MessageEvent<string>).data) as LiveEvent);
          } catch {
            // not ours; ignore
          }
        });
      }
      es.onerror = () => {
        hub.setState("connecting");
        if (es.readyState === EventSource.CLOSED && !stopped) {
          es.close();
          retryTimer = window.setTimeout(connect, Math.min(30_000, 1000 * 2 ** attempt++));
        }
      };
    };
    connect();
    return () => {
      stopped = true;
      window.clearTimeout(retryTimer);
      source?.close();
      hub.setState("connecting");
    };
  }, [hub, since]);

  return (
    <RealtimeContext.Provider value={hub}>
      {children}
      <LiveStatus />
    </RealtimeContext.Provider>
  );
}

/** Lets tests (and curious people) see whether live updates are flowing. */
function LiveStatus() {
  return <span hidden data-testid="realtime-status" data-state={useLiveState()} />;
}

/** Calls `handler` for every live event while the component is mounted. */
export function useLiveEvents(handler: (e: LiveEvent) => void) {
  const ctx = useContext(RealtimeContext);
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => ctx?.subscribe((e) => latest.current(e)), [ctx]);
}

/** Emits a local event to this tab's subscribers (no-op outside the provider). */
export function useLiveEmit(): (e: LiveEvent) => void {
  const ctx = useContext(RealtimeContext);
  return ctx?.emit ?? noop;
}
const noop = () => {};

const unsubscribed = () => noop;
const connecting = (): LiveState => "connecting";

const subscribeToNothing = () => noop;
const onClient = () => false;
const onServerOrHydrating = () => true;

/**
 * Whether this component first rendered by hydrating the server's HTML (true) or on the client
 * (false): a hydrated page was rendered before this tab's live stream could tell it anything.
 */
export function useCameWithDocument(): boolean {
  const hydrating = useSyncExternalStore(subscribeToNothing, onClient, onServerOrHydrating);
  return useState(hydrating)[0];
}

/** Tells, when called (in an effect or handler), whether the stream has brought any news yet. */
export function useHadNews(): () => boolean {
  return useContext(RealtimeContext)?.hadNews ?? nothing;
}
const nothing = () => false;

export function useLiveState(): LiveState {
  const ctx = useContext(RealtimeContext);
  return useSyncExternalStore(ctx?.onState ?? unsubscribed, ctx?.getState ?? connecting, connecting);
}

/** Marks `threadId` as the thread open in this tab while the calling component is mounted. */
export function useOpenThread(threadId: string) {
  const ctx = useContext(RealtimeContext);
  const setOpenThread = ctx?.setOpenThread;
  const isOpenThread = ctx?.isOpenThread;
  useEffect(() => {
    if (!setOpenThread || !isOpenThread) return;
    setOpenThread(threadId);
    return () => {
      if (isOpenThread(threadId)) setOpenThread(null);
    };
  }, [setOpenThread, isOpenThread, threadId]);
}

/** Whether new messages of `threadId` are being read right now (open in this tab, tab in view). */
export function useIsReading(): (threadId: string) => boolean {
  const isOpenThread = useContext(RealtimeContext)?.isOpenThread;
  return useCallback((threadId: string) => (isOpenThread?.(threadId) ?? false) && document.visibilityState === "visible", [isOpenThread]);
}

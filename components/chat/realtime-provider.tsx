"use client";

import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import type { RealtimeEvent } from "@/lib/realtime/publish";

/**
 * What the server streams (lib/realtime: a "message" event carries the message and a
 * "gift" event the card, unless they were too big), plus "open" each time the stream
 * (re)connects.
 */
export type LiveEvent =
  | RealtimeEvent
  | { type: "resync" }
  | { type: "open" }
  /** Local: this tab marked a thread read (unread counts changed). */
  | { type: "read"; threadId: string };

type LiveState = "connecting" | "open";
type Context = {
  subscribe: (fn: (e: LiveEvent) => void) => () => void;
  /** Tells this tab's subscribers about something that happened here. */
  emit: (e: LiveEvent) => void;
  state: LiveState;
  /** Marks the thread open in this tab (null: none); its new messages are read as they arrive. */
  setOpenThread: (threadId: string | null) => void;
  /** Whether `threadId` is the thread open in this tab. */
  isOpenThread: (threadId: string) => boolean;
};

const RealtimeContext = createContext<Context | null>(null);
const STREAM_EVENTS = ["message", "gift", "threads", "resync"] as const;

/**
 * One EventSource per tab for all chat pages: the pages below subscribe to it. The browser
 * reconnects a broken stream by itself; a stream the server refused (restart, 5xx) is
 * reopened here with a growing delay.
 */
export function RealtimeProvider({ children }: { children: ReactNode }) {
  const subscribers = useRef(new Set<(e: LiveEvent) => void>());
  const openThread = useRef<string | null>(null);
  const [state, setState] = useState<LiveState>("connecting");

  useEffect(() => {
    let source: EventSource | null = null;
    let retryTimer: number | undefined;
    let attempt = 0;
    let stopped = false;
    const emit = (event: LiveEvent) => {
      for (const fn of [...subscribers.current]) fn(event);
    };
    const connect = () => {
      const es = new EventSource("/api/realtime");
      source = es;
      es.onopen = () => {
        attempt = 0;
        setState("open");
        emit({ type: "open" });
      };
      for (const type of STREAM_EVENTS) {
        es.addEventListener(type, (ev) => {
          try {
            emit(JSON.parse((ev as MessageEvent<string>).data) as LiveEvent);
          } catch {
            // not ours; ignore
          }
        });
      }
      es.onerror = () => {
        setState("connecting");
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
    };
  }, []);

  const emit = useCallback((event: LiveEvent) => {
    for (const fn of [...subscribers.current]) fn(event);
  }, []);

  const subscribe = useCallback((fn: (e: LiveEvent) => void) => {
    subscribers.current.add(fn);
    return () => {
      subscribers.current.delete(fn);
    };
  }, []);

  const setOpenThread = useCallback((threadId: string | null) => {
    openThread.current = threadId;
  }, []);
  const isOpenThread = useCallback((threadId: string) => openThread.current === threadId, []);

  return (
    <RealtimeContext.Provider value={{ subscribe, emit, state, setOpenThread, isOpenThread }}>
      {children}
      {/* Lets tests (and curious people) see whether live updates are flowing. */}
      <span hidden data-testid="realtime-status" data-state={state} />
    </RealtimeContext.Provider>
  );
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

export function useLiveState(): LiveState {
  return useContext(RealtimeContext)?.state ?? "connecting";
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

"use client";

import { useFormatter, useNow, useTimeZone, useTranslations } from "next-intl";
import { Fragment, useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import type { ChatMessage, MessagePage } from "@/lib/chat/messages";
import type { GiftCardData } from "@/lib/gifting/cards";
import type { ActionResult } from "@/lib/validation/result";
import { Composer } from "./composer";
import { MessageItem } from "./message-item";
import { useLiveEmit, useLiveEvents, useLiveState } from "./realtime-provider";

/** Server actions the thread calls (app/(chat)/chats/[threadId]/actions.ts). */
export type ThreadActions = {
  send: (input: { threadId: string; body: string }) => Promise<ActionResult<ChatMessage>>;
  newer: (input: { threadId: string; after: string | null; markRead: boolean }) => Promise<ActionResult<MessagePage>>;
  older: (input: { threadId: string; before: string }) => Promise<ActionResult<MessagePage>>;
  giftCard: (input: { threadId: string; giftId: string }) => Promise<ActionResult<GiftCardData | null>>;
  markRead: (input: { threadId: string }) => Promise<ActionResult>;
};

/**
 * Catch-up re-reads this far behind the newest message it has: a message can commit a
 * moment after a later-stamped one (or come from a process whose clock is a little
 * behind), and re-reading a few seconds costs nothing since messages merge by id.
 */
const OVERLAP_MS = 5000;
/** Within this distance of the bottom the view follows new messages. */
const STICK_PX = 80;
/** A time line between messages further apart than this. */
const GAP_MS = 15 * 60_000;

function order(a: ChatMessage, b: ChatMessage) {
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function merge(current: ChatMessage[], incoming: ChatMessage[]): ChatMessage[] {
  if (incoming.length === 0) return current;
  const byId = new Map(current.map((m) => [m.id, m]));
  for (const m of incoming) byId.set(m.id, m);
  return [...byId.values()].sort(order);
}

function catchUpCursor(messages: ChatMessage[]): string | null {
  if (messages.length === 0) return null;
  const bound = Date.parse(messages[messages.length - 1].createdAt) - OVERLAP_MS;
  for (let i = messages.length - 1; i >= 0; i--) if (Date.parse(messages[i].createdAt) <= bound) return messages[i].cursor;
  return messages[0].cursor;
}

type Pending = { tempId: string; body: string; createdAt: string };

export function LiveThread({
  threadId,
  viewerId,
  viewerName,
  isGroup,
  initial,
  actions,
}: {
  threadId: string;
  viewerId: string;
  viewerName: string;
  isGroup: boolean;
  initial: MessagePage;
  actions: ThreadActions;
}) {
  const t = useTranslations("chat");
  const format = useFormatter();
  const timeZone = useTimeZone();
  const now = useNow({ updateInterval: 60_000 });
  const liveState = useLiveState();
  const emit = useLiveEmit();

  const [messages, setMessages] = useState(initial.messages);
  const [hasOlder, setHasOlder] = useState(initial.hasMore);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [pending, setPending] = useState<Pending[]>([]);
  const [unseen, setUnseen] = useState(false);

  const messagesRef = useRef(messages);
  messagesRef.current = messages;
  const scroller = useRef<HTMLDivElement>(null);
  const topSentinel = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  /** Distance from the bottom to keep while older messages are put above. */
  const restoreFromBottom = useRef<number | null>(null);
  const forceBottom = useRef(false);
  const catchingUp = useRef(false);
  const catchUpAgain = useRef(false);
  const seq = useRef(0);

  const add = useCallback((incoming: ChatMessage[]) => {
    if (incoming.length === 0) return;
    const known = new Set(messagesRef.current.map((m) => m.id));
    if (!stick.current && incoming.some((m) => !known.has(m.id) && m.sender?.id !== viewerId)) setUnseen(true);
    setMessages((cur) => merge(cur, incoming));
  }, [viewerId]);

  const retryTimer = useRef<number | undefined>(undefined);
  const retryDelay = useRef(1000);

  /**
   * Fetches everything after what we have; concurrent calls fold into one more round.
   * A failed fetch (offline for a moment, server restarting) is retried with a growing
   * delay, so an event whose fetch failed is not lost.
   */
  const catchUp = useCallback(async () => {
    if (catchingUp.current) {
      catchUpAgain.current = true;
      return;
    }
    catchingUp.current = true;
    window.clearTimeout(retryTimer.current);
    let failed = false;
    try {
      do {
        catchUpAgain.current = false;
        let after = catchUpCursor(messagesRef.current);
        for (let round = 0; round < 20; round++) {
          const markRead = document.visibilityState === "visible";
          const res = await actions.newer({ threadId, after, markRead });
          // Refused (signed out, not a member): retrying will not help. Network and
          // server failures throw instead and are retried below.
          if (!res.ok) break;
          add(res.data.messages);
          if (markRead && res.data.messages.length > 0) emit({ type: "read" });
          if (!res.data.hasMore || res.data.messages.length === 0) break;
          after = res.data.messages[res.data.messages.length - 1].cursor;
        }
      } while (catchUpAgain.current && !failed);
    } catch {
      failed = true;
    } finally {
      catchingUp.current = false;
    }
    if (failed) {
      retryTimer.current = window.setTimeout(() => void catchUpRef.current(), retryDelay.current);
      retryDelay.current = Math.min(retryDelay.current * 2, 30_000);
    } else {
      retryDelay.current = 1000;
    }
  }, [actions, add, emit, threadId]);
  const catchUpRef = useRef(catchUp);
  catchUpRef.current = catchUp;
  useEffect(() => () => window.clearTimeout(retryTimer.current), []);

  const refreshGift = useCallback(
    async (giftId: string) => {
      try {
        const res = await actions.giftCard({ threadId, giftId });
        if (!res.ok || !res.data) return;
        const card = res.data;
        setMessages((cur) => cur.map((m) => (m.gift?.giftId === giftId ? { ...m, gift: card } : m)));
      } catch {
        // the next refresh shows it
      }
    },
    [actions, threadId],
  );

  useLiveEvents((e) => {
    if (e.type === "open" || e.type === "resync") void catchUp();
    else if (e.type === "message" && e.threadId === threadId) void catchUp();
    else if (e.type === "gift" && e.threadId === threadId) void refreshGift(e.giftId);
  });

  // Whatever arrived between the server render and this subscription.
  useEffect(() => {
    void catchUp();
  }, [catchUp]);

  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState !== "visible") return;
      actions
        .markRead({ threadId })
        .then(() => emit({ type: "read" }))
        .catch(() => {});
      void catchUp();
    };
    const onOnline = () => void catchUp();
    document.addEventListener("visibilitychange", onVisible);
    window.addEventListener("online", onOnline);
    return () => {
      document.removeEventListener("visibilitychange", onVisible);
      window.removeEventListener("online", onOnline);
    };
  }, [actions, catchUp, emit, threadId]);

  // Start at the newest message.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, []);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    if (restoreFromBottom.current !== null) {
      el.scrollTop = el.scrollHeight - restoreFromBottom.current;
      restoreFromBottom.current = null;
    } else if (stick.current || forceBottom.current) {
      el.scrollTop = el.scrollHeight;
      forceBottom.current = false;
      setUnseen(false);
    }
  }, [messages, pending]);

  // The composer growing (or "+" opening) shrinks the list: keep the newest message in view.
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const ro = new ResizeObserver(() => {
      if (stick.current) el.scrollTop = el.scrollHeight;
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const loadOlder = useCallback(async () => {
    const first = messagesRef.current[0];
    if (loadingOlder || !hasOlder || !first) return;
    setLoadingOlder(true);
    try {
      const res = await actions.older({ threadId, before: first.cursor });
      if (res.ok) {
        const el = scroller.current;
        if (el) restoreFromBottom.current = el.scrollHeight - el.scrollTop;
        setMessages((cur) => merge(cur, res.data.messages));
        setHasOlder(res.data.hasMore);
      }
    } catch {
      // try again on the next scroll
    } finally {
      setLoadingOlder(false);
    }
  }, [actions, hasOlder, loadingOlder, threadId]);

  // Older messages load when the top comes into view.
  useEffect(() => {
    const root = scroller.current;
    const target = topSentinel.current;
    if (!root || !target || !hasOlder) return;
    const io = new IntersectionObserver((entries) => {
      if (entries.some((en) => en.isIntersecting)) void loadOlder();
    }, { root, rootMargin: "200px 0px 0px 0px" });
    io.observe(target);
    return () => io.disconnect();
  }, [hasOlder, loadOlder]);

  async function send(body: string): Promise<string | undefined> {
    const tempId = `pending-${++seq.current}`;
    forceBottom.current = true;
    setPending((p) => [...p, { tempId, body, createdAt: new Date().toISOString() }]);
    try {
      const res = await actions.send({ threadId, body });
      if (!res.ok) return res.formError ?? res.fieldErrors.body?.[0] ?? "chat.errors.failed";
      forceBottom.current = true;
      add([res.data]);
      return undefined;
    } catch {
      return "chat.errors.failed";
    } finally {
      setPending((p) => p.filter((x) => x.tempId !== tempId));
    }
  }

  const dayKey = (iso: string) =>
    new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(iso));
  const today = dayKey(now.toISOString());
  const yesterday = dayKey(new Date(now.getTime() - 86_400_000).toISOString());
  const separator = (iso: string) => {
    const d = new Date(iso);
    const key = dayKey(iso);
    const time = format.dateTime(d, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    const day =
      key === today
        ? t("today")
        : key === yesterday
          ? t("yesterday")
          : format.dateTime(d, { month: "short", day: "numeric", weekday: "short", ...(key.slice(0, 4) !== today.slice(0, 4) && { year: "numeric" }) });
    return `${day} ${time}`;
  };

  const shown: { message: ChatMessage; pending: boolean }[] = [
    ...messages.map((m) => ({ message: m, pending: false })),
    ...pending.map((p) => ({
      pending: true,
      message: {
        id: p.tempId,
        cursor: "",
        kind: "TEXT" as const,
        body: p.body,
        sender: { id: viewerId, name: viewerName },
        systemKey: null,
        systemArg: null,
        createdAt: p.createdAt,
        gift: null,
      },
    })),
  ];

  return (
    <div className="relative flex min-h-0 flex-1 flex-col">
      {liveState !== "open" && (
        <p role="status" className="absolute inset-x-0 top-0 z-10 bg-amber-50 py-1 text-center text-xs text-amber-800">
          {t("reconnecting")}
        </p>
      )}
      <div
        ref={scroller}
        onScroll={(e) => {
          const el = e.currentTarget;
          stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < STICK_PX;
          if (stick.current) setUnseen(false);
        }}
        className="min-h-0 flex-1 overflow-y-auto overscroll-contain py-3"
        role="log"
        aria-label={t("messageList")}
        aria-live="polite"
        data-testid="message-list"
      >
        <div ref={topSentinel} className="flex justify-center pb-2">
          {hasOlder ? (
            <button type="button" onClick={() => void loadOlder()} disabled={loadingOlder} className="text-xs text-gray-500 underline-offset-2 hover:underline">
              {loadingOlder ? t("loadingOlder") : t("loadOlder")}
            </button>
          ) : (
            <p className="text-xs text-gray-400">{t("beginning")}</p>
          )}
        </div>
        <ol className="space-y-3">
          {shown.map(({ message, pending: isPending }, i) => {
            const prev = shown[i - 1]?.message;
            const sep =
              !prev || dayKey(prev.createdAt) !== dayKey(message.createdAt) || Date.parse(message.createdAt) - Date.parse(prev.createdAt) > GAP_MS;
            return (
              <Fragment key={message.id}>
                {sep && (
                  <li className="flex justify-center" aria-hidden={false}>
                    <time dateTime={message.createdAt} className="text-xs text-gray-400" data-testid="day-separator">
                      {separator(message.createdAt)}
                    </time>
                  </li>
                )}
                <li>
                  <MessageItem message={message} viewerId={viewerId} showName={isGroup} pending={isPending} />
                </li>
              </Fragment>
            );
          })}
        </ol>
      </div>
      {unseen && (
        <button
          type="button"
          onClick={() => {
            const el = scroller.current;
            if (el) el.scrollTo({ top: el.scrollHeight, behavior: "smooth" });
            setUnseen(false);
          }}
          className="absolute bottom-20 left-1/2 -translate-x-1/2 rounded-full bg-white px-3 py-1 text-xs font-medium text-green-700 shadow ring-1 ring-gray-200"
        >
          {t("newMessages")} ↓
        </button>
      )}
      <Composer threadId={threadId} onSend={send} />
    </div>
  );
}

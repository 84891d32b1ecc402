"use client";

import { useFormatter, useNow, useTimeZone, useTranslations } from "next-intl";
import { Fragment, useEffect, useMemo, useRef } from "react";
import type { ChatMessage, MessagePage } from "@/lib/chat/messages";
import { Composer } from "./composer";
import { MessageItem } from "./message-item";
import { useLiveState } from "./realtime-provider";
import { useStickToBottom } from "./use-stick-to-bottom";
import { useThreadMessages, type ThreadActions } from "./use-thread-messages";

export type { ThreadActions } from "./use-thread-messages";

/** A time line between messages further apart than this. */
const GAP_MS = 15 * 60_000;

/** An open thread: its messages, live, with the composer under them. */
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
  const scrollRef = useRef<ReturnType<typeof useStickToBottom> | null>(null);
  const thread = useThreadMessages({
    threadId,
    viewerId,
    initial,
    actions,
    onArrive: (fresh) => {
      if (fresh.some((m) => m.sender?.id !== viewerId)) scrollRef.current?.noteArrival();
    },
  });
  const { messages, pending, hasOlder, loadingOlder, loadOlder } = thread;
  const scroll = useStickToBottom([messages, pending]);
  useEffect(() => {
    scrollRef.current = scroll;
  });
  const topSentinel = useRef<HTMLDivElement>(null);

  // Older messages load when the top comes into view.
  const { scroller, keepPlace } = scroll;
  useEffect(() => {
    const root = scroller.current;
    const target = topSentinel.current;
    if (!root || !target || !hasOlder) return;
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((en) => en.isIntersecting)) void loadOlder(keepPlace);
      },
      { root, rootMargin: "200px 0px 0px 0px" },
    );
    io.observe(target);
    return () => io.disconnect();
  }, [hasOlder, loadOlder, keepPlace, scroller]);

  function send(body: string) {
    scroll.followNext();
    return thread.send(body);
  }

  // One formatter per render, not two per message: building an Intl formatter is costly.
  const dayFormat = useMemo(() => new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }), [timeZone]);
  const dayKey = (iso: string) => dayFormat.format(new Date(iso));
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
        onScroll={scroll.onScroll}
        className="min-h-0 flex-1 overflow-y-auto overscroll-contain py-3"
        role="log"
        // Focusable, so the thread scrolls with the keyboard even when it holds no link.
        tabIndex={0}
        aria-label={t("messageList")}
        aria-live="polite"
        data-testid="message-list"
      >
        <div ref={topSentinel} className="flex justify-center pb-2">
          {hasOlder ? (
            <button type="button" onClick={() => void loadOlder(keepPlace)} disabled={loadingOlder} className="text-xs text-gray-600 underline-offset-2 hover:underline">
              {loadingOlder ? t("loadingOlder") : t("loadOlder")}
            </button>
          ) : (
            <p className="text-xs text-gray-600">{t("beginning")}</p>
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
                    <time dateTime={message.createdAt} className="text-xs text-gray-600" data-testid="day-separator">
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
      {scroll.unseen && (
        <button
          type="button"
          onClick={scroll.jumpToBottom}
          className="absolute bottom-20 left-1/2 -translate-x-1/2 rounded-full bg-white px-3 py-1 text-xs font-medium text-green-700 shadow ring-1 ring-gray-200"
        >
          {t("newMessages")} ↓
        </button>
      )}
      <Composer threadId={threadId} onSend={send} />
    </div>
  );
}

"use client";

import { useEffect, useRef, useState } from "react";
import { useIsReading, useLiveEvents } from "./realtime-provider";

/**
 * The red count next to "Chats". Rendered with the server's number, then kept current on
 * chat pages by live events: a message from someone else in a thread not being read here,
 * a thread read in this tab, a reconnect. The count is a sum of counters on the server, read
 * with a plain GET so it never queues behind the page's server actions. `label` is the
 * server's "chat.unread" message as written ("{count} unread"), filled in here.
 */
export function UnreadBadge({ initial, viewerId, label }: { initial: number; viewerId: string; label: string }) {
  const [count, setCount] = useState(initial);
  const timer = useRef<number | undefined>(undefined);
  // Only the newest read counts: an older answer arriving late would bring back a stale count.
  const latest = useRef(0);
  const isReading = useIsReading();
  const [shownInitial, setShownInitial] = useState(initial);
  if (shownInitial !== initial) {
    setShownInitial(initial);
    setCount(initial);
  }
  useEffect(() => () => window.clearTimeout(timer.current), []);
  useLiveEvents((e) => {
    if (e.type === "gift") return;
    if (e.type === "message" && (e.message?.sender?.id === viewerId || isReading(e.threadId))) return;
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(async () => {
      const asked = ++latest.current;
      const res = await fetch("/api/realtime/unread", { cache: "no-store" }).catch(() => null);
      const body = res?.ok ? ((await res.json().catch(() => null)) as { count?: unknown } | null) : null;
      if (asked === latest.current && typeof body?.count === "number") setCount(body.count);
    }, 300);
  });
  if (count <= 0) return null;
  return (
    <span
      data-testid="nav-unread"
      aria-label={label.replace("{count}", String(count))}
      className="absolute -top-1 -right-1 flex h-4 min-w-4 items-center justify-center rounded-full bg-red-600 px-1 text-[10px] font-medium text-white"
    >
      {count > 99 ? "99+" : count}
    </span>
  );
}

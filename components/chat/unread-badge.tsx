"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { useLiveEvents } from "./realtime-provider";
import { unreadCountAction } from "./unread-actions";

/**
 * The red count next to "Chats". Rendered with the server's number, then kept current on
 * chat pages by live events (new messages elsewhere, a thread read in this tab).
 */
export function UnreadBadge({ initial }: { initial: number }) {
  const t = useTranslations("chat");
  const [count, setCount] = useState(initial);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => setCount(initial), [initial]);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  useLiveEvents((e) => {
    if (e.type === "gift") return;
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(async () => {
      const res = await unreadCountAction().catch(() => null);
      if (res?.ok) setCount(res.data);
    }, 300);
  });
  if (count <= 0) return null;
  return (
    <span
      data-testid="nav-unread"
      aria-label={t("unread", { count })}
      className="absolute -top-1 -right-1 flex h-4 min-w-4 items-center justify-center rounded-full bg-red-500 px-1 text-[10px] font-medium text-white"
    >
      {count > 99 ? "99+" : count}
    </span>
  );
}

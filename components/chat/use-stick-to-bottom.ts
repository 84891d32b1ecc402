"use client";

import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";

/** Within this distance of the bottom the view follows new messages. */
const STICK_PX = 80;

/**
 * Scrolling of a message list: starts at the newest message, follows new ones while the
 * reader is at the bottom (or just sent one), keeps the reader's place when older messages
 * are put above, and says when something new arrived out of view.
 */
export function useStickToBottom(changes: unknown[]) {
  const scroller = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const forceBottom = useRef(false);
  /** Distance from the bottom to keep while older messages are put above. */
  const restoreFromBottom = useRef<number | null>(null);
  const [unseen, setUnseen] = useState(false);

  const onScroll = useCallback((e: React.UIEvent<HTMLDivElement>) => {
    const el = e.currentTarget;
    stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < STICK_PX;
    if (stick.current) setUnseen(false);
  }, []);

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
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs after each change of what is listed
  }, changes);

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

  return {
    scroller,
    onScroll,
    unseen,
    /** Something arrived: flag it when the reader is scrolled up. */
    noteArrival: useCallback(() => {
      if (!stick.current) setUnseen(true);
    }, []),
    /** The next change scrolls to the bottom whatever the position (the reader just sent). */
    followNext: useCallback(() => {
      forceBottom.current = true;
    }, []),
    /** Call just before older messages are put above, to keep what is in view in place. */
    keepPlace: useCallback(() => {
      const el = scroller.current;
      if (el) restoreFromBottom.current = el.scrollHeight - el.scrollTop;
    }, []),
    jumpToBottom: useCallback(() => {
      const el = scroller.current;
      if (el) el.scrollTo({ top: el.scrollHeight, behavior: matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth" });
      setUnseen(false);
    }, []),
  };
}

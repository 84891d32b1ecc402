"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef } from "react";
import { useCameWithDocument, useHadNews, useLiveEvents, type LiveEvent } from "./realtime-provider";

/**
 * Re-renders the server page when something it shows may have changed. `on` names the
 * live events the page shows (default: all of them); bursts collapse into one refresh.
 * Reconnects and "resync" always refresh, since events may have been missed. The stream's
 * first "open" does not: the server starts it with "resync" if the page may be stale.
 */
export function LiveRefresh({ on }: { on?: LiveEvent["type"][] }) {
  const router = useRouter();
  const timer = useRef<number | undefined>(undefined);
  const cameWithDocument = useCameWithDocument();
  const hadNews = useHadNews();
  const refresh = useCallback(() => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => router.refresh(), 150);
  }, [router]);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  useLiveEvents((e) => {
    if (e.type === "open" ? !e.reconnect : on && e.type !== "resync" && !on.includes(e.type)) return;
    refresh();
  });
  // A page that came with the document but was shown only after the stream had brought
  // something (a background tab holds back streamed pages) missed it.
  useEffect(() => {
    if (cameWithDocument && hadNews()) refresh();
  }, [cameWithDocument, hadNews, refresh]);
  return null;
}

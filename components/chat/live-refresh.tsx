"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef } from "react";
import { useCameWithDocument, useLiveEvents, useLiveStateReader, type LiveEvent } from "./realtime-provider";

/**
 * Re-renders the server page when something it shows may have changed. `on` names the
 * live events the page shows (default: all of them); bursts collapse into one refresh.
 * Reconnects always refresh, since events may have been missed meanwhile.
 */
export function LiveRefresh({ on }: { on?: LiveEvent["type"][] }) {
  const router = useRouter();
  const timer = useRef<number | undefined>(undefined);
  const cameWithDocument = useCameWithDocument();
  const readLiveState = useLiveStateReader();
  const refresh = useCallback(() => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => router.refresh(), 150);
  }, [router]);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  useLiveEvents((e) => {
    if (on && e.type !== "open" && e.type !== "resync" && !on.includes(e.type)) return;
    refresh();
  });
  // A page that came with the document but was shown only after the stream had opened (a
  // background tab holds back streamed pages) missed that "open" and whatever came since.
  useEffect(() => {
    if (cameWithDocument && readLiveState() === "open") refresh();
  }, [cameWithDocument, readLiveState, refresh]);
  return null;
}

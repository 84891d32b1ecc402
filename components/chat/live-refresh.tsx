"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { useLiveEvents, type LiveEvent } from "./realtime-provider";

/**
 * Re-renders the server page when something it shows may have changed. `on` names the
 * live events the page shows (default: all of them); bursts collapse into one refresh.
 * Reconnects always refresh, since events may have been missed meanwhile.
 */
export function LiveRefresh({ on }: { on?: LiveEvent["type"][] }) {
  const router = useRouter();
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  useLiveEvents((e) => {
    if (on && e.type !== "open" && e.type !== "resync" && !on.includes(e.type)) return;
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => router.refresh(), 150);
  });
  return null;
}

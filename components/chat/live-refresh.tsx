"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { useLiveEvents } from "./realtime-provider";

/**
 * Re-renders the server page when something it shows may have changed (new messages,
 * friend requests, gift status). Bursts of events collapse into one refresh.
 */
export function LiveRefresh() {
  const router = useRouter();
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  useLiveEvents(() => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => router.refresh(), 150);
  });
  return null;
}

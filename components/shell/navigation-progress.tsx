"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";

/** Gives up on a navigation that never lands (offline, cancelled) after this long. */
const GIVE_UP_MS = 15_000;

/**
 * A thin bar along the top while a link's page is on its way: the loading state of pages
 * that have no loading.tsx (those whose first paint matters most, where a streamed
 * placeholder would become the largest paint and hold the real content back).
 */
export function NavigationProgress({ label }: { label: string }) {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const [pending, setPending] = useState(false);

  // A new location has landed: the bar goes (set during render, as React advises for state following props).
  const location = `${pathname}?${search}`;
  const [landed, setLanded] = useState(location);
  if (landed !== location) {
    setLanded(location);
    setPending(false);
  }

  useEffect(() => {
    if (!pending) return;
    const timer = window.setTimeout(() => setPending(false), GIVE_UP_MS);
    return () => window.clearTimeout(timer);
  }, [pending]);

  useEffect(() => {
    // Capture phase: Next's <Link> prevents the default in its own handler, later.
    const onClick = (e: MouseEvent) => {
      if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const a = e.target instanceof Element ? e.target.closest("a[href]") : null;
      if (!(a instanceof HTMLAnchorElement) || (a.target && a.target !== "_self") || a.hasAttribute("download")) return;
      const url = new URL(a.href, window.location.href);
      if (url.origin !== window.location.origin) return;
      if (url.pathname === window.location.pathname && url.search === window.location.search) return;
      setPending(true);
    };
    const onPop = () => setPending(false);
    document.addEventListener("click", onClick, true);
    window.addEventListener("popstate", onPop);
    return () => {
      document.removeEventListener("click", onClick, true);
      window.removeEventListener("popstate", onPop);
    };
  }, []);

  if (!pending) return null;
  return (
    <div role="progressbar" aria-label={label} className="fixed inset-x-0 top-0 z-50 h-0.5 overflow-hidden bg-lanbao-100" data-testid="navigation-progress">
      <div className="h-full w-1/3 animate-[lanbao-progress_1s_ease-in-out_infinite] bg-lanbao-500" />
    </div>
  );
}

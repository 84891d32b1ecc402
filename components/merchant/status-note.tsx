"use client";

import { useEffect, useState } from "react";

/** A short "Saved" line that shows after each success and fades after a few seconds. */
export function StatusNote({ show, text, version }: { show: boolean; text: string; version: unknown }) {
  const [visible, setVisible] = useState(false);
  // Each new success (a new `version` while `show`) shows the note again: state set during
  // render when the props change, as React advises, and hidden by a timer.
  const [seen, setSeen] = useState<{ show: boolean; version: unknown } | null>(null);
  if (seen === null || seen.show !== show || seen.version !== version) {
    setSeen({ show, version });
    if (show) setVisible(true);
  }
  useEffect(() => {
    if (!visible) return;
    const id = setTimeout(() => setVisible(false), 4000);
    return () => clearTimeout(id);
  }, [visible, version]);
  return (
    <p role="status" aria-live="polite" className="min-h-5 text-sm text-green-700" data-testid="status-note">
      {visible ? `✓ ${text}` : ""}
    </p>
  );
}

"use client";

import { useEffect, useState } from "react";

/** A short "Saved" line that shows after each success and fades after a few seconds. */
export function StatusNote({ show, text, version }: { show: boolean; text: string; version: unknown }) {
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    if (!show) return;
    setVisible(true);
    const id = setTimeout(() => setVisible(false), 4000);
    return () => clearTimeout(id);
  }, [show, version]);
  return (
    <p role="status" aria-live="polite" className="min-h-5 text-sm text-green-700" data-testid="status-note">
      {visible ? `✓ ${text}` : ""}
    </p>
  );
}

import type { ReactNode } from "react";

/**
 * Pages made to be printed (packing slips): no app header, paper margins. Each page checks
 * the user and ownership itself.
 */
export default function PrintLayout({ children }: { children: ReactNode }) {
  // Paper margins and a white page are in globals.css: an inline <style> would need the CSP nonce.
  return <main className="mx-auto max-w-2xl px-4 py-6 print:max-w-none print:p-0">{children}</main>;
}

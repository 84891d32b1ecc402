import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import type { GiftPhase } from "@/lib/lifecycle/status";
import { GiftGlyph } from "./gift-glyph";

/**
 * Full-height bottom sheet on phones, a centred card on wider screens. `title` is the
 * page's heading for screen readers, for contents that have no visible one.
 */
export function GiftSheet({ title, children }: { title?: string; children: ReactNode }) {
  return (
    <div className="min-h-dvh bg-black/40 sm:flex sm:items-center sm:justify-center sm:p-6">
      <div className="min-h-dvh overflow-hidden rounded-t-2xl bg-white pt-2 sm:min-h-0 sm:w-full sm:max-w-md sm:rounded-2xl">
        <div aria-hidden className="mx-auto mb-2 h-1 w-10 rounded-full bg-gray-300 sm:hidden" />
        {title && <h1 className="sr-only">{title}</h1>}
        {children}
      </div>
    </div>
  );
}

/** The blue envelope at the top of the sheet: who it is from, the message, the product. */
export function GiftEnvelope({ image, title, message, from }: { image: string | null; title: string; message: string; from: string }) {
  return (
    <div className="mx-3 rounded-2xl bg-gradient-to-br from-sky-500 via-lanbao-500 to-lanbao-700 p-5 text-white">
      <p className="flex items-center gap-1.5 text-sm text-white/80">
        <GiftGlyph />
        {from}
      </p>
      <p className="mt-1 text-lg font-semibold" data-testid="gift-message">
        {message}
      </p>
      <div className="mt-4 flex items-center gap-3 rounded-xl bg-white/15 p-2">
        {image && (
          // eslint-disable-next-line @next/next/no-img-element -- committed product images, sized
          <img src={image} alt="" width={72} height={72} className="size-18 rounded-lg object-cover" />
        )}
        <p className="text-sm font-medium">{title}</p>
      </div>
    </div>
  );
}

/** The gift's phase as a badge; the page's tests read data-phase. */
export function GiftPhaseBadge({ phase }: { phase: GiftPhase }) {
  const t = useTranslations("gift");
  const [tone, label] = {
    waiting: ["blue", t("statusWaiting")],
    drawn: ["blue", t("lottery.statusDrawn")],
    accepted: ["green", t("statusAccepted")],
    declined: ["gray", t("statusDeclined")],
    expired: ["gray", t("statusExpired")],
  }[phase] as ["blue" | "green" | "gray", string];
  return (
    // A live region: when the page refreshes with a new status, screen readers hear it
    // without focus moving.
    <span data-testid="gift-status" data-phase={phase} role="status" aria-live="polite">
      <Badge tone={tone}>{label}</Badge>
    </span>
  );
}

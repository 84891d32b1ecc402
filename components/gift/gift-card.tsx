import Link from "@/components/ui/link";
import { useNow, useTranslations } from "next-intl";
import type { GiftCardData } from "@/lib/gifting/cards";
import { giftPhase } from "@/lib/lifecycle/status";
import { GiftGlyph } from "./gift-glyph";

/**
 * The blue envelope in a chat thread. Usable from server and client components (no
 * server-only imports), so a live thread can render new cards without a reload.
 */
export function GiftCard({ card, viewerId }: { card: GiftCardData; viewerId: string }) {
  const t = useTranslations("gift");
  const mine = card.senderId === viewerId;
  // A waiting gift past its 24 hours reads "expired" before the expiry job has run.
  const phase = giftPhase(card, useNow({ updateInterval: 60_000 }));
  const left = card.units - card.unitsClaimed;
  const status = (() => {
    if (phase === "declined") return t("statusDeclined");
    if (phase === "expired") return card.unitsClaimed > 0 && card.mode !== "SINGLE" ? t("statusExpiredPartly") : t("statusExpired");
    if (card.mode === "SINGLE") return phase === "accepted" ? t("statusAccepted") : t("statusWaiting");
    if (card.mode === "GROUP") return phase === "accepted" ? t("group.statusAllTaken") : t("statusUnitsLeft", { left, units: card.units });
    if (phase === "waiting") return t("lottery.statusOpen", { count: card.lottery?.entrants ?? 0 });
    return phase === "drawn" ? t("lottery.statusDrawn") : t("lottery.statusAllAccepted");
  })();
  return (
    <Link
      href={card.href}
      data-testid="gift-card"
      data-gift-status={phase}
      className="block w-64 overflow-hidden rounded-xl bg-gradient-to-br from-sky-500 via-lanbao-500 to-lanbao-700 text-white shadow-md ring-1 ring-lanbao-700/30 transition active:scale-[0.99]"
    >
      <div className="flex gap-3 p-3">
        <div className="size-16 shrink-0 overflow-hidden rounded-lg bg-white/20">
          {card.productImage && (
            // eslint-disable-next-line @next/next/no-img-element -- thumbnails from public/, already sized
            <img src={card.productImage} alt="" width={64} height={64} loading="lazy" className="size-full object-cover" />
          )}
        </div>
        <div className="min-w-0 flex-1">
          <p className="flex items-center gap-1 text-xs font-medium text-white/80">
            <GiftGlyph className="size-3.5" />
            {mine ? t("cardFromYou") : t("cardFrom", { name: card.senderName })}
          </p>
          <p className="mt-0.5 line-clamp-2 text-sm font-semibold leading-snug">{card.message || t("defaultMessage")}</p>
          <p className="mt-1 truncate text-xs text-white/75">{card.productTitle}</p>
          {card.lottery && (
            // The commitment: the seed's SHA-256, shown from the start so the draw can be checked.
            <p className="mt-0.5 truncate font-mono text-[10px] text-white/70" data-testid="gift-card-commitment">
              SHA-256 {card.lottery.commitment.slice(0, 16)}…
            </p>
          )}
        </div>
      </div>
      <div className="flex items-center justify-between border-t border-white/20 bg-white/10 px-3 py-1.5 text-xs">
        <span data-testid="gift-card-status">{status}</span>
        <span className="font-medium">{card.mode === "LOTTERY" ? t("lottery.cardBrand") : card.mode === "GROUP" ? t("group.cardBrand") : t("cardBrand")}</span>
      </div>
    </Link>
  );
}

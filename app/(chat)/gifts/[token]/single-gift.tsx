import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ClaimSummary } from "@/components/gift/claim-summary";
import { GiftEnvelope, GiftPhaseBadge } from "@/components/gift/gift-sheet";
import { TrackGiftLink } from "@/components/tracking/track-gift-link";
import { buttonClass } from "@/components/ui/button";
import { listAddresses } from "@/lib/address/book";
import { db } from "@/lib/db/client";
import type { RecipientGiftView, SenderGiftView } from "@/lib/gifting/view";
import { AcceptGiftForm } from "./accept-form";
import { acceptGiftAction } from "./actions";
import { DeclineGiftForm } from "./decline-form";
import { PassphraseShare } from "./passphrase-share";

/** A gift for one friend: the recipient accepts or declines; the sender sees only the status. */
export async function SingleGift({ view, token, userId }: { view: RecipientGiftView | SenderGiftView; token: string; userId: string }) {
  const [t, format] = await Promise.all([getTranslations("gift"), getFormatter()]);
  const statusBadge = <GiftPhaseBadge phase={view.phase} />;
  const expiresAt = format.dateTime(view.expiresAt, { dateStyle: "medium", timeStyle: "short" });
  if (view.role === "sender") {
    return (
      <>
        <GiftEnvelope image={view.productImage} title={view.productTitle} message={view.message || t("defaultMessage")} from={t("cardFromYou")} />
        <div className="space-y-2 p-5 text-sm" data-testid="gift-sender-view">
          <p className="flex items-center justify-between">
            <span data-testid="gift-sent-to">
              {view.recipientName ? t("sentTo", { name: view.recipientName }) : t("passphrase.notClaimedYet")}
            </span>
            {statusBadge}
          </p>
          {view.phase === "waiting" && <p className="text-gray-500">{t("expiresAt", { time: expiresAt })}</p>}
          {view.phase === "declined" && <p className="text-gray-600">{t("senderDeclinedBody", { name: view.recipientName ?? "" })}</p>}
          {view.phase === "expired" && <p className="text-gray-600">{t("senderExpiredBody")}</p>}
          <p className="text-gray-500">{t("senderPrivacy")}</p>
          {view.passphrase && !view.recipientName && view.phase === "waiting" && <PassphraseShare token={token} passphrase={view.passphrase} />}
          <TrackGiftLink giftId={view.giftId} as="sender" />
          {view.threadId ? (
            <Link href={`/chats/${view.threadId}`} className={buttonClass("secondary", "mt-3 w-full")}>
              {t("backToChat")}
            </Link>
          ) : (
            <Link href="/orders" className={buttonClass("secondary", "mt-3 w-full")}>
              {t("passphrase.toOrders")}
            </Link>
          )}
        </div>
      </>
    );
  }

  const open = view.phase === "waiting";
  const addresses = open && view.product.kind === "PHYSICAL" ? await listAddresses(db, userId) : [];
  return (
    <>
      <GiftEnvelope image={view.product.image} title={view.product.title} message={view.message || t("defaultMessage")} from={t("cardFrom", { name: view.senderName })} />
      <div className="space-y-4 p-5">
        <div className="flex items-center justify-between text-sm">
          <span className="text-gray-500">{open ? t("expiresAt", { time: expiresAt }) : null}</span>
          {statusBadge}
        </div>
        {view.claim ? (
          <>
            <ClaimSummary claim={view.claim} />
            <TrackGiftLink giftId={view.giftId} as="recipient" />
          </>
        ) : view.phase === "declined" ? (
          <p className="rounded-lg bg-gray-50 p-3 text-sm text-gray-600">{t("declinedBody")}</p>
        ) : !open ? (
          <p className="rounded-lg bg-gray-50 p-3 text-sm text-gray-600">{t("expiredBody")}</p>
        ) : (
          <>
            <AcceptGiftForm
              submit={{ action: acceptGiftAction }}
              submitLabel={t("accept")}
              token={token}
              variants={view.variants}
              paidVariantId={view.paidVariantId}
              needsAddress={view.product.kind === "PHYSICAL"}
              addresses={addresses}
            />
            <DeclineGiftForm token={token} senderName={view.senderName} />
          </>
        )}
        {view.threadId && (
          <Link href={`/chats/${view.threadId}`} className="block text-center text-sm text-lanbao-600">
            {t("backToChat")}
          </Link>
        )}
      </div>
    </>
  );
}

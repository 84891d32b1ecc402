import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { AfterSalePanel } from "@/components/after-sales/after-sale-panel";
import { ConfirmReceiptButton } from "@/components/after-sales/small-forms";
import { LiveRefresh } from "@/components/chat/live-refresh";
import { GiftHeader } from "@/components/tracking/gift-header";
import { Shipments } from "@/components/tracking/shipments";
import { Timeline } from "@/components/tracking/timeline";
import { buttonClass } from "@/components/ui/button";
import { formatAddressLine } from "@/lib/address/format";
import { requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { getReceivedGiftTimeline } from "@/lib/tracking/gifts";
import { confirmReceiptAction, requestAfterSaleAction, withdrawAfterSaleAction } from "@/components/after-sales/actions";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("tracking"))("receivedTitle") };
}

/** A gift the user received: their parcel, all of it — where it goes, how it travels, after-sales. */
export default async function ReceivedGiftPage({ params }: { params: Promise<{ giftId: string }> }) {
  const { giftId } = await params;
  const user = await requireUser(`/gifts/received/${giftId}`);
  const gift = await getReceivedGiftTimeline(db, user.id, giftId);
  if (!gift) notFound();
  const [t, format] = await Promise.all([getTranslations("tracking"), getFormatter()]);
  const parcel = gift.parcel;
  const voucher = parcel?.voucher;

  return (
    <div className="space-y-4 px-4 py-5" data-testid="received-gift">
      <LiveRefresh />
      <Link href="/gifts" className="text-sm text-lanbao-600">
        ← {t("allGifts")}
      </Link>
      <GiftHeader
        image={gift.product.image}
        title={`${gift.product.title} · ${gift.variantName}`}
        subtitle={t("fromName", { name: gift.senderName })}
        message={gift.message}
        status={gift.status}
      >
        {gift.status === "WAITING" && (
          <Link href={gift.sheetHref} className={buttonClass("secondary", "w-full")} data-testid="open-gift-sheet">
            {t("openToAccept")}
          </Link>
        )}
      </GiftHeader>

      {parcel && (
        <section className="space-y-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-gray-200" aria-labelledby="parcel-title">
          <h2 id="parcel-title" className="font-semibold">
            {voucher ? t("yourVoucher") : t("yourParcel")}
          </h2>
          {parcel.shipping && (
            <div className="text-sm" data-testid="parcel-address">
              <p className="font-medium">
                {parcel.shipping.name} · {parcel.shipping.phone}
              </p>
              <p className="text-gray-600">{formatAddressLine(parcel.shipping)}</p>
            </div>
          )}
          {voucher && (
            <div className="space-y-1 text-sm" data-testid="voucher">
              <p>
                {t("voucherCode")} <span className="font-mono text-base font-semibold tracking-wider">{voucher.code}</span>
              </p>
              <p className="text-gray-600" data-testid="voucher-phase" data-phase={voucher.phase}>
                {t(`voucherPhase.${voucher.phase}`, { date: format.dateTime(voucher.phase === "redeemed" && voucher.redeemedAt ? voucher.redeemedAt : voucher.expiresAt, { dateStyle: "medium" }) })}
              </p>
            </div>
          )}
          <Shipments shipments={parcel.shipments} />
          {gift.receipt.canConfirm && (
            <div className="space-y-1 border-t border-gray-100 pt-3">
              <ConfirmReceiptButton orderId={gift.orderId} action={confirmReceiptAction} />
              {gift.receipt.autoConfirmAt && (
                <p className="text-xs text-gray-500">{t("autoConfirmOn", { date: format.dateTime(gift.receipt.autoConfirmAt, { dateStyle: "medium" }) })}</p>
              )}
            </div>
          )}
        </section>
      )}

      <section className="space-y-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-gray-200" aria-labelledby="timeline-title">
        <h2 id="timeline-title" className="font-semibold">
          {t("timeline")}
        </h2>
        <Timeline events={gift.events} currency={gift.afterSale?.currency ?? "CNY"} perspective="recipient" />
      </section>

      {gift.afterSale && (
        <AfterSalePanel panel={gift.afterSale} orderId={gift.orderId} requestAction={requestAfterSaleAction} withdrawAction={withdrawAfterSaleAction} />
      )}

      {gift.threadId && (
        <Link href={`/chats/${gift.threadId}`} className="block text-center text-sm text-lanbao-600">
          {t("backToChat")}
        </Link>
      )}
    </div>
  );
}

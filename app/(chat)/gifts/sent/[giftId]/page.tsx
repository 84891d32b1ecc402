import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AfterSaleStatusBadge } from "@/components/after-sales/status-badge";
import { LiveRefresh } from "@/components/chat/live-refresh";
import { OrderStatusBadge } from "@/components/shop/order-status-badge";
import { GiftHeader } from "@/components/tracking/gift-header";
import { Shipments } from "@/components/tracking/shipments";
import { Timeline } from "@/components/tracking/timeline";
import { requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { getSentGiftTimeline } from "@/lib/tracking/gifts";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("tracking"))("sentTitle") };
}

/**
 * A gift the user sent: where each recipient's parcel stands, with carrier and tracking
 * number. Its data (getSentGiftTimeline) holds no parcel name, phone or address at all.
 */
export default async function SentGiftPage({ params }: { params: Promise<{ giftId: string }> }) {
  const { giftId } = await params;
  const user = await requireUser(`/gifts/sent/${giftId}`);
  const gift = await getSentGiftTimeline(db, user.id, giftId);
  if (!gift) notFound();
  const t = await getTranslations("tracking");
  const group = gift.mode !== "SINGLE";

  return (
    <div className="space-y-4 px-4 py-5" data-testid="sent-gift">
      <LiveRefresh />
      <Link href="/gifts?tab=sent" className="text-sm text-lanbao-600">
        ← {t("allGifts")}
      </Link>
      <GiftHeader
        image={gift.product.image}
        title={`${gift.product.title} · ${gift.variantName}`}
        subtitle={gift.recipientName ? t("toName", { name: gift.recipientName }) : t("unitsTaken", { taken: gift.claims.length, units: gift.units })}
        message={gift.message}
        status={gift.status}
      />
      <p className="text-xs text-gray-500">{t("senderPrivacy")}</p>

      <section className="space-y-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-gray-200" aria-labelledby="timeline-title">
        <h2 id="timeline-title" className="font-semibold">
          {t("timeline")}
        </h2>
        <Timeline events={gift.events} currency={gift.currency} perspective="sender" />
      </section>

      {gift.claims.length > 0 && (
        <section className="space-y-3" aria-labelledby="claims-title">
          <h2 id="claims-title" className="font-semibold">
            {group ? t("claimsProgress", { taken: gift.claims.length, units: gift.units }) : t("theParcel")}
          </h2>
          <ul className="space-y-3">
            {gift.claims.map((c, i) => (
              <li key={i} className="space-y-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-gray-200" data-testid="sent-claim">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <p className="text-sm font-medium">
                    {c.recipientName} · {c.variantName}
                  </p>
                  <OrderStatusBadge status={c.status} />
                </div>
                <Shipments shipments={c.shipments} />
                {c.voucher && <p className="text-sm text-gray-600">{t(`voucherPhaseShort.${c.voucher.phase}`)}</p>}
                {c.afterSales.map((r, j) => (
                  <p key={j} className="flex flex-wrap items-center gap-2 text-sm" data-testid="sent-after-sale">
                    {t("afterSale")} <AfterSaleStatusBadge status={r.status} />
                  </p>
                ))}
                <Timeline events={c.events} currency={gift.currency} perspective="sender" />
              </li>
            ))}
          </ul>
        </section>
      )}

      {gift.threadId && (
        <Link href={`/chats/${gift.threadId}`} className="block text-center text-sm text-lanbao-600">
          {t("backToChat")}
        </Link>
      )}
    </div>
  );
}

import Link from "@/components/ui/link";
import { GiftGlyph } from "@/components/gift/gift-glyph";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { giftLink } from "@/lib/gifting/token";
import { getOrderForCheckoutReturn } from "@/lib/orders/status";
import { AwaitPayment } from "./await-payment";

export const dynamic = "force-dynamic";

/**
 * Where Stripe sends the buyer after paying. The redirect proves nothing: the page shows
 * what the webhook has recorded, and waits for it when it hasn't arrived yet.
 */
export default async function CheckoutSuccessPage({ searchParams }: { searchParams: Promise<{ session_id?: string }> }) {
  const sessionId = (await searchParams).session_id ?? "";
  const user = await requireUser(`/checkout/success?session_id=${encodeURIComponent(sessionId)}`);
  const order = sessionId ? await getOrderForCheckoutReturn(db, user.id, sessionId) : null;
  if (!order) notFound();
  const [t, to] = await Promise.all([getTranslations("checkout"), getTranslations("orders")]);

  if (order.status === "PENDING_PAYMENT") {
    return (
      <Card className="mx-auto max-w-md space-y-3 p-6 text-center">
        <AwaitPayment label={t("confirming")} />
      </Card>
    );
  }
  if (order.status === "REFUNDED" || order.status === "CANCELLED") {
    return (
      <Card className="mx-auto max-w-md space-y-3 p-6 text-center" data-testid="checkout-failed">
        <h1 className="text-xl font-semibold">{t("refundedTitle")}</h1>
        <p className="text-sm text-gray-600">{to(to.has(`failure.${order.failureReason}`) ? `failure.${order.failureReason}` : "failure.other")}</p>
        <Link href={`/orders/${order.id}`} className={buttonClass("secondary")}>
          {t("viewOrder")}
        </Link>
      </Card>
    );
  }
  return (
    <Card className="mx-auto max-w-md space-y-3 p-6 text-center" data-testid="checkout-success">
      <div aria-hidden className="mx-auto flex size-14 items-center justify-center rounded-full bg-lanbao-50 text-3xl text-lanbao-600">
        {order.kind === "GIFT" ? <GiftGlyph className="size-7" /> : "✓"}
      </div>
      <h1 className="text-xl font-semibold">{order.kind === "GIFT" ? t("giftSent") : t("orderPaid")}</h1>
      <p className="text-sm text-gray-600">{order.kind === "GIFT"
          ? order.giftByPassphrase
            ? t("passphraseGiftSentBody", { product: order.product.title })
            : t("giftSentBody", { product: order.product.title })
          : t("orderPaidBody")}</p>
      {order.kind === "GIFT" && order.giftByPassphrase && order.gift ? (
        <Link href={giftLink(order.gift.id)} className={buttonClass("primary", "w-full")} data-testid="share-passphrase-gift">
          {t("sharePassphraseGift")}
        </Link>
      ) : order.kind === "GIFT" && order.giftThreadId ? (
        <Link href={`/chats/${order.giftThreadId}`} className={buttonClass("primary", "w-full")} data-testid="back-to-chat">
          {t("backToChat")}
        </Link>
      ) : (
        <Link href={`/orders/${order.id}`} className={buttonClass("primary", "w-full")}>
          {t("viewOrder")}
        </Link>
      )}
    </Card>
  );
}

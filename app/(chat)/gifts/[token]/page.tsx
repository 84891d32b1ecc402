import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { GiftGlyph } from "@/components/gift/gift-glyph";
import { TrackGiftLink } from "@/components/tracking/track-gift-link";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { listAddresses } from "@/lib/address/book";
import { formatAddressLine, maskPhone } from "@/lib/address/format";
import { requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { getGiftByToken } from "@/lib/gifting/view";
import type { GiftPhase } from "@/lib/lifecycle/status";
import { AcceptGiftForm } from "./accept-form";
import { DeclineGiftForm } from "./decline-form";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("gift"))("pageTitle") };
}

/** The gift sheet a recipient opens from the blue envelope (a phone page: keep it light). */
export default async function GiftPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const user = await requireUser(`/gifts/${token}`);
  const view = await getGiftByToken(db, user.id, token);
  if (!view) notFound();
  const [t, format] = await Promise.all([getTranslations("gift"), getFormatter()]);

  if (view.role === "other") {
    return (
      <Sheet>
        <p className="py-10 text-center text-base text-gray-700" data-testid="gift-not-yours">
          {t("sentToSomeoneElse")}
        </p>
      </Sheet>
    );
  }

  const badge: Record<GiftPhase, React.ReactNode> = {
    waiting: <Badge tone="blue">{t("statusWaiting")}</Badge>,
    accepted: <Badge tone="green">{t("statusAccepted")}</Badge>,
    declined: <Badge tone="gray">{t("statusDeclined")}</Badge>,
    expired: <Badge tone="gray">{t("statusExpired")}</Badge>,
  };
  const statusBadge = <span data-testid="gift-status" data-phase={view.phase}>{badge[view.phase]}</span>;
  const expiresAt = format.dateTime(view.expiresAt, { dateStyle: "medium", timeStyle: "short" });

  if (view.role === "sender") {
    return (
      <Sheet>
        <Envelope image={view.productImage} title={view.productTitle} message={view.message || t("defaultMessage")} from={t("cardFromYou")} />
        <div className="space-y-2 p-5 text-sm" data-testid="gift-sender-view">
          <p className="flex items-center justify-between">
            <span>{t("sentTo", { name: view.recipientName ?? "" })}</span>
            {statusBadge}
          </p>
          {view.phase === "waiting" && <p className="text-gray-500">{t("expiresAt", { time: expiresAt })}</p>}
          {view.phase === "declined" && <p className="text-gray-600">{t("senderDeclinedBody", { name: view.recipientName ?? "" })}</p>}
          {view.phase === "expired" && <p className="text-gray-600">{t("senderExpiredBody")}</p>}
          <p className="text-gray-500">{t("senderPrivacy")}</p>
          <TrackGiftLink giftId={view.giftId} as="sender" />
          <Link href={`/chats/${view.threadId}`} className={buttonClass("secondary", "mt-3 w-full")}>
            {t("backToChat")}
          </Link>
        </div>
      </Sheet>
    );
  }

  const open = view.phase === "waiting";
  const addresses = open && view.product.kind === "PHYSICAL" ? await listAddresses(db, user.id) : [];
  return (
    <Sheet>
      <Envelope image={view.product.image} title={view.product.title} message={view.message || t("defaultMessage")} from={t("cardFrom", { name: view.senderName })} />
      <div className="space-y-4 p-5">
        <div className="flex items-center justify-between text-sm">
          <span className="text-gray-500">{open ? t("expiresAt", { time: expiresAt }) : null}</span>
          {statusBadge}
        </div>
        {view.claim ? (
          <div className="space-y-1 rounded-lg bg-gray-50 p-3 text-sm" data-testid="gift-accepted">
            <p className="font-medium">{t("acceptedTitle", { variant: view.claim.variantName })}</p>
            {view.claim.voucherCode ? (
              <p>
                {t("voucherCode")} <span className="font-mono font-semibold tracking-wider">{view.claim.voucherCode}</span>
              </p>
            ) : (
              <p className="text-gray-600">
                {view.claim.shipName} · {maskPhone(view.claim.shipPhone ?? "")}
                <br />
                {formatAddressLine({
                  province: view.claim.shipProvince ?? "",
                  city: view.claim.shipCity ?? "",
                  district: view.claim.shipDistrict ?? "",
                  detail: view.claim.shipDetail ?? "",
                })}
              </p>
            )}
            <TrackGiftLink giftId={view.giftId} as="recipient" />
          </div>
        ) : view.phase === "declined" ? (
          <p className="rounded-lg bg-gray-50 p-3 text-sm text-gray-600">{t("declinedBody")}</p>
        ) : !open ? (
          <p className="rounded-lg bg-gray-50 p-3 text-sm text-gray-600">{t("expiredBody")}</p>
        ) : (
          <>
            <AcceptGiftForm
              token={token}
              variants={view.variants}
              paidVariantId={view.paidVariantId}
              needsAddress={view.product.kind === "PHYSICAL"}
              addresses={addresses}
            />
            <DeclineGiftForm token={token} senderName={view.senderName} />
          </>
        )}
        <Link href={`/chats/${view.threadId}`} className="block text-center text-sm text-lanbao-600">
          {t("backToChat")}
        </Link>
      </div>
    </Sheet>
  );
}

/** Full-height bottom sheet on phones, a centred card on wider screens. */
function Sheet({ children }: { children: React.ReactNode }) {
  return (
    <div className="min-h-dvh bg-black/40 sm:flex sm:items-center sm:justify-center sm:p-6">
      <div className="min-h-dvh overflow-hidden rounded-t-2xl bg-white pt-2 sm:min-h-0 sm:w-full sm:max-w-md sm:rounded-2xl">
        <div aria-hidden className="mx-auto mb-2 h-1 w-10 rounded-full bg-gray-300 sm:hidden" />
        {children}
      </div>
    </div>
  );
}

function Envelope({ image, title, message, from }: { image: string | null; title: string; message: string; from: string }) {
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

import { getTranslations } from "next-intl/server";
import { GiftZoneEditor } from "@/components/merchant/gift-zone-editor";
import { orNotFound } from "@/components/merchant/or-not-found";
import { requireUser } from "@/lib/auth/session";
import { GIFT_ZONE_MAX } from "@/lib/catalog/shops";
import { db } from "@/lib/db/client";
import { getGiftZoneEditor } from "@/lib/merchant/gift-zone";
import { setGiftZoneAction } from "../../actions";

export default async function GiftZonePage({ params }: { params: Promise<{ shopId: string }> }) {
  const { shopId } = await params;
  const user = await requireUser(`/merchant/shops/${shopId}/gift-zone`);
  const [t, products] = await Promise.all([getTranslations("merchant"), orNotFound(getGiftZoneEditor(db, user.id, shopId))]);
  return (
    <div className="space-y-3">
      <p className="max-w-3xl text-sm text-gray-600">{t("giftZone.intro")}</p>
      <GiftZoneEditor shopId={shopId} products={products} max={GIFT_ZONE_MAX} action={setGiftZoneAction} />
    </div>
  );
}

import { getTranslations } from "next-intl/server";
import { orNotFound } from "@/components/merchant/or-not-found";
import { GiftingSwitch, ShopSettingsForm } from "@/components/merchant/shop-forms";
import { requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { getMyShop } from "@/lib/merchant/shops";
import { setGiftingAction, updateShopSettingsAction } from "../../actions";

export default async function ShopSettingsPage({ params }: { params: Promise<{ shopId: string }> }) {
  const { shopId } = await params;
  const user = await requireUser(`/merchant/shops/${shopId}/settings`);
  const [t, shop] = await Promise.all([getTranslations("merchant"), orNotFound(getMyShop(db, user.id, shopId))]);
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <section className="space-y-3 rounded-xl bg-white p-4 ring-1 ring-gray-200">
        <h2 className="text-base font-semibold">{t("gifting.title")}</h2>
        <GiftingSwitch shopId={shop.id} enabled={shop.giftingEnabled} action={setGiftingAction} />
      </section>
      <section className="space-y-3 rounded-xl bg-white p-4 ring-1 ring-gray-200 lg:row-span-2">
        <h2 className="text-base font-semibold">{t("shop.settingsTitle")}</h2>
        <ShopSettingsForm shop={shop} action={updateShopSettingsAction} />
      </section>
    </div>
  );
}

import { useTranslations } from "next-intl";
import type { PickerSection } from "@/lib/gifting/catalog";
import { PickerProductGrid } from "./picker-product-grid";

/**
 * The picker's suggestion sections, each a heading and its tiles. The service leaves
 * out empty sections; with none at all, a hint to search instead.
 */
export function PickerSections({ sections, confirmBase }: { sections: PickerSection[]; confirmBase: string }) {
  const t = useTranslations("gift");
  if (sections.length === 0) {
    return <p className="rounded-xl bg-white p-6 text-center text-sm text-gray-500 ring-1 ring-gray-200">{t("pickerNothingYet")}</p>;
  }
  const titles = {
    friendsSent: t("pickerFriendsSent"),
    followedShops: t("pickerFollowedShops"),
    sentBefore: t("pickerSentBefore"),
    more: t("pickerMore"),
  };
  return (
    <div className="space-y-6" data-testid="gift-picker">
      {sections.map((s) => {
        const id = s.key === "giftZone" ? `picker-zone-${s.shop.slug}` : `picker-${s.key}`;
        return (
          <section key={id} aria-labelledby={id} className="space-y-2" data-testid="picker-section" data-section={s.key}>
            <div>
              <h2 id={id} className="font-semibold">
                {s.key === "giftZone" ? t("pickerGiftZone", { shop: s.shop.name }) : titles[s.key]}
              </h2>
              {s.key === "friendsSent" && <p className="text-xs text-gray-500">{t("pickerFriendsSentHint")}</p>}
            </div>
            <PickerProductGrid products={s.products} confirmBase={confirmBase} />
          </section>
        );
      })}
    </div>
  );
}

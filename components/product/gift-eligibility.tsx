import { useTranslations } from "next-intl";
import type { ProductPageVariant } from "@/lib/catalog/products";
import type { ProductEligibility } from "@/lib/gifting/eligibility";
import { GiftGlyph } from "@/components/gift/gift-glyph";

/**
 * "Gifting supported" (支持送礼物), or why not, in plain words. The verdict comes from
 * lib/gifting/eligibility.ts; this only puts it into words.
 */
export function GiftEligibilityLine({ gift, variant }: { gift: ProductEligibility; variant: ProductPageVariant | null }) {
  const t = useTranslations("product");
  if (!gift.eligible) {
    return (
      <p className="flex items-start gap-1.5 text-sm text-gray-600" data-testid="gift-eligibility" data-eligible="false">
        <GiftGlyph className="mt-0.5 size-4 shrink-0 text-gray-400" />
        <span>
          <span className="font-medium">{t("giftingUnavailable")}</span>
          {": "}
          {gift.reasons.map((r) => t(`reasons.${r}`)).join(t("reasonSeparator"))}
        </span>
      </p>
    );
  }
  const variantNote = variant && !variant.gift.eligible ? variant.gift.reasons.map((r) => t(`reasons.${r}`)).join(t("reasonSeparator")) : null;
  return (
    <div className="space-y-1" data-testid="gift-eligibility" data-eligible="true">
      <p className="inline-flex items-center gap-1.5 rounded-full bg-lanbao-50 px-2.5 py-1 text-sm font-medium text-lanbao-700">
        <GiftGlyph />
        {t("giftingSupported")}
      </p>
      {variantNote && <p className="text-xs text-gray-500">{t("variantNotGiftable", { reason: variantNote })}</p>}
    </div>
  );
}

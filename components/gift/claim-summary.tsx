import { useTranslations } from "next-intl";
import { formatAddressLine, fromShipColumns, maskPhone, type NullableShipColumns } from "@/lib/address/format";
import type { ClaimDetail } from "@/lib/gifting/claim-detail";

type Claim = Pick<ClaimDetail, "variantName" | "voucherCode" | keyof NullableShipColumns>;

/** What the person who took a gift reads of it: the style, and their code or their own address. */
export function ClaimSummary({ claim }: { claim: Claim }) {
  const t = useTranslations("gift");
  const address = fromShipColumns(claim);
  return (
    <div className="space-y-1 rounded-lg bg-gray-50 p-3 text-sm" data-testid="gift-accepted">
      <p className="font-medium">{t("acceptedTitle", { variant: claim.variantName })}</p>
      {claim.voucherCode ? (
        <p>
          {t("voucherCode")} <span className="font-mono font-semibold tracking-wider">{claim.voucherCode}</span>
        </p>
      ) : (
        address && (
          <p className="text-gray-600">
            {address.name} · {maskPhone(address.phone)}
            <br />
            {formatAddressLine(address)}
          </p>
        )
      )}
    </div>
  );
}

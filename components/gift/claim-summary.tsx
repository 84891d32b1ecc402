import { useTranslations } from "next-intl";
import { formatAddressLine, fromShipColumns, maskPhone } from "@/lib/address/format";

type Claim = {
  variantName: string;
  voucherCode: string | null;
  shipName: string | null;
  shipPhone: string | null;
  shipProvince: string | null;
  shipCity: string | null;
  shipDistrict: string | null;
  shipDetail: string | null;
};

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

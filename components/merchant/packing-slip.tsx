import { useFormatter, useTranslations } from "next-intl";
import type { PackingSlip } from "@/lib/merchant/packing-slips";

/** One slip, one printed page: ship-to, the item, the gift message. No prices. */
export function PackingSlipSheet({ slip }: { slip: PackingSlip }) {
  const t = useTranslations("slip");
  const format = useFormatter();
  return (
    <article
      className="space-y-4 rounded-xl bg-white p-6 ring-1 ring-gray-300 break-after-page print:rounded-none print:p-0 print:ring-0"
      data-testid="packing-slip"
      aria-label={t("slipFor", { number: slip.orderNumber })}
    >
      <header className="flex items-start justify-between gap-4 border-b border-gray-300 pb-3">
        <div>
          <p className="text-lg font-semibold">{slip.shopName}</p>
          <p className="text-xs text-gray-600">{t("title")}</p>
        </div>
        <div className="text-right text-xs text-gray-600">
          <p className="font-mono text-sm text-gray-900">#{slip.orderNumber}</p>
          <p>{format.dateTime(slip.orderedAt, { dateStyle: "medium" })}</p>
        </div>
      </header>
      <section>
        <h2 className="text-xs font-semibold tracking-wide text-gray-500 uppercase">{t("shipTo")}</h2>
        <p className="text-base font-medium">
          {slip.shipTo.name} · {slip.shipTo.phone}
        </p>
        <p>{slip.shipTo.address}</p>
      </section>
      <section>
        <h2 className="text-xs font-semibold tracking-wide text-gray-500 uppercase">{t("items")}</h2>
        <table className="w-full text-sm">
          <thead className="text-left text-xs text-gray-500">
            <tr>
              <th className="py-1 font-medium">{t("item")}</th>
              <th className="py-1 font-medium">{t("variant")}</th>
              <th className="py-1 text-right font-medium">{t("quantity")}</th>
            </tr>
          </thead>
          <tbody>
            <tr className="border-t border-gray-200">
              <td className="py-1">{slip.item.title}</td>
              <td className="py-1">{slip.item.variantName}</td>
              <td className="py-1 text-right tabular-nums">{slip.item.quantity}</td>
            </tr>
          </tbody>
        </table>
      </section>
      {(slip.giftMessage || slip.giftFrom) && (
        <section className="rounded-lg border border-dashed border-lanbao-300 p-4 print:border-gray-400" data-testid="slip-gift">
          {slip.giftFrom && <p className="font-semibold">{t("giftFrom", { name: slip.giftFrom })}</p>}
          {slip.giftMessage && <p className="mt-1 text-lg">“{slip.giftMessage}”</p>}
        </section>
      )}
    </article>
  );
}

import { useFormatter, useTranslations } from "next-intl";
import type { ShipmentView } from "@/lib/tracking/parcel";

/** Carrier and tracking number of each shipment, the number linking to the carrier's tracking. */
export function Shipments({ shipments }: { shipments: ShipmentView[] }) {
  const t = useTranslations("tracking");
  const format = useFormatter();
  if (shipments.length === 0) return null;
  return (
    <ul className="space-y-1 text-sm" data-testid="parcel-shipments">
      {shipments.map((s, i) => (
        <li key={i}>
          <span>{s.carrier}</span> ·{" "}
          <a
            href={s.trackingUrl}
            target="_blank"
            rel="noopener noreferrer"
            className="font-mono text-lanbao-600 underline"
            aria-label={t("trackParcel", { number: s.trackingNumber })}
          >
            {s.trackingNumber}
          </a>
          {s.deliveredAt && <span className="text-green-700"> · {t("deliveredOn", { date: format.dateTime(s.deliveredAt, { dateStyle: "medium" }) })}</span>}
        </li>
      ))}
    </ul>
  );
}

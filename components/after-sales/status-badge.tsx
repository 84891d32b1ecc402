import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { AfterSaleStatus } from "@/lib/db/generated/enums";

const TONE = { REQUESTED: "amber", APPROVED: "green", REJECTED: "red", WITHDRAWN: "gray" } as const;

/** Where an after-sales request stands: waiting for the shop, approved, rejected, withdrawn. */
export function AfterSaleStatusBadge({ status }: { status: AfterSaleStatus }) {
  const t = useTranslations("afterSale");
  return (
    <Badge tone={TONE[status]}>
      <span data-testid="after-sale-status" data-status={status}>
        {t(`status.${status}`)}
      </span>
    </Badge>
  );
}

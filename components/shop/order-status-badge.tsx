import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { DisplayStatus } from "@/lib/lifecycle";

const TONE: Record<DisplayStatus, "blue" | "gray" | "green" | "amber" | "red"> = {
  PENDING_PAYMENT: "amber",
  WAITING: "amber",
  PAID: "blue",
  ACCEPTED: "blue",
  SHIPPED: "blue",
  DELIVERED: "green",
  DECLINED: "gray",
  EXPIRED: "gray",
  CANCELLED: "gray",
  REFUNDED: "red",
};

/** An order's status as people read it ("Waiting for the recipient", "Shipped"…). */
export function OrderStatusBadge({ status }: { status: DisplayStatus }) {
  const t = useTranslations("orders");
  return (
    <Badge tone={TONE[status]}>
      <span data-testid="order-status" data-status={status}>
        {t(`status.${status}`)}
      </span>
    </Badge>
  );
}

import Link from "@/components/ui/link";
import type { ReactNode } from "react";
import { OrderStatusBadge } from "@/components/shop/order-status-badge";
import type { DisplayStatus } from "@/lib/lifecycle";

/** One line of the gifts page: thumbnail, what, from or to whom, status. */
export function GiftRow({
  href,
  image,
  title,
  status,
  children,
  testId,
}: {
  href: string;
  image: string | null;
  title: string;
  status: DisplayStatus;
  children: ReactNode;
  testId: string;
}) {
  return (
    <li>
      <Link href={href} data-testid={testId} className="flex gap-3 rounded-xl bg-white p-3 shadow-sm ring-1 ring-gray-200 hover:ring-lanbao-500">
        <div className="size-14 shrink-0 overflow-hidden rounded-lg bg-gray-100">
          {image && (
            // eslint-disable-next-line @next/next/no-img-element -- pre-sized thumbnail
            <img src={image} alt="" width={56} height={56} loading="lazy" className="size-full object-cover" />
          )}
        </div>
        <div className="min-w-0 flex-1 space-y-1">
          <div className="flex items-start justify-between gap-2">
            <p className="line-clamp-1 text-sm font-medium">{title}</p>
            <OrderStatusBadge status={status} />
          </div>
          <div className="text-xs text-gray-500">{children}</div>
        </div>
      </Link>
    </li>
  );
}

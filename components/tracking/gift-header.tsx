import type { ReactNode } from "react";
import { GiftGlyph } from "@/components/gift/gift-glyph";
import { OrderStatusBadge } from "@/components/shop/order-status-badge";
import type { DisplayStatus } from "@/lib/lifecycle";

/** The top of a gift's timeline: a small blue envelope with the product, the message and the status. */
export function GiftHeader({
  image,
  title,
  subtitle,
  message,
  status,
  children,
}: {
  image: string | null;
  title: string;
  subtitle: string;
  message: string;
  status: DisplayStatus;
  children?: ReactNode;
}) {
  return (
    <section className="space-y-3 rounded-2xl bg-gradient-to-br from-sky-500 via-lanbao-500 to-lanbao-700 p-4 text-white">
      <div className="flex items-start justify-between gap-3">
        <p className="flex items-center gap-1.5 text-sm text-white/85">
          <GiftGlyph className="size-4" />
          {subtitle}
        </p>
        <span className="rounded-full bg-white px-0.5">
          <OrderStatusBadge status={status} />
        </span>
      </div>
      {message && (
        <p className="text-lg font-semibold" data-testid="gift-message">
          {message}
        </p>
      )}
      <div className="flex items-center gap-3 rounded-xl bg-white/15 p-2">
        {image && (
          // eslint-disable-next-line @next/next/no-img-element -- pre-sized thumbnail
          <img src={image} alt="" width={56} height={56} className="size-14 rounded-lg object-cover" />
        )}
        <h1 className="text-sm font-medium">{title}</h1>
      </div>
      {children}
    </section>
  );
}

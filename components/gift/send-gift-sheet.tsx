import Link from "@/components/ui/link";
import type { ReactNode } from "react";
import { GiftGlyph } from "@/components/gift/gift-glyph";

type SheetProduct = { image: string | null; title: string; shop: { name: string } };

/**
 * The frame of the pages that send a gift (to a friend, to a group, by passphrase): the
 * product on the blue band, the form below, the fine print and the way back.
 */
export function SendGiftSheet({
  product,
  heading,
  finePrint,
  cancel,
  bodyClassName = "p-4",
  children,
}: {
  product: SheetProduct;
  heading: string;
  finePrint: string;
  cancel: { href: string; label: string };
  bodyClassName?: string;
  children: ReactNode;
}) {
  return (
    <div className="mx-auto max-w-md">
      <div className="overflow-hidden rounded-2xl bg-white shadow-sm ring-1 ring-gray-200">
        <div className="flex gap-3 bg-gradient-to-br from-sky-500 via-lanbao-500 to-lanbao-700 p-4 text-white">
          {product.image && (
            // eslint-disable-next-line @next/next/no-img-element -- committed product image, sized
            <img src={product.image} alt="" width={80} height={80} className="size-20 rounded-lg bg-white/20 object-cover" />
          )}
          <div className="min-w-0">
            <p className="flex items-center gap-1 text-xs text-white/80">
              <GiftGlyph className="size-3.5" />
              {heading}
            </p>
            <h1 className="mt-1 font-semibold leading-snug">{product.title}</h1>
            <p className="text-xs text-white/75">{product.shop.name}</p>
          </div>
        </div>
        <div className={bodyClassName}>{children}</div>
      </div>
      <p className="mt-4 text-center text-xs text-gray-500">{finePrint}</p>
      <Link href={cancel.href} className="mt-2 block text-center text-sm text-lanbao-600">
        {cancel.label}
      </Link>
    </div>
  );
}

/** Why this product cannot be sent now (not giftable, or sold out), in the sheet's place of the form. */
export function GiftNotPossible({ message }: { message: string }) {
  return (
    <p className="text-sm text-gray-600" data-testid="gift-not-possible">
      {message}
    </p>
  );
}

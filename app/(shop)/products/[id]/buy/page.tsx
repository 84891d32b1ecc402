import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/shell/client-messages";
import { requireUser } from "@/lib/auth/session";
import { listAddresses } from "@/lib/address/book";
import { getProductPage, pickVariant } from "@/lib/catalog/products";
import { db } from "@/lib/db/client";
import { BuyForm } from "./buy-form";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ variant?: string | string[] }> };

export async function generateMetadata() {
  return { title: (await getTranslations("product"))("buyNow") };
}

export default async function BuyNowPage({ params, searchParams }: Props) {
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  const requested = Array.isArray(sp.variant) ? sp.variant[0] : sp.variant;
  const user = await requireUser(`/products/${id}/buy${requested ? `?variant=${encodeURIComponent(requested)}` : ""}`);
  const product = await getProductPage(db, id, user.id);
  if (!product || !product.published) notFound();
  const [t, addresses] = await Promise.all([getTranslations("product"), listAddresses(db, user.id)]);
  const inStock = product.variants.filter((v) => v.stock > 0);
  const selected = pickVariant(inStock, requested);

  return (
    <div className="mx-auto max-w-md space-y-4">
      <Link href={`/products/${product.id}`} className="text-sm text-lanbao-600">
        ← {t("backToProduct")}
      </Link>
      <div className="flex gap-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-gray-200">
        {product.images[0] && (
          // eslint-disable-next-line @next/next/no-img-element -- pre-sized thumbnail
          <img src={product.images[0].url} alt="" width={72} height={72} className="size-18 shrink-0 rounded-lg object-cover" />
        )}
        <div className="min-w-0">
          <h1 className="font-semibold leading-snug">{product.title}</h1>
          <p className="text-xs text-gray-500">{product.shop.name}</p>
        </div>
      </div>
      <div className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-gray-200">
        {selected ? (
          <ClientMessages>
            <BuyForm
              productId={product.id}
              kind={product.kind}
              variants={inStock.map(({ id: vid, name, price, originalPrice, currency, stock }) => ({ id: vid, name, price, originalPrice, currency, stock }))}
              defaultVariantId={selected.id}
              addresses={addresses.map((a) => ({
                id: a.id,
                name: a.name,
                phone: a.phone,
                province: a.province,
                city: a.city,
                district: a.district,
                detail: a.detail,
                isDefault: a.isDefault,
              }))}
            />
          </ClientMessages>
        ) : (
          <p className="text-sm text-gray-600" data-testid="sold-out">
            {t("soldOutBody")}
          </p>
        )}
      </div>
    </div>
  );
}

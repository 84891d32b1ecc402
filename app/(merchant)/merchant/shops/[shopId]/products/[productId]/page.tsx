import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { orNotFound } from "@/components/merchant/or-not-found";
import { ProductForm } from "@/components/merchant/product-form";
import { requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { fenToYuan } from "@/lib/merchant/product-form";
import { formatOptions, getProductForEdit, listCategories } from "@/lib/merchant/products";
import { updateProductAction } from "../actions";

type Props = { params: Promise<{ shopId: string; productId: string }>; searchParams: Promise<{ saved?: string }> };

export async function generateMetadata() {
  return { title: (await getTranslations("merchant"))("product.editTitle") };
}

export default async function EditProductPage({ params, searchParams }: Props) {
  const [{ shopId, productId }, { saved }] = await Promise.all([params, searchParams]);
  const user = await requireUser(`/merchant/shops/${shopId}/products/${productId}`);
  const [t, product, categories] = await Promise.all([
    getTranslations("merchant"),
    orNotFound(getProductForEdit(db, user.id, productId)),
    listCategories(db),
  ]);
  if (product.shopId !== shopId) notFound();
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-lg font-semibold">{t("product.editTitle")}</h2>
        <Link href={`/products/${product.id}`} className="text-sm text-lanbao-600">
          {product.published ? t("product.viewLive") : t("product.preview")} →
        </Link>
      </div>
      {saved && (
        <p role="status" className="rounded-lg bg-green-50 px-3 py-2 text-sm text-green-800 ring-1 ring-green-200" data-testid="product-saved">
          ✓ {t("saved")}
        </p>
      )}
      {product.orderCount > 0 && <p className="text-xs text-gray-500">{t("product.hasOrdersNote", { count: product.orderCount })}</p>}
      <ProductForm
        key={saved ?? "form"}
        shopId={shopId}
        productId={product.id}
        categories={categories}
        initial={{
          title: product.title,
          description: product.description,
          categoryId: product.categoryId,
          kind: product.kind,
          voucherValidityDays: String(product.voucherValidityDays),
          images: product.images.map((i) => ({ ref: `id:${i.id}`, url: i.url })),
          variants: product.variants.map((v) => ({
            id: v.id,
            name: v.name,
            options: formatOptions(v.options),
            price: fenToYuan(v.price),
            originalPrice: v.originalPrice === v.price ? "" : fenToYuan(v.originalPrice),
            stock: String(v.stock),
            ordered: v.ordered,
          })),
        }}
        action={updateProductAction}
      />
    </div>
  );
}

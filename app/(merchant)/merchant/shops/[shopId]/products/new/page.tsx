import { getTranslations } from "next-intl/server";
import { orNotFound } from "@/components/merchant/or-not-found";
import { ProductForm } from "@/components/merchant/product-form";
import { requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { listCategories } from "@/lib/merchant/products";
import { getMyShop } from "@/lib/merchant/shops";
import { createProductAction } from "../actions";

export async function generateMetadata() {
  return { title: (await getTranslations("merchant"))("product.newTitle") };
}

export default async function NewProductPage({ params }: { params: Promise<{ shopId: string }> }) {
  const { shopId } = await params;
  const user = await requireUser(`/merchant/shops/${shopId}/products/new`);
  const [t, shop, categories] = await Promise.all([
    getTranslations("merchant"),
    orNotFound(getMyShop(db, user.id, shopId)),
    listCategories(db),
  ]);
  return (
    <div className="space-y-3">
      <h2 className="text-lg font-semibold">{t("product.newTitle")}</h2>
      <ProductForm
        shopId={shop.id}
        categories={categories}
        initial={{ title: "", description: "", categoryId: "", kind: "PHYSICAL", voucherValidityDays: "90", images: [], variants: [] }}
        action={createProductAction}
      />
    </div>
  );
}

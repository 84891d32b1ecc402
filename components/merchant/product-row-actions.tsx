"use client";

import { useTranslations } from "next-intl";
import { FieldError } from "@/components/ui/field";
import { useActionForm, type FormAction } from "./use-action-form";

/** Publish / unpublish and delete, for one row of the merchant's product table. */
export function ProductRowActions({
  shopId,
  product,
  publishAction,
  deleteAction,
}: {
  shopId: string;
  product: { id: string; title: string; published: boolean; orderCount: number };
  publishAction: FormAction<{ published: boolean }>;
  deleteAction: FormAction<null>;
}) {
  const t = useTranslations("merchant");
  const publish = useActionForm(publishAction);
  const remove = useActionForm(deleteAction);
  const published = publish.state?.ok ? publish.state.data.published : product.published;
  const link = "rounded px-2 py-1 text-xs font-medium hover:bg-gray-100 disabled:opacity-50";
  return (
    <div className="flex flex-wrap items-center justify-end gap-1">
      <form onSubmit={publish.onSubmit}>
        <input type="hidden" name="shopId" value={shopId} />
        <input type="hidden" name="productId" value={product.id} />
        <input type="hidden" name="published" value={published ? "false" : "true"} />
        <button type="submit" className={`${link} text-lanbao-600`} disabled={publish.pending} data-testid={published ? "unpublish" : "publish"}>
          {published ? t("products.unpublish") : t("products.publish")}
        </button>
      </form>
      {product.orderCount === 0 && (
        <form
          onSubmit={(e) => {
            if (!window.confirm(t("products.confirmDelete", { title: product.title }))) return e.preventDefault();
            remove.onSubmit(e);
          }}
        >
          <input type="hidden" name="shopId" value={shopId} />
          <input type="hidden" name="productId" value={product.id} />
          <button type="submit" className={`${link} text-red-600`} disabled={remove.pending}>
            {t("products.delete")}
          </button>
        </form>
      )}
      <FieldError message={publish.formError ?? remove.formError} />
    </div>
  );
}

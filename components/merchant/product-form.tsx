"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Field, FieldError, inputClass } from "@/components/ui/field";
import { ImageUploader, type UploadedImage } from "./image-uploader";
import { StatusNote } from "./status-note";
import { useActionForm, type FormAction } from "./use-action-form";

export type VariantRow = {
  /** Existing variants keep their id; new rows have none. */
  id?: string;
  name: string;
  options: string;
  /** Yuan, as typed ("68.00"). */
  price: string;
  originalPrice: string;
  stock: string;
  /** Ordered variants cannot be removed. */
  ordered?: boolean;
};

export type ProductFormValue = {
  title: string;
  description: string;
  categoryId: string;
  kind: "PHYSICAL" | "VOUCHER";
  /** Days, as typed ("90"). */
  voucherValidityDays: string;
  images: UploadedImage[];
  variants: VariantRow[];
};

type Row = VariantRow & { rowKey: number };

export function ProductForm({
  shopId,
  productId,
  categories,
  initial,
  action,
}: {
  shopId: string;
  /** Set when editing. */
  productId?: string;
  categories: { id: string; slug: string; giftEligible: boolean }[];
  initial: ProductFormValue;
  action: FormAction<null>;
}) {
  const t = useTranslations("merchant");
  const tc = useTranslations("categories");
  const form = useActionForm(action);
  const nextKey = useRef(initial.variants.length);
  const [rows, setRows] = useState<Row[]>(() =>
    (initial.variants.length ? initial.variants : [{ name: "", options: "", price: "", originalPrice: "", stock: "" }]).map((v, i) => ({ ...v, rowKey: i })),
  );
  const addRow = () => setRows((r) => [...r, { rowKey: ++nextKey.current, name: "", options: "", price: "", originalPrice: "", stock: "" }]);
  const editing = Boolean(productId);
  const cell = (i: number, field: string) => `variants.${i}.${field}`;

  return (
    <form onSubmit={form.onSubmit} noValidate className="space-y-6" data-testid="product-form">
      <input type="hidden" name="shopId" value={shopId} />
      {productId && <input type="hidden" name="productId" value={productId} />}

      <section className="grid gap-4 rounded-xl bg-white p-4 ring-1 ring-gray-200 md:grid-cols-2">
        <Field id="title" name="title" label={t("product.title")} defaultValue={initial.title} maxLength={120} error={form.err("title")} className="md:col-span-2" />
        <Field id="description" label={t("product.description")} error={form.err("description")} className="md:col-span-2">
          <textarea
            id="description"
            name="description"
            rows={5}
            maxLength={4000}
            defaultValue={initial.description}
            aria-invalid={form.err("description") ? true : undefined}
            aria-describedby={form.err("description") ? "description-error" : undefined}
            className={inputClass}
          />
        </Field>
        <Field id="categoryId" label={t("product.category")} error={form.err("categoryId")}>
          <select
            id="categoryId"
            name="categoryId"
            defaultValue={initial.categoryId}
            aria-invalid={form.err("categoryId") ? true : undefined}
            aria-describedby={form.err("categoryId") ? "categoryId-error" : undefined}
            className={inputClass}
          >
            <option value="">{t("product.chooseCategory")}</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {tc.has(c.slug) ? tc(c.slug) : c.slug}
                {c.giftEligible ? "" : ` ${t("product.notGiftableCategory")}`}
              </option>
            ))}
          </select>
        </Field>
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium text-gray-700">{t("product.kind")}</legend>
          {(["PHYSICAL", "VOUCHER"] as const).map((k) => (
            <label key={k} className="flex items-center gap-2 text-sm">
              <input type="radio" name="kind" value={k} defaultChecked={initial.kind === k} className="size-4 accent-lanbao-500" />
              {t(`product.kind${k}`)}
            </label>
          ))}
          <FieldError message={form.err("kind")} />
        </fieldset>
        <Field
          id="voucherValidityDays"
          name="voucherValidityDays"
          label={t("product.voucherValidity")}
          hint={t("product.voucherValidityHint")}
          inputMode="numeric"
          defaultValue={initial.voucherValidityDays}
          error={form.err("voucherValidityDays")}
          className="max-w-xs"
        />
      </section>

      <section className="rounded-xl bg-white p-4 ring-1 ring-gray-200">
        <ImageUploader
          name="image"
          label={t("product.images")}
          hint={t("product.imagesHint")}
          initial={initial.images}
          max={9}
          error={form.err("images") ?? Object.entries(form.fieldErrors).find(([k]) => k.startsWith("images."))?.[1]?.[0]}
        />
      </section>

      <section className="space-y-3 rounded-xl bg-white p-4 ring-1 ring-gray-200">
        <div>
          <h2 className="text-sm font-semibold">{t("product.variants")}</h2>
          <p className="text-xs text-gray-500">{t("product.variantsHint")}</p>
        </div>
        <div className="overflow-x-auto">
          <table className="w-full min-w-[720px] text-sm">
            <thead className="text-left text-xs text-gray-500">
              <tr>
                <th className="pb-1 font-medium">{t("product.variantName")}</th>
                <th className="pb-1 font-medium">{t("product.variantOptions")}</th>
                <th className="pb-1 font-medium">{t("product.price")}</th>
                <th className="pb-1 font-medium">{t("product.originalPrice")}</th>
                <th className="pb-1 font-medium">{t("product.stock")}</th>
                {/* relative: keeps the absolutely positioned sr-only words inside the scrolling table. */}
                <th className="relative pb-1">
                  <span className="sr-only">{t("actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => {
                const input = (field: keyof VariantRow, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => {
                  const error = form.err(cell(i, field));
                  const fid = `variant-${row.rowKey}-${field}`;
                  return (
                    <div className="space-y-1 pr-2 align-top">
                      <input
                        id={fid}
                        name={cell(i, field)}
                        defaultValue={String(row[field] ?? "")}
                        aria-label={`${t(`product.${field === "name" ? "variantName" : field === "options" ? "variantOptions" : field}`)} ${i + 1}`}
                        aria-invalid={error ? true : undefined}
                        aria-describedby={error ? `${fid}-error` : undefined}
                        className={cn(inputClass, "py-2 text-sm")}
                        {...props}
                      />
                      <FieldError id={`${fid}-error`} message={error} />
                    </div>
                  );
                };
                return (
                  <tr key={row.rowKey} className="align-top" data-testid="variant-row">
                    <td className="py-1">
                      {row.id && <input type="hidden" name={cell(i, "id")} value={row.id} />}
                      {row.id && <input type="hidden" name={`variants.${i}.loadedStock`} value={row.stock} />}
                      {input("name", { maxLength: 60 })}
                    </td>
                    <td className="py-1">{input("options", { placeholder: t("product.optionsPlaceholder") })}</td>
                    <td className="w-28 py-1">{input("price", { inputMode: "decimal", placeholder: "68.00" })}</td>
                    <td className="w-28 py-1">{input("originalPrice", { inputMode: "decimal", placeholder: t("product.sameAsPrice") })}</td>
                    <td className="w-24 py-1">{input("stock", { inputMode: "numeric", placeholder: "0" })}</td>
                    <td className="w-10 py-1 text-right">
                      <button
                        type="button"
                        disabled={rows.length === 1 || row.ordered}
                        title={row.ordered ? t("product.variantOrdered") : undefined}
                        onClick={() => setRows((r) => r.filter((x) => x.rowKey !== row.rowKey))}
                        aria-label={t("product.removeVariant", { n: i + 1 })}
                        className="rounded px-2 py-2 text-red-600 hover:bg-red-50 disabled:text-gray-300 disabled:hover:bg-transparent"
                      >
                        ✕
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <FieldError id="variants-error" message={form.err("variants")} />
        <Button type="button" variant="secondary" onClick={addRow} disabled={rows.length >= 20}>
          ＋ {t("product.addVariant")}
        </Button>
        <p className="text-xs text-gray-500">{t("product.originalHint")}</p>
      </section>

      {!editing && (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="published" className="size-4 accent-lanbao-500" />
          {t("product.publishNow")}
        </label>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={form.pending} data-testid="save-product">
          {form.pending ? t("saving") : editing ? t("save") : t("product.create")}
        </Button>
        <FieldError message={form.formError} />
        <StatusNote show={form.succeeded} text={t("saved")} version={form.state} />
      </div>
    </form>
  );
}

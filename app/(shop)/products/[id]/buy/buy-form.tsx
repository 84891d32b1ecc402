"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { AddressPicker, type SavedAddress } from "@/components/address/address-picker";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { FieldError } from "@/components/ui/field";
import { formatMoney } from "@/lib/money/format";
import { buyNowAction } from "./actions";

export type BuyVariant = { id: string; name: string; price: number; originalPrice: number; currency: string; stock: number };

const MAX_QUANTITY = 10;

export function BuyForm({
  productId,
  kind,
  variants,
  defaultVariantId,
  addresses,
}: {
  productId: string;
  kind: "PHYSICAL" | "VOUCHER";
  variants: BuyVariant[];
  defaultVariantId: string;
  addresses: SavedAddress[];
}) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState(buyNowAction, null);
  const [variantId, setVariantId] = useState(defaultVariantId);
  const [quantity, setQuantity] = useState(1);
  const variant = variants.find((v) => v.id === variantId) ?? variants[0];
  const maxQuantity = Math.max(1, Math.min(MAX_QUANTITY, variant?.stock ?? 1));
  const errors = state && !state.ok ? state.fieldErrors : {};
  const tr = (key: string | undefined) => (key ? (t.has(key) ? t(key) : t("common.errorBody")) : undefined);
  const err = (field: string) => tr(errors[field]?.[0]);

  return (
    <form action={formAction} className="space-y-5" noValidate>
      <input type="hidden" name="productId" value={productId} />
      <fieldset className="space-y-2" aria-describedby={errors.variantId ? "variantId-error" : undefined}>
        <legend className="mb-2 text-sm font-medium text-gray-700">{t("product.variant")}</legend>
        <div className="flex flex-wrap gap-2">
          {variants.map((v) => (
            <label
              key={v.id}
              className={cn(
                "cursor-pointer rounded-lg px-3 py-2 text-sm ring-1 focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-lanbao-500",
                v.id === variantId ? "bg-lanbao-50 font-medium text-lanbao-700 ring-2 ring-lanbao-500" : "bg-white ring-gray-300",
              )}
            >
              <input
                type="radio"
                name="variantId"
                value={v.id}
                checked={v.id === variantId}
                onChange={() => {
                  setVariantId(v.id);
                  setQuantity((q) => Math.min(q, Math.max(1, Math.min(MAX_QUANTITY, v.stock))));
                }}
                className="sr-only"
              />
              {v.name} · {formatMoney(v.price, v.currency)}
            </label>
          ))}
        </div>
        <FieldError id="variantId-error" message={err("variantId")} />
      </fieldset>

      <div className="flex items-center justify-between gap-3">
        <label htmlFor="quantity" className="text-sm font-medium text-gray-700">
          {t("product.buy.quantity")}
        </label>
        <div className="flex items-center gap-1">
          <button
            type="button"
            aria-label={t("product.buy.less")}
            onClick={() => setQuantity((q) => Math.max(1, q - 1))}
            disabled={quantity <= 1}
            className="size-9 rounded-lg bg-white text-lg ring-1 ring-gray-300 disabled:opacity-40"
          >
            −
          </button>
          <input
            id="quantity"
            name="quantity"
            inputMode="numeric"
            value={quantity}
            onChange={(e) => {
              const n = Number(e.target.value.replace(/\D/g, ""));
              setQuantity(Number.isInteger(n) && n > 0 ? Math.min(n, maxQuantity) : 1);
            }}
            aria-invalid={errors.quantity ? true : undefined}
            aria-describedby={errors.quantity ? "quantity-error" : undefined}
            className="h-9 w-12 rounded-lg border border-gray-300 text-center text-base"
          />
          <button
            type="button"
            aria-label={t("product.buy.more")}
            onClick={() => setQuantity((q) => Math.min(maxQuantity, q + 1))}
            disabled={quantity >= maxQuantity}
            className="size-9 rounded-lg bg-white text-lg ring-1 ring-gray-300 disabled:opacity-40"
          >
            +
          </button>
        </div>
      </div>
      <FieldError id="quantity-error" message={err("quantity")} />

      {kind === "PHYSICAL" ? (
        <div className="space-y-1">
          <AddressPicker addresses={addresses} errors={errors} />
          <FieldError message={err("address")} />
        </div>
      ) : (
        <p className="rounded-lg bg-gray-50 p-3 text-sm text-gray-600">{t("product.buy.voucherNoAddress")}</p>
      )}

      <div className="flex items-center justify-between border-t border-gray-100 pt-4">
        <span className="text-sm text-gray-600">{t("product.buy.total")}</span>
        <span className="text-xl font-semibold text-red-600" data-testid="buy-total">
          {variant ? formatMoney(variant.price * quantity, variant.currency) : "—"}
        </span>
      </div>
      <FieldError message={state && !state.ok ? tr(state.formError) : undefined} />
      <Button type="submit" disabled={pending || !variant} className="w-full" data-testid="pay-button">
        {pending ? t("product.buy.paying") : t("product.buy.pay")}
      </Button>
      <p className="text-center text-xs text-gray-500">{t("product.buy.selfNote")}</p>
    </form>
  );
}

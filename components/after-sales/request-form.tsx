"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useActionForm, type FormAction } from "@/components/merchant/use-action-form";
import { Button } from "@/components/ui/button";
import { FieldError, inputClass } from "@/components/ui/field";
import { AFTER_SALE_REASON_MAX } from "@/lib/after-sales/rules";
import { usePhotoUpload } from "./use-photo-upload";

/** 申请售后: a refund or a return, a reason, an optional photo. */
export function AfterSaleRequestForm({ orderId, action }: { orderId: string; action: FormAction<{ requestId: string }> }) {
  const t = useTranslations();
  const form = useActionForm(action);
  const photo = usePhotoUpload();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const id = useId();

  if (form.succeeded) {
    return (
      <p role="status" className="rounded-lg bg-green-50 p-3 text-sm text-green-800" data-testid="after-sale-sent">
        {t("afterSale.sent")}
      </p>
    );
  }
  if (!open) {
    return (
      <Button variant="secondary" onClick={() => setOpen(true)} data-testid="open-after-sale">
        {t("afterSale.ask")}
      </Button>
    );
  }
  const photoError = photo.error ? (t.has(photo.error) ? t(photo.error) : photo.error) : form.err("photoKey");
  return (
    <form onSubmit={form.onSubmit} noValidate className="space-y-4 rounded-lg bg-gray-50 p-3" data-testid="after-sale-form">
      <input type="hidden" name="orderId" value={orderId} />
      {photo.key && <input type="hidden" name="photoKey" value={photo.key} />}
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-gray-700">{t("afterSale.kindLabel")}</legend>
        {(["REFUND_ONLY", "RETURN_AND_REFUND"] as const).map((k) => (
          <label key={k} className="flex items-center gap-2 text-sm">
            <input type="radio" name="kind" value={k} defaultChecked={k === "REFUND_ONLY"} className="size-4 accent-lanbao-500" />
            {t(`afterSale.kind.${k}`)}
          </label>
        ))}
        <FieldError message={form.err("kind")} />
      </fieldset>
      <div className="space-y-1">
        <label htmlFor={`${id}-reason`} className="block text-sm font-medium text-gray-700">
          {t("afterSale.reasonLabel")}
        </label>
        <textarea
          id={`${id}-reason`}
          name="reason"
          rows={3}
          maxLength={AFTER_SALE_REASON_MAX}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t("afterSale.reasonPlaceholder")}
          aria-invalid={form.err("reason") ? true : undefined}
          className={inputClass}
        />
        <p className="text-right text-xs text-gray-500">
          {reason.length}/{AFTER_SALE_REASON_MAX}
        </p>
        <FieldError message={form.err("reason")} />
      </div>
      <div className="space-y-2">
        <label htmlFor={`${id}-photo`} className="block text-sm font-medium text-gray-700">
          {t("afterSale.photoLabel")}
        </label>
        {photo.preview ? (
          <div className="flex items-center gap-3">
            {/* eslint-disable-next-line @next/next/no-img-element -- a local preview */}
            <img src={photo.preview} alt={t("afterSale.photoPreview")} width={72} height={72} className="size-18 rounded-lg object-cover" />
            <Button variant="ghost" onClick={photo.remove}>
              {t("afterSale.photoRemove")}
            </Button>
          </div>
        ) : (
          <input
            id={`${id}-photo`}
            type="file"
            accept="image/jpeg,image/png,image/webp"
            disabled={photo.busy}
            onChange={(e) => photo.choose(e.target.files?.[0])}
            className="block w-full text-sm"
            data-testid="after-sale-photo"
          />
        )}
        <p className="text-xs text-gray-500">{photo.busy ? t("afterSale.photoUploading") : t("afterSale.photoHint")}</p>
        <FieldError message={photoError} />
      </div>
      <FieldError message={form.formError} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={form.pending || photo.busy} data-testid="submit-after-sale">
          {form.pending ? t("afterSale.sending") : t("afterSale.submit")}
        </Button>
        <Button variant="ghost" onClick={() => setOpen(false)}>
          {t("common.cancel")}
        </Button>
      </div>
    </form>
  );
}

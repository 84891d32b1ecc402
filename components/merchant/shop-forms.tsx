"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Field, FieldError, inputClass } from "@/components/ui/field";
import { ImageUploader } from "./image-uploader";
import { StatusNote } from "./status-note";
import { useActionForm, type FormAction } from "./use-action-form";

/** Opening a new shop: name, web address (slug) and description. */
export function NewShopForm({ action }: { action: FormAction<null> }) {
  const t = useTranslations("merchant");
  const form = useActionForm(action);
  return (
    <form onSubmit={form.onSubmit} noValidate className="space-y-4">
      <Field id="name" name="name" label={t("shop.name")} maxLength={60} error={form.err("name")} />
      <Field id="slug" name="slug" label={t("shop.slug")} hint={t("shop.slugHint")} maxLength={40} autoCapitalize="none" error={form.err("slug")} />
      <Field id="description" label={t("shop.description")} error={form.err("description")}>
        <textarea id="description" name="description" rows={3} maxLength={500} className={inputClass} />
      </Field>
      <FieldError message={form.formError} />
      <Button type="submit" disabled={form.pending}>
        {form.pending ? t("saving") : t("shop.create")}
      </Button>
    </form>
  );
}

/** Name, description and cover of a shop. */
export function ShopSettingsForm({
  shop,
  action,
}: {
  shop: { id: string; name: string; description: string; coverImage: string | null };
  action: FormAction<null>;
}) {
  const t = useTranslations("merchant");
  const form = useActionForm(action);
  return (
    <form onSubmit={form.onSubmit} noValidate className="space-y-4" data-testid="shop-settings-form">
      <input type="hidden" name="shopId" value={shop.id} />
      <Field id="name" name="name" label={t("shop.name")} defaultValue={shop.name} maxLength={60} error={form.err("name")} />
      <Field id="description" label={t("shop.description")} error={form.err("description")}>
        <textarea id="description" name="description" rows={4} maxLength={500} defaultValue={shop.description} className={inputClass} />
      </Field>
      <ImageUploader
        name="coverKey"
        label={t("shop.cover")}
        hint={t("shop.coverHint")}
        initial={shop.coverImage ? [{ ref: "current", url: shop.coverImage }] : []}
        max={1}
        emptyValue=""
        error={form.err("cover") ?? form.err("coverKey")}
      />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={form.pending}>
          {form.pending ? t("saving") : t("save")}
        </Button>
        <FieldError message={form.formError} />
        <StatusNote show={form.succeeded} text={t("saved")} version={form.state} />
      </div>
    </form>
  );
}

/** The shop's one gifting switch. */
export function GiftingSwitch({ shopId, enabled, action }: { shopId: string; enabled: boolean; action: FormAction<{ enabled: boolean }> }) {
  const t = useTranslations("merchant");
  const form = useActionForm(action);
  const on = form.state?.ok ? form.state.data.enabled : enabled;
  return (
    <form onSubmit={form.onSubmit} className="space-y-3" data-testid="gifting-switch" data-enabled={on}>
      <input type="hidden" name="shopId" value={shopId} />
      <input type="hidden" name="enabled" value={on ? "false" : "true"} />
      <div className="flex items-start gap-3">
        <span
          aria-hidden
          className={cn("mt-0.5 inline-flex h-6 w-11 shrink-0 items-center rounded-full p-0.5 transition-colors", on ? "bg-lanbao-500" : "bg-gray-300")}
        >
          <span className={cn("size-5 rounded-full bg-white shadow transition-transform", on && "translate-x-5")} />
        </span>
        <p className="text-sm text-gray-700" data-testid="gifting-state">
          {on ? t("gifting.on") : t("gifting.off")}
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant={on ? "danger" : "primary"} disabled={form.pending} role="switch" aria-checked={on}>
          {on ? t("gifting.turnOff") : t("gifting.turnOn")}
        </Button>
        <FieldError message={form.formError} />
      </div>
      <p className="text-xs text-gray-500">{t("gifting.rules")}</p>
    </form>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { GiftMessageField } from "@/components/gift/gift-message-field";
import { GiftPayBar } from "@/components/gift/gift-pay-bar";
import { GiftVariantFieldset } from "@/components/gift/gift-variant-fieldset";
import { useSendGiftForm } from "@/components/gift/use-send-gift-form";
import { FieldError, inputClass } from "@/components/ui/field";
import { sendGroupGiftAction } from "./actions";
import { LotteryFields } from "./lottery-fields";


/** The confirm sheet in a group chat: several units, first come first served, or a lottery. */
export function SendGroupGiftForm({
  variants,
  defaultVariantId,
  threadId,
  members,
}: {
  variants: { id: string; name: string; price: number }[];
  defaultVariantId: string;
  threadId: string;
  members: { id: string; name: string }[];
}) {
  const t = useTranslations();
  const { action, pending, variantId, setVariantId, price, errors, err, formError } = useSendGiftForm(sendGroupGiftAction, variants, defaultVariantId);
  const [mode, setMode] = useState<"GROUP" | "LOTTERY">("GROUP");
  const [units, setUnits] = useState(String(Math.min(2, members.length) || 1));
  const count = Number.parseInt(units, 10);
  const total = Number.isInteger(count) && count > 0 ? price * count : null;

  return (
    <form action={action} className="space-y-5" noValidate>
      <input type="hidden" name="threadId" value={threadId} />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-gray-700">{t("gift.groupSend.how")}</legend>
        <div className="grid grid-cols-2 gap-2">
          {(["GROUP", "LOTTERY"] as const).map((m) => (
            <label key={m} className="cursor-pointer">
              <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => setMode(m)} className="peer sr-only" data-testid={`mode-${m.toLowerCase()}`} />
              <span className="block rounded-lg border border-gray-300 p-3 text-sm peer-checked:border-lanbao-500 peer-checked:bg-lanbao-50 peer-focus-visible:ring-2 peer-focus-visible:ring-lanbao-500">
                <span className="block font-medium">{t(`gift.groupSend.${m === "GROUP" ? "group" : "lottery"}`)}</span>
                <span className="block text-xs text-gray-600">{t(`gift.groupSend.${m === "GROUP" ? "groupHint" : "lotteryHint"}`)}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      <GiftVariantFieldset variants={variants} value={variantId} onChange={setVariantId} error={err("variantId")} />

      <div className="space-y-1">
        <label htmlFor="units" className="block text-sm font-medium text-gray-700">
          {mode === "GROUP" ? t("gift.groupSend.units") : t("gift.groupSend.prizes")}
        </label>
        <input
          id="units"
          name="units"
          type="number"
          inputMode="numeric"
          min={mode === "GROUP" ? 2 : 1}
          max={Math.min(100, members.length)}
          value={units}
          onChange={(e) => setUnits(e.target.value)}
          className={inputClass}
          aria-invalid={errors.units ? true : undefined}
          aria-describedby="units-hint"
        />
        <p id="units-hint" className="text-xs text-gray-500">
          {t("gift.groupSend.unitsHint", { members: members.length })}
        </p>
        <FieldError message={err("units")} />
      </div>

      {mode === "LOTTERY" && <LotteryFields members={members} errors={errors} />}

      <GiftMessageField placeholder={t("gift.groupSend.messagePlaceholder")} error={err("message")} />

      <FieldError message={formError} />
      <GiftPayBar amount={total} pending={pending} />
    </form>
  );
}

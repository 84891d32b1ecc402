"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import type { ActionResult } from "@/lib/validation/result";

type Variant = { id: string; name: string; price: number };

/**
 * What the three send-gift forms (to a friend, to a group, by passphrase) share: the
 * action's state, the chosen option and its price, and the errors to show, translated.
 */
export function useSendGiftForm<T>(
  serverAction: (prev: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>,
  variants: Variant[],
  defaultVariantId: string,
) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(serverAction, null);
  const [variantId, setVariantId] = useState(defaultVariantId);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const formError = state && !state.ok && state.formError ? t(state.formError) : undefined;
  const price = variants.find((v) => v.id === variantId)?.price ?? variants[0].price;
  /** The translated first error of a field, if any. */
  const err = (field: string): string | undefined => (errors[field] ? t(errors[field][0]) : undefined);
  return { action, pending, variantId, setVariantId, price, errors, err, formError };
}

"use client";

import { useTranslations } from "next-intl";
import { startTransition, useActionState, type FormEvent } from "react";
import type { ActionResult } from "@/lib/validation/result";

export type FormAction<T> = (prev: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

/**
 * A form driven by a server action returning ActionResult. Submits through onSubmit (so
 * React does not reset what the merchant typed when the server refuses), and translates
 * field errors, which are i18n keys.
 */
export function useActionForm<T>(action: FormAction<T>) {
  const t = useTranslations();
  const [state, dispatch, pending] = useActionState(action, null);
  const failed = state && !state.ok ? state : null;
  const tr = (key: string | undefined) => (key ? (t.has(key) ? t(key) : t("common.errorBody")) : undefined);
  return {
    state,
    pending,
    succeeded: state?.ok === true,
    onSubmit(e: FormEvent<HTMLFormElement>) {
      e.preventDefault();
      const form = new FormData(e.currentTarget, (e.nativeEvent as SubmitEvent).submitter);
      startTransition(() => dispatch(form));
    },
    /** The translated first error of a field, if any. */
    err: (field: string) => tr(failed?.fieldErrors[field]?.[0]),
    fieldErrors: failed?.fieldErrors ?? {},
    formError: tr(failed?.formError),
  };
}

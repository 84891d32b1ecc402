"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FieldError, inputClass } from "@/components/ui/field";
import { claimByPassphraseAction } from "./actions";

/** The passphrase field of a passphrase gift's link; its error (wrong, or wait) sits right below it. */
export function PassphraseForm({ token }: { token: string }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(claimByPassphraseAction, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const formError = state && !state.ok ? state.formError : undefined;
  const fieldError = errors.passphrase?.[0];
  return (
    <form action={action} className="space-y-3" noValidate>
      <input type="hidden" name="token" value={token} />
      <div className="space-y-1">
        <label htmlFor="passphrase" className="block text-sm font-medium text-gray-700">
          {t("gift.passphrase.label")}
        </label>
        <input
          id="passphrase"
          name="passphrase"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={40}
          placeholder={t("gift.passphrase.placeholder")}
          className={`${inputClass} font-mono tracking-widest uppercase`}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={fieldError ? "passphrase-error" : "passphrase-hint"}
          data-testid="passphrase-input"
        />
        {!fieldError && (
          <p id="passphrase-hint" className="text-xs text-gray-500">
            {t("gift.passphrase.hint")}
          </p>
        )}
        <FieldError id="passphrase-error" message={fieldError && t(fieldError)} />
      </div>
      <FieldError message={formError && t(formError)} />
      <Button type="submit" disabled={pending} className="w-full py-3 text-base" data-testid="passphrase-submit">
        {pending ? t("gift.passphrase.checking") : t("gift.passphrase.open")}
      </Button>
    </form>
  );
}

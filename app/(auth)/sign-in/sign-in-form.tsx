"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FieldError } from "@/components/ui/field";
import { signInSchema } from "@/lib/auth/schemas";
import { signInErrorKeys } from "@/lib/auth/sign-in-errors";
import { fieldErrorsOf, type FieldErrors } from "@/lib/validation/result";

/** Where the sign-up form leaves the email it sends on to sign-in (this tab only). */
export const HANDOFF_EMAIL_KEY = "lanbao.signInEmail";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string[]>();
  const [pending, setPending] = useState(false);

  // Coming from sign-up: the email is already typed.
  useEffect(() => {
    const email = sessionStorage.getItem(HANDOFF_EMAIL_KEY);
    sessionStorage.removeItem(HANDOFF_EMAIL_KEY);
    const input = document.getElementById("email");
    if (email && input instanceof HTMLInputElement && !input.value) input.value = email;
  }, []);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const parsed = signInSchema.safeParse({ email: form.get("email"), password: form.get("password") });
    setFormError(undefined);
    if (!parsed.success) return setErrors(fieldErrorsOf(parsed.error));
    setErrors({});
    setPending(true);
    const res = await signIn("credentials", { ...parsed.data, redirect: false });
    if (res?.ok && !res.error) {
      // A full load, not router.replace: anything the router prefetched while signed out
      // (e.g. a redirect of "/" to sign-in) must not be reused now.
      window.location.assign(callbackUrl);
      return;
    }
    setPending(false);
    setFormError(signInErrorKeys(res?.error));
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <Field id="email" name="email" type="email" autoComplete="email" label={t("auth.email")} error={errors.email && t(errors.email[0])} />
      <Field
        id="password"
        name="password"
        type="password"
        autoComplete="current-password"
        label={t("auth.password")}
        error={errors.password && t(errors.password[0])}
      />
      <FieldError id="sign-in-error" message={formError?.map((key) => t(key)).join(" ")} />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? t("auth.signingIn") : t("auth.signIn")}
      </Button>
    </form>
  );
}

"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FieldError } from "@/components/ui/field";
import { signUpSchema } from "@/lib/auth/schemas";
import { fieldErrorsOf, type FieldErrors } from "@/lib/validation/result";
import { HANDOFF_EMAIL_KEY } from "../sign-in/sign-in-form";
import { signUpAction } from "./actions";

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations();
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string>();
  const [pending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const input = { name: form.get("name"), email: form.get("email"), password: form.get("password") };
    setFormError(undefined);
    // Checked here for quick feedback and again on the server, which is the authority.
    const parsed = signUpSchema.safeParse(input);
    if (!parsed.success) return setErrors(fieldErrorsOf(parsed.error));
    setErrors({});
    setPending(true);
    const result = await signUpAction(parsed.data);
    if (!result.ok) {
      setPending(false);
      setErrors(result.fieldErrors);
      return setFormError(result.formError);
    }
    // Sign-up answers the same for a taken email, so this sign-in is what tells: it lets a
    // new user (or the owner, with the right password) in; anyone else goes to sign-in.
    const res = await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirect: false });
    if (res?.ok && !res.error) {
      // A full load: nothing the router prefetched while signed out may be reused.
      window.location.assign(callbackUrl);
    } else {
      sessionStorage.setItem(HANDOFF_EMAIL_KEY, parsed.data.email);
      router.replace(`/sign-in?from=sign-up&callbackUrl=${encodeURIComponent(callbackUrl)}`);
    }
  }

  const err = (k: string) => errors[k] && t(errors[k][0]);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <Field id="name" name="name" autoComplete="nickname" label={t("auth.name")} error={err("name")} maxLength={40} />
      <Field id="email" name="email" type="email" autoComplete="email" label={t("auth.email")} error={err("email")} />
      <Field
        id="password"
        name="password"
        type="password"
        autoComplete="new-password"
        label={t("auth.password")}
        hint={t("auth.passwordHint")}
        error={err("password")}
      />
      <FieldError message={formError && t(formError)} />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? t("auth.signingUp") : t("auth.signUp")}
      </Button>
    </form>
  );
}

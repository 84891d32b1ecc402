"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { publicAction } from "@/lib/actions/safe-action";
import { LOCALE_COOKIE, LOCALES } from "@/lib/i18n/config";

/** Remembers the chosen language for a year; anyone may set their own language. */
export const setLocaleAction = publicAction(z.enum(LOCALES, "validation.invalid"), async (locale) => {
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax" });
  return null;
});

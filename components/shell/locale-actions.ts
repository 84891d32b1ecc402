"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { LOCALE_COOKIE, LOCALES } from "@/lib/i18n/config";
import { fail, ok, type ActionResult } from "@/lib/validation/result";

const localeSchema = z.enum(LOCALES);

/** Remembers the chosen language for a year; anyone may set their own language. */
export async function setLocaleAction(locale: string): Promise<ActionResult> {
  const parsed = localeSchema.safeParse(locale);
  if (!parsed.success) return fail({ locale: ["validation.invalid"] });
  (await cookies()).set(LOCALE_COOKIE, parsed.data, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax" });
  return ok(null);
}

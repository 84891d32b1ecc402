// The shipping-address schema shared by the address book and by every form that takes an
// address (accepting a gift, buying for oneself). SERVER ONLY: it checks the region codes
// against lib/address/regions.ts, whose data must not reach the browser.
// Messages are i18n keys in the "address" namespace; forms translate them with t(key).
import { z } from "zod";
import { regionMismatch, resolveRegion, type RegionField } from "./regions";

const MOBILE_RE = /^1[3-9]\d{9}$/;

/**
 * A mainland China mobile number as its 11 bare digits, or null. Accepts full-width digits,
 * spaces and dashes anywhere, and a leading +86 / 86 (e.g. "+86 138-1234-5678").
 */
export function normalizePhone(raw: string): string | null {
  let s = raw.normalize("NFKC").replace(/[\s\-‐‑–—]/g, "");
  if (s.startsWith("+86")) s = s.slice(3);
  else if (s.startsWith("86") && s.length === 13) s = s.slice(2);
  return MOBILE_RE.test(s) ? s : null;
}

/** Length in characters as a person counts them (an emoji or a rare Han character is one). */
const charCount = (s: string) => [...s].length;

const NAME_MAX = 20;
const DETAIL_MIN = 4;
const DETAIL_MAX = 120;
export const ADDRESS_LIMITS = { nameMax: NAME_MAX, detailMin: DETAIL_MIN, detailMax: DETAIL_MAX } as const;

function regionCode(requiredKey: string, invalidKey: string) {
  // (Checks after `min(1)` let "" through, so an empty field gets one message, not two;
  // an `abort` would also stop the cross-field region check below.)
  return z
    .string({ error: requiredKey })
    .trim()
    .min(1, requiredKey)
    .refine((s) => s === "" || /^\d{6}$/.test(s), invalidKey);
}

const INVALID_KEY: Record<RegionField, string> = {
  provinceCode: "address.provinceInvalid",
  cityCode: "address.cityInvalid",
  districtCode: "address.districtInvalid",
};

const REGION_FIELDS = new Set<PropertyKey>(["provinceCode", "cityCode", "districtCode"]);

export const addressInputSchema = z
  .object({
    name: z
      .string({ error: "address.nameRequired" })
      .trim()
      .min(1, "address.nameRequired")
      .refine((s) => charCount(s) <= NAME_MAX, "address.nameTooLong"),
    phone: z
      .string({ error: "address.phoneRequired" })
      .trim()
      .min(1, "address.phoneRequired")
      .transform((s, ctx) => {
        const phone = normalizePhone(s);
        if (phone) return phone;
        ctx.addIssue({ code: "custom", message: "address.phoneInvalid" });
        return z.NEVER;
      }),
    provinceCode: regionCode("address.provinceRequired", "address.provinceInvalid"),
    cityCode: regionCode("address.cityRequired", "address.cityInvalid"),
    districtCode: regionCode("address.districtRequired", "address.districtInvalid"),
    detail: z
      .string({ error: "address.detailRequired" })
      .trim()
      .min(1, "address.detailRequired")
      .refine((s) => s === "" || charCount(s) >= DETAIL_MIN, "address.detailTooShort")
      .refine((s) => charCount(s) <= DETAIL_MAX, "address.detailTooLong"),
  })
  .superRefine(
    (v, ctx) => {
      const wrong = regionMismatch(v.provinceCode, v.cityCode, v.districtCode);
      if (wrong) ctx.addIssue({ code: "custom", path: [wrong], message: INVALID_KEY[wrong] });
    },
    // Still checked when another field (say the phone) is wrong, so every error shows at
    // once; skipped only when a code itself is already missing or malformed.
    {
      when: (payload) =>
        typeof payload.value === "object" &&
        payload.value !== null &&
        payload.issues.every((i) => !!i.path?.length && !REGION_FIELDS.has(i.path[0] as PropertyKey)),
    },
  )
  .transform((v) => {
    const names = resolveRegion(v.provinceCode, v.cityCode, v.districtCode)!;
    return {
      name: v.name,
      phone: v.phone,
      provinceCode: v.provinceCode,
      province: names.province,
      cityCode: v.cityCode,
      city: names.city,
      districtCode: v.districtCode,
      district: names.district,
      detail: v.detail,
    };
  });

/** What a form posts (strings, possibly messy). */
export type AddressFormInput = z.input<typeof addressInputSchema>;
/** A validated address: normalised phone, trimmed text, and the region names resolved from the codes. */
export type AddressInput = z.output<typeof addressInputSchema>;

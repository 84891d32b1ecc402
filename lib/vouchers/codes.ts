// Voucher codes: what they look like and how a typed code is read back. Pure, so forms
// and tests can use it too.
import { randomBytes } from "node:crypto";

/** No 0/O, 1/I: codes are read aloud and typed at a counter. */
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** A new random code, "XXXX-XXXX-XXXX" (60 bits). */
export function newVoucherCode(): string {
  const bytes = randomBytes(12);
  const raw = Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join("");
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
}

/**
 * A code as typed: case, spaces and dashes do not matter. Returns the stored form
 * ("ABCD-EFGH-JKMN"), or null when it cannot be a code at all.
 */
export function normalizeVoucherCode(input: string): string | null {
  const raw = input.toUpperCase().replace(/[\s-]+/g, "");
  if (!/^[A-Z0-9]{12}$/.test(raw)) return null;
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
}

const SYMBOLS: Record<string, string> = { CNY: "¥" };

/**
 * Formats integer minor units (fen) as "¥1,234.50". Integer arithmetic only: money never
 * passes through a float.
 */
export function formatMoney(minor: number, currency = "CNY"): string {
  if (!Number.isInteger(minor)) throw new Error(`Money must be integer minor units, got ${minor}`);
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  const major = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const cents = String(abs % 100).padStart(2, "0");
  return `${sign}${SYMBOLS[currency] ?? `${currency} `}${major}.${cents}`;
}

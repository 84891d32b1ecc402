// Amounts in Stripe are integers in the currency's minor unit. Stripe's own list of
// zero- and three-decimal currencies (not ISO 4217's, which differs for a few) decides
// how many digits the minor unit has.
const ZERO_DECIMAL = new Set([
  "bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv",
  "xaf", "xof", "xpf",
]);
const THREE_DECIMAL = new Set(["bhd", "jod", "kwd", "omr", "tnd"]);

export function minorUnitDigits(currency: string): number {
  const c = currency.toLowerCase();
  if (ZERO_DECIMAL.has(c)) return 0;
  if (THREE_DECIMAL.has(c)) return 3;
  return 2;
}

/** formatAmount(1200, "cny") → "¥12.00" (narrow symbol: the page is for people, not ISO). */
export function formatAmount(amount: number, currency: string): string {
  const digits = minorUnitDigits(currency);
  const major = amount / 10 ** digits;
  try {
    return new Intl.NumberFormat("en-US", {
      style: "currency",
      currency: currency.toUpperCase(),
      currencyDisplay: "narrowSymbol",
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(major);
  } catch {
    return `${major.toFixed(digits)} ${currency.toUpperCase()}`; // currency unknown to Intl
  }
}

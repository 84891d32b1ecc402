// Where a tracking number can be looked up. One public tracking page knows every Chinese
// carrier, so a link works whatever the merchant typed as the carrier's name.
export function trackingUrl(trackingNumber: string): string {
  return `https://www.kuaidi100.com/chaxun?nu=${encodeURIComponent(trackingNumber)}`;
}

// Pure display helpers for addresses. No region data and no database here, so client
// components may import this file.

/** "13812345678" → "138****5678". Anything that is not an 11-digit number keeps only its last 4. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  if (digits.length === 11) return `${digits.slice(0, 3)}****${digits.slice(7)}`;
  return digits.length > 4 ? `${"*".repeat(digits.length - 4)}${digits.slice(-4)}` : "****";
}

/**
 * The region part of a parcel label, written the Chinese way with no separators, and a
 * level that repeats the one above it left out: "北京市朝阳区", "广东省东莞市", "湖北省仙桃市".
 */
export function formatRegion(a: { province: string; city: string; district: string }): string {
  const parts: string[] = [];
  for (const p of [a.province, a.city, a.district]) if (p && p !== parts[parts.length - 1]) parts.push(p);
  return parts.join("");
}

/** The full one-line address: region then street. */
export function formatAddressLine(a: { province: string; city: string; district: string; detail: string }): string {
  return `${formatRegion(a)}${a.detail}`;
}

export type ShippingAddress = {
  name: string;
  phone: string;
  province: string;
  city: string;
  district: string;
  detail: string;
};

/** The snapshot columns of Order and GiftClaim (shipName, shipPhone, ...). */
export function toShipColumns(a: ShippingAddress) {
  return {
    shipName: a.name,
    shipPhone: a.phone,
    shipProvince: a.province,
    shipCity: a.city,
    shipDistrict: a.district,
    shipDetail: a.detail,
  };
}

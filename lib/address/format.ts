// The shipping address as one type, its one mapping to the ship* snapshot columns of Order
// and GiftClaim, and pure display helpers. No region data, no database and no zod here
// (its schema is in ./snapshot-schema.ts), so client components may import this file
// without pulling a validation library into the browser.

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

/** An address as it is copied onto an order or a claim (already validated by lib/address/schema). */
export type ShippingAddress = {
  name: string;
  phone: string;
  province: string;
  city: string;
  district: string;
  detail: string;
};

export type ShipColumns = ReturnType<typeof toShipColumns>;
export type NullableShipColumns = { [K in keyof ShipColumns]: string | null };

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

/** Back from the snapshot columns; null when none was stored (vouchers, gifts not accepted). */
export function fromShipColumns(c: NullableShipColumns): ShippingAddress | null {
  if (!c.shipName && !c.shipDetail) return null;
  return {
    name: c.shipName ?? "",
    phone: c.shipPhone ?? "",
    province: c.shipProvince ?? "",
    city: c.shipCity ?? "",
    district: c.shipDistrict ?? "",
    detail: c.shipDetail ?? "",
  };
}

/** Prisma select of the snapshot columns. */
export const shipColumnsSelect = {
  shipName: true,
  shipPhone: true,
  shipProvince: true,
  shipCity: true,
  shipDistrict: true,
  shipDetail: true,
} as const;

// A claim as the person who holds it reads it (their style, code and own address): one
// select and one shape for the single gift sheet, the group sheet and ClaimSummary.
import { shipColumnsSelect, type NullableShipColumns } from "@/lib/address/format";
import type { ClaimStatus } from "@/lib/db/generated/enums";

export const claimDetailSelect = {
  status: true,
  voucherCode: true,
  acceptedAt: true,
  ...shipColumnsSelect,
  variant: { select: { name: true } },
} as const;

export type ClaimDetail = NullableShipColumns & {
  status: ClaimStatus;
  variantName: string;
  voucherCode: string | null;
  acceptedAt: Date;
};

type ClaimDetailRow = Omit<ClaimDetail, "variantName"> & { variant: { name: string } };

export function toClaimDetail({ variant, ...rest }: ClaimDetailRow): ClaimDetail {
  return { ...rest, variantName: variant.name };
}

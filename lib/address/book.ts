// A user's address book (收货地址). Every function takes the acting user's id and reads or
// writes only that user's rows: another user's address id behaves as if it did not exist.
import type { Db } from "@/lib/db/client";
import type { Address, Prisma } from "@/lib/db/generated/client";
import { DomainError } from "@/lib/validation/result";
import { addressInputSchema, type AddressInput } from "./schema";

export { maskPhone } from "./format";

export const MAX_ADDRESSES = 20;

type DbOrTx = Db | Prisma.TransactionClient;

/** Runs `fn` in a transaction, or inside the caller's if it already passed one. */
function inTransaction<T>(db: DbOrTx, fn: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  return "$transaction" in db ? db.$transaction(fn) : fn(db);
}

/**
 * Serialises address-book changes of one user (count limit, single default) by locking the
 * user's row; two tabs saving at once cannot both become the "first" address or pass 20.
 */
async function lockUser(tx: Prisma.TransactionClient, userId: string): Promise<void> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "User" WHERE "id" = ${userId} FOR UPDATE`;
  if (rows.length === 0) throw new Error(`No user ${userId}`);
}

/** The user's addresses, the default first, then the newest. */
export function listAddresses(db: DbOrTx, userId: string): Promise<Address[]> {
  return db.address.findMany({
    where: { userId },
    orderBy: [{ isDefault: "desc" }, { createdAt: "desc" }, { id: "asc" }],
  });
}

/** One of the user's addresses, or null when it does not exist or belongs to someone else. */
export function getAddressForUser(db: DbOrTx, userId: string, addressId: string): Promise<Address | null> {
  if (!addressId) return Promise.resolve(null);
  return db.address.findFirst({ where: { id: addressId, userId } });
}

/** The user's default address, or null when the book is empty. */
export function getDefaultAddress(db: DbOrTx, userId: string): Promise<Address | null> {
  return db.address.findFirst({ where: { userId, isDefault: true } });
}

function sameAddress(row: Address, a: AddressInput): boolean {
  return (
    row.name === a.name &&
    row.phone === a.phone &&
    row.provinceCode === a.provinceCode &&
    row.cityCode === a.cityCode &&
    row.districtCode === a.districtCode &&
    row.detail === a.detail
  );
}

async function makeOnlyDefault(tx: Prisma.TransactionClient, userId: string, addressId: string): Promise<void> {
  await tx.address.updateMany({ where: { userId, isDefault: true, NOT: { id: addressId } }, data: { isDefault: false } });
  await tx.address.update({ where: { id: addressId }, data: { isDefault: true } });
}

/**
 * Adds an address to the user's book, or with `addressId` edits one of theirs.
 * - Validates with `addressInputSchema` (throws ZodError; messages are i18n keys).
 * - Saving an address identical to one already in the book returns that one, so accepting
 *   several gifts with "save" ticked does not fill the book with copies.
 * - At most MAX_ADDRESSES per user (DomainError "address.limitReached").
 * - The first address becomes the default; `makeDefault` moves the default to this one.
 *   There is always exactly one default while the book is not empty.
 * Throws DomainError "address.notFound" (field "addressId") for an id that is not theirs.
 */
export async function saveAddress(
  db: DbOrTx,
  userId: string,
  input: unknown,
  opts: { makeDefault?: boolean; addressId?: string } = {},
): Promise<Address> {
  const data = addressInputSchema.parse(input);
  return inTransaction(db, async (tx) => {
    await lockUser(tx, userId);
    const existing = await tx.address.findMany({ where: { userId } });
    let row: Address;
    if (opts.addressId) {
      if (!existing.some((a) => a.id === opts.addressId)) throw new DomainError("address.notFound", "addressId");
      row = await tx.address.update({ where: { id: opts.addressId }, data });
    } else {
      const duplicate = existing.find((a) => sameAddress(a, data));
      if (duplicate) row = duplicate;
      else {
        if (existing.length >= MAX_ADDRESSES) throw new DomainError("address.limitReached");
        row = await tx.address.create({ data: { ...data, userId } });
      }
    }
    const hasOtherDefault = existing.some((a) => a.isDefault && a.id !== row.id);
    if (opts.makeDefault || !hasOtherDefault) {
      await makeOnlyDefault(tx, userId, row.id);
      row = { ...row, isDefault: true };
    }
    return row;
  });
}

/** Makes one of the user's addresses the default. false when it is not theirs. */
export async function setDefaultAddress(db: DbOrTx, userId: string, addressId: string): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    await lockUser(tx, userId);
    const row = await tx.address.findFirst({ where: { id: addressId, userId }, select: { id: true } });
    if (!row) return false;
    await makeOnlyDefault(tx, userId, row.id);
    return true;
  });
}

/**
 * Deletes one of the user's addresses; false when it is not theirs (nothing happens).
 * Deleting the default hands the default to the newest remaining address.
 */
export async function deleteAddress(db: DbOrTx, userId: string, addressId: string): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    await lockUser(tx, userId);
    const row = await tx.address.findFirst({ where: { id: addressId, userId }, select: { id: true, isDefault: true } });
    if (!row) return false;
    await tx.address.delete({ where: { id: row.id } });
    if (row.isDefault) {
      const next = await tx.address.findFirst({ where: { userId }, orderBy: [{ createdAt: "desc" }, { id: "asc" }] });
      if (next) await tx.address.update({ where: { id: next.id }, data: { isDefault: true } });
    }
    return true;
  });
}

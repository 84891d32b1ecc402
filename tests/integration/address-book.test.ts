import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import {
  MAX_ADDRESSES,
  deleteAddress,
  getAddressForUser,
  getDefaultAddress,
  listAddresses,
  saveAddress,
  setDefaultAddress,
} from "../../lib/address/book.ts";
import { saveChosenAddress, shippingAddressFromForm } from "../../lib/address/shipping.ts";
import { DomainError } from "../../lib/validation/result.ts";
import { useTestDatabase } from "../setup/test-db.ts";

const t = useTestDatabase();

let n = 0;
async function newUser(name = "User") {
  n++;
  return t.db.user.create({ data: { name, email: `addr${n}@example.com`, lanbaoId: `lbaddr${String(n).padStart(4, "0")}` } });
}

const home = {
  name: "王芳",
  phone: "+86 138-1234-5678",
  provinceCode: "440000",
  cityCode: "440300",
  districtCode: "440305",
  detail: "科技园南区 1 栋 101",
};
const office = { ...home, provinceCode: "110000", cityCode: "110100", districtCode: "110105", detail: "建国路 88 号 SOHO" };
const numbered = (i: number) => ({ ...home, detail: `幸福路 ${i} 号` });

async function defaults(userId: string) {
  return (await t.db.address.findMany({ where: { userId, isDefault: true } })).map((a) => a.id);
}

describe("address book", () => {
  it("saves a validated address with resolved names and a normalised phone; the first is the default", async () => {
    const u = await newUser();
    const a = await saveAddress(t.db, u.id, home);
    expect(a).toMatchObject({ userId: u.id, phone: "13812345678", province: "广东省", city: "深圳市", district: "南山区", isDefault: true });
    const b = await saveAddress(t.db, u.id, office);
    expect(b.isDefault).toBe(false);
    expect(await defaults(u.id)).toEqual([a.id]);
    expect((await listAddresses(t.db, u.id)).map((x) => x.id)).toEqual([a.id, b.id]);
  });

  it("moves the one default with makeDefault and setDefaultAddress", async () => {
    const u = await newUser();
    const a = await saveAddress(t.db, u.id, home);
    const b = await saveAddress(t.db, u.id, office, { makeDefault: true });
    expect(b.isDefault).toBe(true);
    expect(await defaults(u.id)).toEqual([b.id]);
    expect(await setDefaultAddress(t.db, u.id, a.id)).toBe(true);
    expect(await defaults(u.id)).toEqual([a.id]);
    expect((await listAddresses(t.db, u.id))[0].id).toBe(a.id);
    expect((await getDefaultAddress(t.db, u.id))?.id).toBe(a.id);
  });

  it("hands the default on when the default is deleted, and is empty after the last", async () => {
    const u = await newUser();
    const a = await saveAddress(t.db, u.id, home);
    const b = await saveAddress(t.db, u.id, office);
    expect(await deleteAddress(t.db, u.id, a.id)).toBe(true);
    expect(await defaults(u.id)).toEqual([b.id]);
    expect(await deleteAddress(t.db, u.id, b.id)).toBe(true);
    expect(await listAddresses(t.db, u.id)).toEqual([]);
    const c = await saveAddress(t.db, u.id, home);
    expect(c.isDefault).toBe(true);
  });

  it("does not store the same address twice", async () => {
    const u = await newUser();
    const a = await saveAddress(t.db, u.id, home);
    const again = await saveAddress(t.db, u.id, { ...home, phone: "13812345678", name: " 王芳 " });
    expect(again.id).toBe(a.id);
    expect(await t.db.address.count({ where: { userId: u.id } })).toBe(1);
  });

  it("edits one of the user's addresses in place", async () => {
    const u = await newUser();
    const a = await saveAddress(t.db, u.id, home);
    const edited = await saveAddress(t.db, u.id, office, { addressId: a.id });
    expect(edited).toMatchObject({ id: a.id, city: "北京市", district: "朝阳区", isDefault: true });
    expect(await t.db.address.count({ where: { userId: u.id } })).toBe(1);
  });

  it(`holds at most ${MAX_ADDRESSES} addresses per user`, async () => {
    const u = await newUser();
    for (let i = 1; i <= MAX_ADDRESSES; i++) await saveAddress(t.db, u.id, numbered(i));
    await expect(saveAddress(t.db, u.id, numbered(99))).rejects.toMatchObject({ key: "address.limitReached" });
    expect(await t.db.address.count({ where: { userId: u.id } })).toBe(MAX_ADDRESSES);
    // Another user's book is separate.
    const other = await newUser();
    await expect(saveAddress(t.db, other.id, numbered(99))).resolves.toMatchObject({ isDefault: true });
  });

  it("keeps one default and the limit when saves race", async () => {
    const u = await newUser();
    await Promise.all([1, 2, 3, 4, 5].map((i) => saveAddress(t.db, u.id, numbered(i))));
    expect(await defaults(u.id)).toHaveLength(1);

    const v = await newUser();
    for (let i = 1; i < MAX_ADDRESSES; i++) await saveAddress(t.db, v.id, numbered(i));
    const results = await Promise.allSettled([100, 101, 102].map((i) => saveAddress(t.db, v.id, numbered(i))));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await t.db.address.count({ where: { userId: v.id } })).toBe(MAX_ADDRESSES);
  });

  it("rejects invalid input with field errors and writes nothing", async () => {
    const u = await newUser();
    const err = await saveAddress(t.db, u.id, { ...home, districtCode: "440103" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ZodError);
    expect((err as ZodError).issues.map((i) => [i.path.join("."), i.message])).toEqual([["districtCode", "address.districtInvalid"]]);
    expect(await t.db.address.count({ where: { userId: u.id } })).toBe(0);
  });

  it("never lets another user read, edit, delete or default someone's address", async () => {
    const owner = await newUser("Owner");
    const intruder = await newUser("Intruder");
    const a = await saveAddress(t.db, owner.id, home);
    await saveAddress(t.db, intruder.id, office);

    expect(await getAddressForUser(t.db, intruder.id, a.id)).toBeNull();
    expect((await getAddressForUser(t.db, owner.id, a.id))?.id).toBe(a.id);
    expect((await listAddresses(t.db, intruder.id)).map((x) => x.id)).not.toContain(a.id);
    expect(await deleteAddress(t.db, intruder.id, a.id)).toBe(false);
    expect(await setDefaultAddress(t.db, intruder.id, a.id)).toBe(false);
    const edit = await saveAddress(t.db, intruder.id, office, { addressId: a.id }).catch((e: unknown) => e);
    expect(edit).toBeInstanceOf(DomainError);
    expect(edit).toMatchObject({ key: "address.notFound", field: "addressId" });

    const row = await t.db.address.findUniqueOrThrow({ where: { id: a.id } });
    expect(row).toMatchObject({ userId: owner.id, isDefault: true, city: "深圳市" });
    expect(await getAddressForUser(t.db, owner.id, "")).toBeNull();
  });
});

describe("shippingAddressFromForm", () => {
  function form(entries: Record<string, string>) {
    const fd = new FormData();
    for (const [k, v] of Object.entries(entries)) fd.append(k, v);
    return fd;
  }
  const posted = (a: typeof home, extra: Record<string, string> = {}) =>
    form({ ...Object.fromEntries(Object.entries(a).map(([k, v]) => [`address.${k}`, v])), ...extra });

  it("uses a saved address of the user, and refuses anyone else's", async () => {
    const u = await newUser();
    const other = await newUser();
    const a = await saveAddress(t.db, u.id, home);
    const mine = await shippingAddressFromForm(t.db, u.id, form({ "address.addressId": a.id }));
    expect(mine).toEqual({
      ok: true,
      addressId: a.id,
      toSave: null,
      address: { name: "王芳", phone: "13812345678", province: "广东省", city: "深圳市", district: "南山区", detail: "科技园南区 1 栋 101" },
    });
    expect(await shippingAddressFromForm(t.db, other.id, form({ "address.addressId": a.id }))).toEqual({
      ok: false,
      fieldErrors: { "address.addressId": ["address.notFound"] },
    });
  });

  it("validates a new address, and keeps it in the book only when asked, and only when told the action succeeded", async () => {
    const u = await newUser();
    const bad = await shippingAddressFromForm(t.db, u.id, posted({ ...home, phone: "12345" }, { "address.addressId": "new" }));
    expect(bad).toEqual({ ok: false, fieldErrors: { "address.phone": ["address.phoneInvalid"] } });
    expect(await saveChosenAddress(t.db, u.id, bad)).toBeNull();

    const unsaved = await shippingAddressFromForm(t.db, u.id, posted(home, { "address.addressId": "new" }));
    expect(unsaved.ok && unsaved.toSave).toBeNull();
    expect(await saveChosenAddress(t.db, u.id, unsaved)).toBeNull();
    expect(await t.db.address.count({ where: { userId: u.id } })).toBe(0);

    const asked = await shippingAddressFromForm(t.db, u.id, posted(office, { "address.save": "on" }));
    expect(asked.ok && asked.address.district).toBe("朝阳区");
    // Reading the choice writes nothing: the action it is for may still be refused.
    expect(await t.db.address.count({ where: { userId: u.id } })).toBe(0);
    const id = await saveChosenAddress(t.db, u.id, asked);
    expect(id).toBeTruthy();
    expect((await listAddresses(t.db, u.id)).map((x) => [x.id, x.detail])).toEqual([[id, office.detail]]);
  });

  it("still ships to a new address when the book is full", async () => {
    const u = await newUser();
    for (let i = 1; i <= MAX_ADDRESSES; i++) await saveAddress(t.db, u.id, numbered(i));
    const r = await shippingAddressFromForm(t.db, u.id, posted(office, { "address.save": "on" }));
    expect(r).toMatchObject({ ok: true, addressId: null, address: { city: "北京市" } });
    expect(await saveChosenAddress(t.db, u.id, r)).toBeNull();
    expect(await t.db.address.count({ where: { userId: u.id } })).toBe(MAX_ADDRESSES);
  });
});

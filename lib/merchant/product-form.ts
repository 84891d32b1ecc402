// Turns the product form's FormData into the input createProduct/updateProduct take.
// Amounts are typed in yuan ("68", "68.5", "¥68.50") and become integer fen here by
// string arithmetic; anything unreadable becomes NaN so the schema reports it on its field.
import type { CreateProductInput, UpdateProductInput } from "./products";

/** "68.50" → 6850; "" → undefined; malformed → NaN. Never goes through a float. */
export function yuanToFen(value: FormDataEntryValue | null | undefined): number | undefined {
  if (typeof value !== "string") return undefined;
  const s = value.trim().replace(/^[¥￥]\s*/u, "").replace(/,/g, "");
  if (s === "") return undefined;
  const m = /^(\d{1,9})(?:\.(\d{0,2}))?$/.exec(s);
  if (!m) return Number.NaN;
  return Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
}

/** 6850 → "68.50", for the form's default values. */
export function fenToYuan(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, "0")}`;
}

/** "12" → 12; "" → undefined; anything else → NaN. */
export function intField(value: FormDataEntryValue | null | undefined): number | undefined {
  if (typeof value !== "string") return undefined;
  const s = value.trim();
  if (s === "") return undefined;
  return /^-?\d{1,9}$/.test(s) ? Number(s) : Number.NaN;
}

const str = (v: FormDataEntryValue | null) => (typeof v === "string" ? v : undefined);

/** Fields named variants.<i>.<field>, in the order of their indexes. */
function variantsOf(form: FormData) {
  const indexes = new Set<number>();
  for (const key of form.keys()) {
    const m = /^variants\.(\d+)\./.exec(key);
    if (m) indexes.add(Number(m[1]));
  }
  return [...indexes]
    .sort((a, b) => a - b)
    .map((i) => {
      const f = (name: string) => form.get(`variants.${i}.${name}`);
      const id = str(f("id"))?.trim();
      return {
        ...(id ? { id } : {}),
        name: str(f("name")) ?? "",
        options: str(f("options")) ?? "",
        price: yuanToFen(f("price")) as number,
        originalPrice: yuanToFen(f("originalPrice")),
        stock: intField(f("stock")) as number,
        ...(id ? { loadedStock: intField(f("loadedStock")) } : {}),
      };
    });
}

/** `image` values are "id:<image id>" (kept) or "key:<storage key>" (new upload), in order. */
function imagesOf(form: FormData): ({ id: string } | { key: string })[] {
  return form.getAll("image").flatMap((v): ({ id: string } | { key: string })[] => {
    if (typeof v !== "string") return [];
    if (v.startsWith("id:")) return [{ id: v.slice(3) }];
    if (v.startsWith("key:")) return [{ key: v.slice(4) }];
    return [{ key: v }];
  });
}

function common(form: FormData) {
  return {
    title: str(form.get("title")) ?? "",
    description: str(form.get("description")) ?? "",
    categoryId: str(form.get("categoryId")) ?? "",
    kind: (str(form.get("kind")) ?? "PHYSICAL") as "PHYSICAL" | "VOUCHER",
    voucherValidityDays: intField(form.get("voucherValidityDays")),
    images: imagesOf(form),
    variants: variantsOf(form),
  };
}

export function createProductInputFromForm(form: FormData): CreateProductInput {
  return { shopId: str(form.get("shopId")) ?? "", ...common(form), published: form.get("published") === "on" };
}

export function updateProductInputFromForm(form: FormData): UpdateProductInput {
  return { productId: str(form.get("productId")) ?? "", ...common(form) };
}

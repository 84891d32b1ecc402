// POST /after-sales/photos: the recipient of a parcel uploads the photo for an after-sales
// request (multipart field "file"). Checked like product images (lib/storage); the answer is
// the storage key the request form then sends along.
import { getCurrentUser } from "@/lib/auth/session";
import { uploadAfterSalePhoto } from "@/lib/after-sales/photos";
import { db } from "@/lib/db/client";
import { MAX_IMAGE_BYTES } from "@/lib/storage";
import { DomainError } from "@/lib/validation/result";

export const dynamic = "force-dynamic";

const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { "cache-control": "no-store" } });

export async function POST(request: Request) {
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (origin && host && new URL(origin).host !== host) return json({ ok: false, error: "validation.invalid" }, 403);

  const user = await getCurrentUser();
  if (!user) return json({ ok: false, error: "common.signedOut" }, 401);
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_IMAGE_BYTES + 64 * 1024) return json({ ok: false, error: "merchant.errors.imageTooLarge" }, 413);

  let file: FormDataEntryValue | null;
  try {
    file = (await request.formData()).get("file");
  } catch {
    return json({ ok: false, error: "merchant.errors.imageType" }, 400);
  }
  if (!file || typeof file === "string") return json({ ok: false, error: "merchant.errors.imageEmpty" }, 400);
  if (file.size > MAX_IMAGE_BYTES) return json({ ok: false, error: "merchant.errors.imageTooLarge" }, 413);
  try {
    const stored = await uploadAfterSalePhoto(db, user.id, new Uint8Array(await file.arrayBuffer()));
    return json({ ok: true, key: stored.key });
  } catch (err) {
    if (err instanceof DomainError) return json({ ok: false, error: err.key }, err.key === "afterSale.errors.windowClosed" ? 403 : 400);
    throw err;
  }
}

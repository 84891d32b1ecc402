// POST /uploads: a merchant uploads one image (multipart field "file"). The bytes are
// checked (JPEG/PNG/WebP by content, ≤ 2 MB) and stored through lib/storage; the answer
// is the storage key a product or shop save then attaches. Images travel here rather
// than through a server action because actions cap request bodies at 1 MB.
import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { uploadImage } from "@/lib/merchant/uploads";
import { MAX_IMAGE_BYTES } from "@/lib/storage";
import { DomainError } from "@/lib/validation/result";

export const dynamic = "force-dynamic";

const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { "cache-control": "no-store" } });

export async function POST(request: Request) {
  // Same-origin only (the session cookie is SameSite=Lax; this is a second fence).
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (origin && host && new URL(origin).host !== host) return json({ ok: false, error: "validation.invalid" }, 403);

  const user = await getCurrentUser();
  if (!user) return json({ ok: false, error: "merchant.errors.notMerchant" }, 401);
  // Refuse oversized bodies before reading them (multipart adds a little overhead).
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
    const stored = await uploadImage(db, user.id, new Uint8Array(await file.arrayBuffer()));
    return json({ ok: true, key: stored.key, url: stored.url });
  } catch (err) {
    if (err instanceof DomainError) return json({ ok: false, error: err.key }, err.key === "merchant.errors.notMerchant" ? 403 : 400);
    throw err;
  }
}

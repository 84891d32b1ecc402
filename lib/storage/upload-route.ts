// The one way an image upload route works (product images, after-sales photos): same-origin,
// signed in, size refused before the body is read, then the domain's own upload service.
// Images travel through routes rather than server actions because actions cap bodies at 1 MB.
import { isCrossSite } from "@/lib/actions/safe-action";
import { getCurrentUser } from "@/lib/auth/session";
import { DomainError } from "@/lib/validation/result";
import { MAX_IMAGE_BYTES } from "./images";

const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { "cache-control": "no-store" } });

type Upload = (userId: string, bytes: Uint8Array) => Promise<Record<string, unknown>>;

/**
 * A POST handler for multipart field "file". `signedOutError` is the message key for a
 * visitor without a session; `forbiddenErrors` are the domain errors answered with 403.
 */
export function imageUploadRoute(upload: Upload, opts: { signedOutError: string; forbiddenErrors: string[] }) {
  return async function POST(request: Request): Promise<Response> {
    // Same-origin only (the session cookie is SameSite=Lax; this is a second fence).
    if (isCrossSite(request)) return json({ ok: false, error: "validation.invalid" }, 403);

    const user = await getCurrentUser();
    if (!user) return json({ ok: false, error: opts.signedOutError }, 401);
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
      return json({ ok: true, ...(await upload(user.id, new Uint8Array(await file.arrayBuffer()))) });
    } catch (err) {
      if (err instanceof DomainError) return json({ ok: false, error: err.key }, opts.forbiddenErrors.includes(err.key) ? 403 : 400);
      throw err;
    }
  };
}

// POST /uploads: a merchant uploads one image (multipart field "file"). The bytes are
// checked (JPEG/PNG/WebP by content, ≤ 2 MB) and stored through lib/storage; the answer
// is the storage key (and URL) a product or shop save then attaches.
import { db } from "@/lib/db/client";
import { uploadImage } from "@/lib/merchant/uploads";
import { imageUploadRoute } from "@/lib/storage/upload-route";

export const dynamic = "force-dynamic";

export const POST = imageUploadRoute(
  async (userId, bytes) => {
    const stored = await uploadImage(db, userId, bytes);
    return { key: stored.key, url: stored.url };
  },
  { signedOutError: "merchant.errors.notMerchant", forbiddenErrors: ["merchant.errors.notMerchant"] },
);

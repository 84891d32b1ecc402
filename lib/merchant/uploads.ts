// Image uploads for the merchant console: product images and shop covers. The file is
// checked by its bytes (JPEG/PNG/WebP, ≤ 2 MB) and stored through lib/storage; the key
// it returns is attached to a product or shop by a later save, which checks the key
// again. Only merchants (owners of at least one shop) may upload.
import type { Db } from "@/lib/db/client";
import { saveImage, type StoredImage } from "@/lib/storage";
import { DomainError } from "@/lib/validation/result";
import { isMerchant } from "./access";

export async function uploadImage(db: Db, userId: string, bytes: Uint8Array): Promise<StoredImage> {
  if (!(await isMerchant(db, userId))) throw new DomainError("merchant.errors.notMerchant");
  return saveImage(bytes);
}

// POST /after-sales/photos: the recipient of a parcel uploads the photo for an after-sales
// request (multipart field "file"). Checked like product images (lib/storage); the answer is
// the storage key the request form then sends along.
import { uploadAfterSalePhoto } from "@/lib/after-sales/photos";
import { db } from "@/lib/db/client";
import { imageUploadRoute } from "@/lib/storage/upload-route";

export const dynamic = "force-dynamic";

export const POST = imageUploadRoute(
  async (userId, bytes) => {
    const stored = await uploadAfterSalePhoto(db, userId, bytes);
    return { key: stored.key };
  },
  { signedOutError: "common.signedOut", forbiddenErrors: ["afterSale.errors.windowClosed"] },
);

// GET /after-sales/<request id>/photo: the request's photo, for its requester and the shop
// only. Anyone else (the gift's sender included) gets the same 404 as for no photo at all.
import { getCurrentUser } from "@/lib/auth/session";
import { readAfterSalePhoto } from "@/lib/after-sales/photos";
import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ requestId: string }> }) {
  const { requestId } = await params;
  const user = await getCurrentUser();
  const photo = user && requestId.length <= 64 ? await readAfterSalePhoto(db, user.id, requestId) : null;
  if (!photo) return new Response("Not found", { status: 404, headers: { "cache-control": "no-store" } });
  return new Response(Buffer.from(photo.bytes), {
    headers: {
      "content-type": photo.contentType,
      "content-length": String(photo.bytes.length),
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
    },
  });
}

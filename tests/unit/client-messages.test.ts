// Translations reach the browser only below `ClientMessages` (docs/performance.md). A client
// component calling useTranslations outside it throws at render, and the page shows its
// error boundary. This walks the imports from every page to the translated client
// components it reaches, and checks that the page or a layout above it places ClientMessages.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GIFT_PAGE_NAMESPACES } from "../../app/(chat)/gifts/[token]/client-namespaces.ts";
import { chain, directive, read, resolveImport, root, specifiers, walk } from "../setup/import-graph.ts";

const imports = (f: string) => specifiers(f).flatMap((spec) => resolveImport(f, spec) ?? []);
const isClient = (f: string) => directive(f, "use client");
const translates = (f: string) => /\buseTranslations\s*\(/.test(read(f));
const placesMessages = (f: string) => /<ClientMessages\b|\bClientMessagesLayout as default\b/.test(read(f));

/** Translated client components `file` reaches through its imports. */
function translatedClients(file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  const found = isClient(file) && translates(file) ? [file] : [];
  // Imports of a component inside the ClientMessages-placing file still count: it may be
  // rendered outside the provider in that same file, and the layouts are what we trust.
  for (const dep of imports(file)) if (!dep.includes(`${path.sep}lib${path.sep}`)) found.push(...translatedClients(dep, seen));
  return found;
}

describe("ClientMessages placement", () => {
  const pages = walk(path.join(root, "app")).filter((f) => /[/\\](page|error|not-found|loading)\.tsx$/.test(f));

  it("finds the pages", () => {
    expect(pages.length).toBeGreaterThan(30);
  });

  it("every page that renders a translated client component has ClientMessages above it", () => {
    const missing: string[] = [];
    for (const page of pages) {
      const files = chain(page);
      if (files.some(placesMessages)) continue;
      // The root layout's client components get their words as props; only the page's own tree matters.
      const clients = translatedClients(page);
      if (clients.length) missing.push(`${path.relative(root, page)} → ${clients.map((c) => path.relative(root, c)).join(", ")}`);
    }
    expect(missing).toEqual([]);
  });
});

/** Namespaces a translated component names: useTranslations("ns…") and, with useTranslations(), t("ns.…"). */
function namespacesIn(file: string): string[] {
  const src = read(file);
  const scoped = [...src.matchAll(/useTranslations\(\s*"([A-Za-z]+)/g)].map((m) => m[1]);
  const keyed = /useTranslations\(\s*\)/.test(src) ? [...src.matchAll(/\bt\(\s*"([A-Za-z]+)\./g)].map((m) => m[1]) : [];
  return [...scoped, ...keyed];
}

describe("the gift page's own list of namespaces", () => {
  const page = path.join(root, "app/(chat)/gifts/[token]/page.tsx");

  it("holds every namespace its client components name", () => {
    const clients = translatedClients(page);
    expect(clients.length).toBeGreaterThan(3);
    const named = new Set(clients.flatMap(namespacesIn));
    expect(named.size).toBeGreaterThan(0);
    expect([...named].filter((n) => !(GIFT_PAGE_NAMESPACES as readonly string[]).includes(n))).toEqual([]);
  });

  it("holds the namespaces of the refusals its actions' services raise", () => {
    // The forms show a refusal's key with t(key): the services behind the gift page's actions
    // and the address and rate-limit checks they make.
    const services = ["lib/gifting", "lib/address", "lib/lifecycle", "lib/vouchers"].flatMap((d) => walk(path.join(root, d)));
    const raised = new Set(services.flatMap((f) => [...read(f).matchAll(/(?:DomainError|fail)\(\s*(?:\{[^}]*\},\s*)?"([A-Za-z]+)\./g)].map((m) => m[1])));
    for (const always of ["validation", "limits", "common"]) raised.add(always);
    expect([...raised].filter((n) => !(GIFT_PAGE_NAMESPACES as readonly string[]).includes(n))).toEqual([]);
  });
});

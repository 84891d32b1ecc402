import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { A11Y_ROUTES, routeOfPageFile } from "../e2e/accessibility-routes";

function pageFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return pageFiles(path);
    return entry.name === "page.tsx" ? [relative(process.cwd(), path)] : [];
  });
}

describe("accessibility route list", () => {
  it("names every page of the app, so the accessibility spec checks each one", () => {
    const pages = pageFiles("app").map(routeOfPageFile);
    expect(pages.length).toBeGreaterThan(10);
    const listed = new Set<string>(A11Y_ROUTES);
    const unchecked = pages.filter((route) => !listed.has(route));
    expect(unchecked, `pages missing from tests/e2e/accessibility-routes.ts: ${unchecked.join(", ")}`).toEqual([]);
  });

  it("lists no page that no longer exists", () => {
    const pages = new Set(pageFiles("app").map(routeOfPageFile));
    expect(A11Y_ROUTES.filter((route) => !pages.has(route))).toEqual([]);
  });

  it("derives the route of a page file without its route groups", () => {
    expect(routeOfPageFile("app/(shop)/products/[id]/page.tsx")).toBe("/products/[id]");
    expect(routeOfPageFile("app/(shop)/page.tsx")).toBe("/");
    expect(routeOfPageFile("app/(shop)/shops/(directory)/page.tsx")).toBe("/shops");
  });
});

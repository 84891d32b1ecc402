import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { A11Y_GROUPS, A11Y_PAGES, routeOfPageFile, SPECIAL_PAGES } from "../e2e/accessibility-routes";

function pageFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return pageFiles(path);
    return entry.name === "page.tsx" ? [relative(process.cwd(), path)] : [];
  });
}

const listed = A11Y_PAGES.map((p) => p.route);

describe("accessibility route list", () => {
  it("has a row for every page of the app, so the accessibility spec checks each one", () => {
    const pages = pageFiles("app").map(routeOfPageFile);
    expect(pages.length).toBeGreaterThan(10);
    const unchecked = pages.filter((route) => !listed.includes(route));
    expect(unchecked, `pages with no row in tests/e2e/accessibility-routes.ts: ${unchecked.join(", ")}`).toEqual([]);
  });

  it("lists no page that no longer exists, and each page (in each of its states) once", () => {
    const pages = new Set<string>([...pageFiles("app").map(routeOfPageFile), ...SPECIAL_PAGES]);
    expect(listed.filter((route) => !pages.has(route))).toEqual([]);
    const rows = A11Y_PAGES.map((p) => `${p.route} ${p.state ?? ""}`);
    expect(rows.filter((row, i) => rows.indexOf(row) !== i), "listed twice").toEqual([]);
  });

  it("checks the not-found and error pages and leaves no group without pages", () => {
    for (const special of SPECIAL_PAGES) expect(listed).toContain(special);
    for (const group of A11Y_GROUPS) expect(A11Y_PAGES.some((p) => p.group === group), group).toBe(true);
  });

  it("derives the route of a page file without its route groups", () => {
    expect(routeOfPageFile("app/(shop)/products/[id]/page.tsx")).toBe("/products/[id]");
    expect(routeOfPageFile("app/(shop)/page.tsx")).toBe("/");
    expect(routeOfPageFile("app/(shop)/shops/(directory)/page.tsx")).toBe("/shops");
  });
});

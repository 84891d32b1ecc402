// Request logs name the route a path matched ("/gifts/[token]"), never the raw path: the
// raw path of a gift link is its secret, and ids in paths add nothing a route and a user
// id do not already say. The patterns come from the App Router folders themselves.
import { readdirSync } from "node:fs";
import path from "node:path";

type Segment = { kind: "static"; name: string } | { kind: "param" | "catchAll" | "optionalCatchAll"; name: string };
export type RoutePattern = { pattern: string; segments: Segment[] };

const ENTRY_FILE = /^(page|route)\.(tsx?|jsx?|mjs)$/;

function parseSegment(folder: string): Segment | null {
  if (/^\(.+\)$/.test(folder)) return null; // route group: not part of the URL
  let m = /^\[\[\.\.\.(.+)\]\]$/.exec(folder);
  if (m) return { kind: "optionalCatchAll", name: folder };
  m = /^\[\.\.\.(.+)\]$/.exec(folder);
  if (m) return { kind: "catchAll", name: folder };
  m = /^\[(.+)\]$/.exec(folder);
  if (m) return { kind: "param", name: folder };
  return { kind: "static", name: folder };
}

/**
 * The routes under an app directory: the source `app/` folder, or a build's
 * `<distDir>/server/app` (same folder names, compiled entry files).
 */
export function scanRoutes(appDir: string): RoutePattern[] {
  const found: RoutePattern[] = [];
  const walk = (dir: string, segments: Segment[]) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    if (entries.some((e) => e.isFile() && ENTRY_FILE.test(e.name))) {
      found.push({ pattern: "/" + segments.map((s) => s.name).join("/"), segments });
    }
    for (const e of entries) {
      // _private folders and @parallel slots are not URL segments of their own.
      if (!e.isDirectory() || e.name.startsWith("_") || e.name.startsWith("@")) continue;
      const seg = parseSegment(e.name);
      walk(path.join(dir, e.name), seg ? [...segments, seg] : segments);
    }
  };
  walk(appDir, []);
  // Most specific first: static beats a parameter beats a catch-all, segment by segment.
  const rank = (s: Segment) => ({ static: 0, param: 1, catchAll: 2, optionalCatchAll: 3 })[s.kind];
  found.sort((a, b) => {
    for (let i = 0; i < Math.max(a.segments.length, b.segments.length); i++) {
      const ra = a.segments[i] ? rank(a.segments[i]) : -1;
      const rb = b.segments[i] ? rank(b.segments[i]) : -1;
      if (ra !== rb) return ra - rb;
    }
    return 0;
  });
  return dedupe(found);
}

function dedupe(routes: RoutePattern[]): RoutePattern[] {
  const seen = new Set<string>();
  return routes.filter((r) => (seen.has(r.pattern) ? false : (seen.add(r.pattern), true)));
}

function matches(route: RoutePattern, parts: string[]): boolean {
  const segs = route.segments;
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i];
    if (s.kind === "optionalCatchAll") return true;
    if (s.kind === "catchAll") return parts.length > i;
    if (i >= parts.length) return false;
    if (s.kind === "static" && s.name !== parts[i]) return false;
  }
  return parts.length === segs.length;
}

const SAFE_SEGMENT = /^[a-z][a-z0-9._-]{0,39}$/i;

/**
 * The route pattern for a request path; paths no route matches (Next's own assets,
 * unknown URLs) keep their first segment if it is a plain word, then "*".
 */
export function routeOf(pathname: string, routes: RoutePattern[]): string {
  const clean = pathname.split(/[?#]/)[0];
  let parts: string[];
  try {
    parts = clean.split("/").filter(Boolean).map((p) => decodeURIComponent(p));
  } catch {
    parts = clean.split("/").filter(Boolean);
  }
  for (const r of routes) if (matches(r, parts)) return r.pattern;
  if (parts.length === 0) return "/";
  if (parts[0] === "_next") return parts.length > 1 && SAFE_SEGMENT.test(parts[1]) ? `/_next/${parts[1]}/*` : "/_next/*";
  const head = SAFE_SEGMENT.test(parts[0]) && !/\d{4,}/.test(parts[0]) ? `/${parts[0]}` : "/*";
  return parts.length === 1 ? head : `${head === "/*" ? "" : head}/*`;
}

/**
 * Finds the app's routes: a build's compiled app folder when serving a build (the
 * standalone output has no source), the `app/` source in dev (a build there may be stale).
 */
export function loadRoutes(projectDir: string, distDir: string, dev = false): RoutePattern[] {
  const source = () => scanRoutes(path.join(projectDir, "app"));
  const built = () => scanRoutes(path.join(projectDir, distDir, "server", "app"));
  if (dev) return source();
  const routes = built();
  return routes.length > 0 ? routes : source();
}

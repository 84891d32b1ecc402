// Helpers of the access matrix and the fuzzing: find the actions and routes in the source,
// call an action as its page would, and take a fingerprint of the database's rows.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Db } from "../../lib/db/client.ts";
import type { ActionRow, Input } from "./access-table.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SKIP = new Set(["node_modules", ".next", ".next-e2e", ".git", ".tmp", ".data", "generated"]);

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) sourceFiles(rel, out);
    else if (/\.(ts|tsx)$/.test(entry.name)) out.push(rel);
  }
  return out;
}

/** Every export of every "use server" file under app/, components/ and lib/, with the helper that builds it. */
export function actionExports(): { id: string; helper: string }[] {
  const found: { id: string; helper: string }[] = [];
  for (const file of ["app", "components", "lib"].flatMap((d) => sourceFiles(d))) {
    const text = readFileSync(path.join(ROOT, file), "utf8");
    if (!/^\s*(\/\/[^\n]*\n\s*)*["']use server["']/.test(text)) continue;
    for (const m of text.matchAll(/^export\s+(?:async\s+)?(?:const|let|function)\s+(\w+)(?:\s*=\s*(\w+))?/gm)) {
      found.push({ id: `${file}#${m[1]}`, helper: m[2] ?? "a plain function" });
    }
    for (const m of text.matchAll(/^export\s*\{([^}]*)\}/gm)) {
      for (const name of m[1].split(",").map((s) => s.trim().split(/\s+as\s+/).pop()!).filter(Boolean)) found.push({ id: `${file}#${name}`, helper: "a re-export" });
    }
  }
  return found;
}

/** "<file>#<METHOD>" for every route.ts under app/. */
export function routeExports(): string[] {
  const found: string[] = [];
  for (const file of sourceFiles("app").filter((f) => path.basename(f) === "route.ts")) {
    const text = readFileSync(path.join(ROOT, file), "utf8");
    for (const m of text.matchAll(/^export\s+(?:async\s+)?(?:function|const)\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/gm)) found.push(`${file}#${m[1]}`);
    for (const m of text.matchAll(/^export\s*\{([^}]*)\}/gm)) {
      for (const name of m[1].split(",").map((s) => s.trim().split(/\s+as\s+/).pop()!)) if (/^[A-Z]+$/.test(name)) found.push(`${file}#${name}`);
    }
  }
  return found;
}

export function toFormData(input: Input): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(input)) {
    if (v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) form.append(k, String(one));
  }
  return form;
}

export type CallResult = { ok: boolean; fieldErrors?: Record<string, string[]>; formError?: string; data?: unknown } | { redirected: string };

/** Calls the action as its page does; a Next.js redirect (a successful checkout, a save) answers { redirected }. */
export async function callAction(row: ActionRow, input: unknown): Promise<CallResult> {
  const [file, name] = row.action.split("#");
  const mod = await import(/* @vite-ignore */ path.join(ROOT, file));
  const fn = mod[name] as (...args: unknown[]) => Promise<CallResult>;
  try {
    return row.form ? await fn(null, input instanceof FormData ? input : toFormData(input as Input)) : await fn(input);
  } catch (err) {
    const digest = (err as { digest?: unknown })?.digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) return { redirected: digest.split(";")[2] ?? "" };
    throw err;
  }
}

/**
 * A fingerprint of every table's rows (count and hash), so "nothing changed" means nothing.
 * Rate-limit counters are left out: counting a refused call is not a change of anyone's data.
 */
export async function dbSnapshot(db: Db): Promise<Record<string, string>> {
  const tables = await db.$queryRaw<{ name: string }[]>`
    SELECT tablename AS name FROM pg_tables
     WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' AND tablename NOT ILIKE '%ratelimit%' AND tablename NOT ILIKE 'rate_limit%'
     ORDER BY 1`;
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const q = `SELECT count(*)::text || ':' || md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS f FROM "${name.replace(/"/g, '""')}" t`;
    out[name] = (await db.$queryRawUnsafe<{ f: string }[]>(q))[0].f;
  }
  return out;
}

// Only lib/lifecycle writes a status (Order, Gift, GiftClaim, Refund, and what comes next).
// This scans the app's code for a `status` inside the `data` of a Prisma write, or a SQL
// `SET status`, anywhere else. Friendships (lib/social) have a status of their own that is
// not part of the gift lifecycle.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOTS = ["lib", "app", "components", "scripts", "prisma/seed"];
const ALLOWED = [path.join("lib", "lifecycle"), path.join("lib", "social"), path.join("lib", "db", "generated")];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return files(p);
    return /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

/** The text of each `data: { ... }` object literal, braces balanced. */
function dataObjects(src: string): { at: number; text: string }[] {
  const out: { at: number; text: string }[] = [];
  const re = /\bdata\s*:\s*\{/g;
  for (let m = re.exec(src); m; m = re.exec(src)) {
    let depth = 0;
    let i = m.index + m[0].length - 1;
    for (; i < src.length; i++) {
      if (src[i] === "{") depth++;
      else if (src[i] === "}" && --depth === 0) break;
    }
    out.push({ at: m.index, text: src.slice(m.index, i + 1) });
  }
  return out;
}

export function statusWrites(src: string): string[] {
  const found: string[] = [];
  for (const d of dataObjects(src)) if (/[{,\s]status\s*:/.test(d.text.slice(d.text.indexOf("{")))) found.push(d.text.slice(0, 80));
  for (const m of src.matchAll(/\bSET\s+[^;`]*?"?\bstatus"?\s*=/gi)) found.push(m[0].slice(0, 80));
  return found;
}

describe("status writes", () => {
  it("the scanner finds a status in a Prisma write and in SQL", () => {
    expect(statusWrites(`db.order.update({ where: { id }, data: { paidAt, status: "PAID" } })`)).toHaveLength(1);
    expect(statusWrites("tx.$executeRaw`UPDATE \"Gift\" SET status = 'EXPIRED' WHERE id = ${id}`")).toHaveLength(1);
    expect(statusWrites(`db.order.findMany({ where: { status: "PAID" }, select: { status: true } })`)).toHaveLength(0);
  });

  it("happen only in lib/lifecycle", () => {
    const offenders = ROOTS.flatMap(files)
      .filter((f) => !ALLOWED.some((a) => f.startsWith(a + path.sep)))
      .flatMap((f) => statusWrites(readFileSync(f, "utf8")).map((w) => `${f}: ${w}`));
    expect(offenders).toEqual([]);
  });
});

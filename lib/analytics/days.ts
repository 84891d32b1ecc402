// Calendar days as analytics counts them: Asia/Shanghai days, written "YYYY-MM-DD". China
// has kept UTC+8 all year since 1991, so a day runs from 16:00 UTC the evening before to
// 16:00 UTC. Pure functions: no database, safe in client components.

export const ANALYTICS_TIME_ZONE = "Asia/Shanghai";
const OFFSET = "+08:00";
const DAY_MS = 24 * 60 * 60 * 1000;
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

const dayFormat = new Intl.DateTimeFormat("en-CA", { timeZone: ANALYTICS_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });

/** The Asia/Shanghai day an instant falls on. */
export function shanghaiDay(at: Date): string {
  return dayFormat.format(at);
}

/** Whether `s` is a real calendar day written YYYY-MM-DD (no 2026-02-30). */
export function isDay(s: string): boolean {
  if (!DAY_RE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** The day `n` days after `day` (before, for negative n). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** How many days from `from` to `to`, both included (1 for the same day). */
export function dayCount(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

/** Every day from `from` to `to`, both included. */
export function eachDay(from: string, to: string): string[] {
  const n = dayCount(from, to);
  return Array.from({ length: Math.max(0, n) }, (_, i) => addDays(from, i));
}

/** The instant an Asia/Shanghai day starts. */
export function dayStart(day: string): Date {
  return new Date(`${day}T00:00:00${OFFSET}`);
}

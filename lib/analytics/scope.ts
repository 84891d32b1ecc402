// What an analytics request is about: which of the merchant's shops, which days. One schema
// for the page's filter form and the CSV export. Someone else's shop answers exactly like a
// shop that does not exist.
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { DomainError } from "@/lib/validation/result";
import { addDays, dayCount, isDay, shanghaiDay } from "./days";

export const RANGE_PRESETS = { "7d": 7, "30d": 30, "90d": 90 } as const;
export type RangePreset = keyof typeof RANGE_PRESETS;
export const RANGES = ["7d", "30d", "90d", "custom"] as const;
export type Range = (typeof RANGES)[number];
export const DEFAULT_RANGE: RangePreset = "30d";
/** A custom range spans at most three years. */
export const MAX_RANGE_DAYS = 1096;

const day = z.string().trim().refine(isDay, "analytics.errors.dayInvalid");
const emptyToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

export const analyticsQuerySchema = z
  .object({
    range: z.enum(RANGES).default(DEFAULT_RANGE),
    from: z.preprocess(emptyToUndefined, day.optional()),
    to: z.preprocess(emptyToUndefined, day.optional()),
    /** One shop's id; none means all the merchant's shops. */
    shop: z.preprocess(emptyToUndefined, z.string().trim().max(64, "analytics.errors.shopNotFound").optional()),
  })
  .superRefine((q, ctx) => {
    if (q.range !== "custom") return;
    if (!q.from) ctx.addIssue({ code: "custom", path: ["from"], message: "validation.required" });
    if (!q.to) ctx.addIssue({ code: "custom", path: ["to"], message: "validation.required" });
    if (!q.from || !q.to) return;
    if (q.from > q.to) ctx.addIssue({ code: "custom", path: ["to"], message: "analytics.errors.rangeOrder" });
    else if (dayCount(q.from, q.to) > MAX_RANGE_DAYS) ctx.addIssue({ code: "custom", path: ["from"], message: "analytics.errors.rangeTooLong" });
  });
export type AnalyticsQuery = z.input<typeof analyticsQuerySchema>;

export type AnalyticsShop = { id: string; name: string };

/** Everything a figure or an export needs to know about the request. */
export type AnalyticsScope = {
  /** The merchant's shops (the filter lists them). */
  shops: AnalyticsShop[];
  /** The shop chosen, or null for all of them. */
  shop: AnalyticsShop | null;
  /** The shops counted: the chosen one, or all. */
  shopIds: string[];
  range: Range;
  /** Asia/Shanghai days, both included. */
  from: string;
  to: string;
  days: number;
};

/** A preset range ends today (Asia/Shanghai) and counts today in. */
export function presetDays(range: RangePreset, now: Date): { from: string; to: string } {
  const to = shanghaiDay(now);
  return { from: addDays(to, -(RANGE_PRESETS[range] - 1)), to };
}

/**
 * Resolves a parsed query for `userId`: their shops, the one chosen (DomainError
 * analytics.errors.shopNotFound when it is not theirs or does not exist), and the days.
 */
export async function resolveAnalyticsScope(
  db: Db,
  userId: string,
  raw: AnalyticsQuery,
  now: Date = new Date(),
): Promise<AnalyticsScope> {
  const q = analyticsQuerySchema.parse(raw);
  const shops = await db.shop.findMany({ where: { ownerId: userId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, name: true } });
  const shop = q.shop ? (shops.find((s) => s.id === q.shop) ?? null) : null;
  if (q.shop && !shop) throw new DomainError("analytics.errors.shopNotFound");
  const { from, to } = q.range === "custom" ? { from: q.from!, to: q.to! } : presetDays(q.range, now);
  return { shops, shop, shopIds: shop ? [shop.id] : shops.map((s) => s.id), range: q.range, from, to, days: dayCount(from, to) };
}

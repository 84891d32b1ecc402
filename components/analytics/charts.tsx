"use client";

// The charts, drawn in the browser with recharts once the page (and its tables) is there:
// lazy-charts.tsx loads this file on its own, so the page never waits for it. Each chart
// fills the frame it is given; animation is off, so what is drawn is the data at once.
import { useLocale } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoney } from "@/lib/money/format";

// Both series stand out from white by at least 3:1 (WCAG's minimum for parts of a chart).
const GIFT = "#2f6fed";
const SELF = "#6b7280";
const TICK = { fontSize: 11, fill: "#6b7280" };
/** Legend words in grey-700, the series colour only on their marker: words must be readable, whatever the series' colour. */
const legendText = (value: string) => <span className="text-gray-700">{value}</span>;

function useCompact() {
  const locale = useLocale();
  const compact = new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 1 });
  return { yuan: (fen: number) => `¥${compact.format(fen / 100)}`, number: (n: number) => compact.format(n) };
}

export type TrendPoint = { day: string; gift: number; self: number };

/** Daily sales after refunds (fen), gifts against orders for themselves. */
export function TrendChart({ data, labels }: { data: TrendPoint[]; labels: { gift: string; self: string } }) {
  const compact = useCompact();
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="day" tickFormatter={(d: string) => d.slice(5)} minTickGap={28} tick={TICK} />
        <YAxis tickFormatter={compact.yuan} width={52} tick={TICK} />
        <Tooltip formatter={(v) => formatMoney(Number(v))} />
        <Legend wrapperStyle={{ fontSize: 12 }} formatter={legendText} />
        <Line type="monotone" dataKey="gift" name={labels.gift} stroke={GIFT} strokeWidth={2} dot={false} isAnimationActive={false} />
        <Line type="monotone" dataKey="self" name={labels.self} stroke={SELF} strokeWidth={2} dot={false} isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}

export type RankPoint = { name: string; value: number };

/** Horizontal bars, names on the left: readable on a phone whatever the names' length. */
export function RankChart({ data, label, money = false }: { data: RankPoint[]; label: string; money?: boolean }) {
  const compact = useCompact();
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} layout="vertical" margin={{ top: 0, right: 12, bottom: 0, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} tickFormatter={money ? compact.yuan : compact.number} tick={TICK} />
        <YAxis type="category" dataKey="name" width={104} tick={TICK} interval={0} />
        <Tooltip formatter={(v) => (money ? formatMoney(Number(v)) : Number(v).toLocaleString())} />
        <Bar dataKey="value" name={label} fill={GIFT} radius={[0, 3, 3, 0]} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}

export type HourPoint = { hour: string; gift: number; self: number };

/** Orders by hour of payment: gifts in front, orders for themselves beside them. */
export function HourChart({ data, labels }: { data: HourPoint[]; labels: { gift: string; self: string } }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="hour" tick={TICK} interval="preserveStartEnd" minTickGap={8} />
        <YAxis allowDecimals={false} width={40} tick={TICK} />
        <Tooltip />
        <Legend wrapperStyle={{ fontSize: 12 }} formatter={legendText} />
        <Bar dataKey="gift" name={labels.gift} fill={GIFT} isAnimationActive={false} />
        <Bar dataKey="self" name={labels.self} fill={SELF} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}

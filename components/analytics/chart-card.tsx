import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";

/** One figure of the page: its title, the chart (an image to assistive technology), and its table. */
export function ChartCard({ id, title, chart, children }: { id: string; title: string; chart?: ReactNode; children: ReactNode }) {
  return (
    <Card className="min-w-0 space-y-3 p-4" data-testid={`analytics-${id}`}>
      <section aria-labelledby={`analytics-${id}-title`} className="space-y-3">
        <h2 id={`analytics-${id}-title`} className="text-base font-semibold">
          {title}
        </h2>
        {chart}
        {children}
      </section>
    </Card>
  );
}

/**
 * The chart's frame: a fixed height the chart fills, read by screen readers as one image
 * with a summary (the table below it holds every figure).
 */
export function ChartFrame({ summary, height, children }: { summary: string; height: number; children: ReactNode }) {
  return (
    <div role="img" aria-label={summary} style={{ height }} className="w-full" data-testid="analytics-chart">
      {children}
    </div>
  );
}

export function EmptyNote({ children }: { children: ReactNode }) {
  return <p className="rounded-lg bg-gray-50 px-3 py-6 text-center text-sm text-gray-500">{children}</p>;
}

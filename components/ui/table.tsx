import type { ReactNode, TableHTMLAttributes } from "react";
import { cn } from "./cn";

/** A list with nothing in it yet: one sentence in a card. */
export function EmptyState({ children, ...props }: { children: ReactNode; "data-testid"?: string }) {
  return (
    <p className="rounded-xl bg-white p-6 text-center text-sm text-gray-600 ring-1 ring-gray-200" {...props}>
      {children}
    </p>
  );
}

/** `srOnly`: a column of buttons or links whose header only screen readers need. Every header has words. */
export type Column = { label: ReactNode; align?: "right"; srOnly?: boolean };

/**
 * The console's table: a card that scrolls sideways on phones, a header row from `columns`
 * and the rows as children. `className` sets the width below which it scrolls (min-w-[…]).
 */
export function DataTable({ columns, className, children, ...props }: { columns: Column[] } & TableHTMLAttributes<HTMLTableElement>) {
  return (
    <div className="overflow-x-auto rounded-xl bg-white ring-1 ring-gray-200">
      <table className={cn("w-full text-sm", className)} {...props}>
        <thead className="bg-gray-50 text-left text-xs text-gray-600">
          <tr>
            {columns.map((c, i) => (
              // relative: an sr-only header is positioned absolutely, and would otherwise hang
              // outside the scrolling card and widen the whole page.
              <th key={i} scope="col" className={cn("relative px-3 py-2 font-medium", c.align === "right" && "text-right")}>
                {c.srOnly ? <span className="sr-only">{c.label}</span> : c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">{children}</tbody>
      </table>
    </div>
  );
}

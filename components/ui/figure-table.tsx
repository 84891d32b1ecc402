import type { ReactNode } from "react";
import { cn } from "./cn";

export type Column = { label: string; numeric?: boolean };
export type Row = { key: string; cells: ReactNode[] };

/**
 * The table form of an analytics figure (console lists use DataTable in ./table): a
 * caption, column headers, the first cell of a row as its header. The table scrolls inside
 * a focusable region named by its caption (sideways on phones, and down too when `tall`),
 * so keyboard users can scroll it; the caption, not the figure's title, keeps that
 * region's name apart from the figure's own section.
 */
export function FigureTable({
  caption,
  columns,
  rows,
  footer,
  tall,
  testId,
}: {
  caption: string;
  columns: Column[];
  rows: Row[];
  footer?: ReactNode[];
  /** Set for tables that may run long (one row per day): they scroll down within a fixed height. */
  tall?: boolean;
  testId?: string;
}) {
  const cell = (numeric?: boolean) => cn("px-3 py-1.5", numeric ? "text-right tabular-nums" : "text-left");
  const table = (
    <table className="w-full text-sm" data-testid={testId}>
      <caption className="caption-top px-3 pb-2 text-left text-xs text-gray-500">{caption}</caption>
      <thead className={cn("bg-gray-50 text-xs text-gray-500", tall && "sticky top-0")}>
        <tr>
          {columns.map((c) => (
            <th key={c.label} scope="col" className={cn(cell(c.numeric), "font-medium whitespace-nowrap")}>
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-gray-100">
        {rows.map((r) => (
          <tr key={r.key}>
            {r.cells.map((c, i) =>
              i === 0 ? (
                <th key={i} scope="row" className={cn(cell(columns[0]?.numeric), "font-normal")}>
                  {c}
                </th>
              ) : (
                <td key={i} className={cell(columns[i]?.numeric)}>
                  {c}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
      {footer && (
        <tfoot className="border-t border-gray-200 font-medium">
          <tr>
            {footer.map((c, i) =>
              i === 0 ? (
                <th key={i} scope="row" className={cell(columns[0]?.numeric)}>
                  {c}
                </th>
              ) : (
                <td key={i} className={cell(columns[i]?.numeric)}>
                  {c}
                </td>
              ),
            )}
          </tr>
        </tfoot>
      )}
    </table>
  );
  return (
    // tabIndex: a scrollable region must be reachable by keyboard.
    <div
      role="region"
      aria-label={caption}
      tabIndex={0}
      className={cn(tall ? "max-h-80 overflow-auto" : "overflow-x-auto", "focus-visible:outline-2 focus-visible:outline-lanbao-500")}
    >
      {table}
    </div>
  );
}

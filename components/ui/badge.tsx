import type { ReactNode } from "react";
import { cn } from "./cn";

const TONES = {
  blue: "bg-lanbao-50 text-lanbao-700 ring-lanbao-100",
  gray: "bg-gray-100 text-gray-600 ring-gray-200",
  green: "bg-green-50 text-green-700 ring-green-200",
  amber: "bg-amber-50 text-amber-800 ring-amber-200",
  red: "bg-red-50 text-red-700 ring-red-200",
} as const;

export function Badge({ tone = "gray", children, className }: { tone?: keyof typeof TONES; children: ReactNode; className?: string }) {
  return (
    <span className={cn("inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset", TONES[tone], className)}>
      {children}
    </span>
  );
}

import { cn } from "@/components/ui/cn";

const COLORS = ["bg-lanbao-500", "bg-emerald-500", "bg-amber-500", "bg-rose-500", "bg-violet-500", "bg-cyan-600", "bg-orange-500"];

/** Same person, same colour, everywhere. */
function colorOf(seed: string) {
  let h = 0;
  for (let i = 0; i < seed.length; i++) h = (h * 31 + seed.charCodeAt(i)) | 0;
  return COLORS[Math.abs(h) % COLORS.length];
}

/** A square initial, as messenger apps draw people without a photo. */
export function Avatar({ name, seed, size = "md", className }: { name: string; seed: string; size?: "sm" | "md"; className?: string }) {
  return (
    <span
      aria-hidden
      className={cn(
        "flex shrink-0 items-center justify-center rounded-md font-semibold text-white select-none",
        size === "sm" ? "size-9 text-sm" : "size-11 text-base",
        colorOf(seed),
        className,
      )}
    >
      {Array.from(name.trim())[0]?.toUpperCase() ?? "?"}
    </span>
  );
}

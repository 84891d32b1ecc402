export function PageSpinner({ label }: { label: string }) {
  return (
    <div role="status" className="flex min-h-[40vh] items-center justify-center gap-3 text-sm text-gray-500">
      <span className="size-5 animate-spin rounded-full border-2 border-gray-300 border-t-lanbao-500" aria-hidden />
      {label}
    </div>
  );
}

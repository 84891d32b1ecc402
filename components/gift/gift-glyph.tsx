/** The gift glyph of the blue envelope, drawn inline so it looks the same on every device. */
export function GiftGlyph({ className = "size-4" }: { className?: string }) {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden className={className}>
      <rect x="3" y="8" width="18" height="4" rx="1" />
      <path d="M5 12v8a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1v-8" />
      <path d="M12 8v13" />
      <path d="M12 8c-1.5-3-5-4-5.8-2.2C5.5 7.3 8 8 12 8Z" />
      <path d="M12 8c1.5-3 5-4 5.8-2.2C18.5 7.3 16 8 12 8Z" />
    </svg>
  );
}

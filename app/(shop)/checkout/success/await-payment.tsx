"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** Re-renders the page every second until the webhook has recorded the payment. */
export function AwaitPayment({ label }: { label: string }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), 1000);
    return () => clearInterval(timer);
  }, [router]);
  return (
    <div role="status" className="flex items-center justify-center gap-3 py-6 text-sm text-gray-600" data-testid="checkout-confirming">
      <span aria-hidden className="size-5 animate-spin rounded-full border-2 border-gray-300 border-t-lanbao-500" />
      {label}
    </div>
  );
}

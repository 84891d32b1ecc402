"use client";

import { RouteError } from "@/components/shell/route-error";

/** The root layout has no <main> of its own (each section's layout brings one). */
export default function RootError(props: Parameters<typeof RouteError>[0]) {
  return (
    <main>
      <RouteError {...props} />
    </main>
  );
}

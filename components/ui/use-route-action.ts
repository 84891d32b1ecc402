"use client";

import { useRouter } from "next/navigation";
import { useCallback } from "react";
import { fail, type ActionResult } from "@/lib/validation/result";

/**
 * A form action for useActionState that posts the form to a route answering an ActionResult
 * as JSON (lib/actions/safe-action.ts, userFormRoute), and refreshes the page once it went
 * through so the page shows what changed.
 */
export function useRouteAction<T>(url: string) {
  const router = useRouter();
  return useCallback(
    async (_prev: ActionResult<T> | null, form: FormData): Promise<ActionResult<T>> => {
      const body = new URLSearchParams();
      for (const [name, value] of form) if (typeof value === "string") body.append(name, value);
      let res: Response;
      try {
        res = await fetch(url, { method: "POST", body, headers: { accept: "application/json" } });
      } catch {
        return fail({}, "common.offline");
      }
      const result = (await res.json().catch(() => null)) as ActionResult<T> | null;
      if (!result) return fail({}, "common.failed");
      if (result.ok) router.refresh();
      return result;
    },
    [url, router],
  );
}

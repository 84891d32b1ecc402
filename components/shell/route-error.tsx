"use client";

import { createContext, useContext, useEffect, type ReactNode } from "react";
import { Button } from "@/components/ui/button";

export type RouteErrorText = { title: string; body: string; retry: string };

const TextContext = createContext<RouteErrorText | null>(null);

/**
 * Hands the error boundaries their words, translated on the server by the root layout:
 * error.tsx must be a client component, and this keeps the translation library (and every
 * message) out of the JavaScript of pages that have no other translated client code.
 */
export function RouteErrorTextProvider({ text, children }: { text: RouteErrorText; children: ReactNode }) {
  return <TextContext.Provider value={text}>{children}</TextContext.Provider>;
}

/** Shared body of the error.tsx boundaries. */
export function RouteError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const text = useContext(TextContext);
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div role="alert" className="mx-auto flex min-h-[40vh] max-w-md flex-col items-center justify-center gap-3 px-4 text-center">
      <h1 className="text-lg font-semibold">{text?.title}</h1>
      <p className="text-sm text-gray-600">{text?.body}</p>
      <Button variant="secondary" onClick={reset}>
        {text?.retry}
      </Button>
    </div>
  );
}

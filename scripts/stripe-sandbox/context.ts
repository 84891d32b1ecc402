import type { Store } from "./store.ts";
import type { WebhookDispatcher } from "./webhooks.ts";

/** What the endpoint handlers share within one running sandbox. */
export interface SandboxContext {
  store: Store;
  webhooks: WebhookDispatcher;
  /** Base URL of the hosted checkout pages (what `session.url` points at). */
  publicUrl: () => string;
  log: (line: string) => void;
}

/** The API request an event was caused by; null fields for events caused by the hosted page. */
export interface RequestInfo {
  id: string | null;
  idempotency_key: string | null;
}

"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { ChatMessage, MessagePage } from "@/lib/chat/messages";
import type { GiftCardData } from "@/lib/gifting/cards";
import type { ActionResult } from "@/lib/validation/result";
import { useLiveEmit, useLiveEvents, useOpenThread } from "./realtime-provider";

/** Server actions the thread calls (app/(chat)/chats/[threadId]/actions.ts): the writes. */
export type ThreadActions = {
  send: (input: { threadId: string; body: string }) => Promise<ActionResult<ChatMessage>>;
  giftCard: (input: { threadId: string; giftId: string }) => Promise<ActionResult<GiftCardData | null>>;
  markRead: (input: { threadId: string }) => Promise<ActionResult>;
};

export type PendingMessage = { tempId: string; body: string; createdAt: string };

/**
 * Catch-up re-reads this far behind the newest message it has: a message can commit a
 * moment after a later-stamped one (or come from a process whose clock is a little
 * behind), and re-reading a few seconds costs nothing since messages merge by id.
 */
const OVERLAP_MS = 5000;
/** New messages seen here are marked read after this quiet time (one request per burst). */
const READ_DELAY_MS = 400;
/** The longest wait between attempts of a read mark that failed. */
const READ_RETRY_MAX_MS = 30_000;

function order(a: ChatMessage, b: ChatMessage) {
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function merge(current: ChatMessage[], incoming: ChatMessage[]): ChatMessage[] {
  if (incoming.length === 0) return current;
  const byId = new Map(current.map((m) => [m.id, m]));
  for (const m of incoming) byId.set(m.id, m);
  return [...byId.values()].sort(order);
}

function catchUpCursor(messages: ChatMessage[]): string | null {
  if (messages.length === 0) return null;
  const bound = Date.parse(messages[messages.length - 1].createdAt) - OVERLAP_MS;
  for (let i = messages.length - 1; i >= 0; i--) if (Date.parse(messages[i].createdAt) <= bound) return messages[i].cursor;
  return messages[0].cursor;
}

/**
 * Reads a page of the thread (app/api/realtime/threads/[threadId]/messages): a plain GET, so
 * it runs beside the page's server actions instead of queueing with them. Null when
 * refused (signed out, not a member): retrying will not help. Network and server failures throw.
 */
async function fetchPage(threadId: string, query: { after: string | null } | { before: string }): Promise<MessagePage | null> {
  const params = new URLSearchParams();
  if ("before" in query) params.set("before", query.before);
  else if (query.after) params.set("after", query.after);
  const res = await fetch(`/api/realtime/threads/${encodeURIComponent(threadId)}/messages?${params}`);
  if (res.status === 401 || res.status === 404 || res.status === 400) return null;
  if (!res.ok) throw new Error(`messages: ${res.status}`);
  return (await res.json()) as MessagePage;
}

/**
 * The messages of an open thread, kept current: live events add the message they carry
 * (no request), reconnects and events without content catch up with one GET, older pages
 * load on demand, sends show at once as "sending", and what others post while the tab is
 * in view is marked read.
 */
export function useThreadMessages({
  threadId,
  viewerId,
  initial,
  actions,
  onArrive,
}: {
  threadId: string;
  viewerId: string;
  initial: MessagePage;
  actions: ThreadActions;
  /** Called with messages new to this view (for "new messages ↓" when scrolled up). */
  onArrive?: (fresh: ChatMessage[]) => void;
}) {
  const emit = useLiveEmit();
  useOpenThread(threadId);
  const [messages, setMessages] = useState(initial.messages);
  const [hasOlder, setHasOlder] = useState(initial.hasMore);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [pending, setPending] = useState<PendingMessage[]>([]);
  const messagesRef = useRef(messages);
  const onArriveRef = useRef(onArrive);
  useEffect(() => {
    onArriveRef.current = onArrive;
  });
  const seq = useRef(0);

  /** Merges messages in; returns the ones this view had not seen. */
  const add = useCallback(
    (incoming: ChatMessage[]): ChatMessage[] => {
      if (incoming.length === 0) return [];
      const known = new Set(messagesRef.current.map((m) => m.id));
      const fresh = incoming.filter((m) => !known.has(m.id));
      // Our own message, back through the stream before its send returned: it replaces the placeholder.
      const own = fresh.filter((m) => m.sender?.id === viewerId && m.kind === "TEXT");
      if (own.length > 0) {
        setPending((list) => {
          let rest = list;
          for (const m of own) {
            const i = rest.findIndex((p) => p.body === m.body);
            if (i >= 0) rest = [...rest.slice(0, i), ...rest.slice(i + 1)];
          }
          return rest;
        });
      }
      messagesRef.current = merge(messagesRef.current, incoming);
      setMessages(messagesRef.current);
      if (fresh.length > 0) onArriveRef.current?.(fresh);
      return fresh;
    },
    [viewerId],
  );

  const readTimer = useRef<number | undefined>(undefined);
  const scheduleRead = useCallback(() => {
    if (document.visibilityState !== "visible") return;
    window.clearTimeout(readTimer.current);
    // A read mark that fails (offline for a moment, server restarting) is tried again with
    // a growing wait while the thread stays open; otherwise the thread would stay unread.
    const attempt = (retryIn: number) => {
      actions
        .markRead({ threadId })
        .then((res) => {
          // A refusal (no longer a member) is an answer, not a failure: nothing to retry.
          if (res.ok) emit({ type: "read", threadId });
        })
        .catch(() => {
          readTimer.current = window.setTimeout(() => attempt(Math.min(retryIn * 2, READ_RETRY_MAX_MS)), retryIn);
        });
    };
    readTimer.current = window.setTimeout(() => attempt(1000), READ_DELAY_MS);
  }, [actions, emit, threadId]);
  const readIfFromOthers = useCallback(
    (fresh: ChatMessage[]) => {
      if (fresh.some((m) => m.sender?.id !== viewerId)) scheduleRead();
    },
    [scheduleRead, viewerId],
  );

  const catchingUp = useRef(false);
  const catchUpAgain = useRef(false);
  const retryTimer = useRef<number | undefined>(undefined);
  const retryDelay = useRef(1000);
  const catchUpRef = useRef<() => Promise<void>>(async () => {});

  /**
   * Reads everything after what we have; concurrent calls fold into one more round. A
   * failed read (offline for a moment, server restarting) is retried with a growing
   * delay, so nothing is lost.
   */
  const catchUp = useCallback(async () => {
    if (catchingUp.current) {
      catchUpAgain.current = true;
      return;
    }
    catchingUp.current = true;
    window.clearTimeout(retryTimer.current);
    let failed = false;
    try {
      do {
        catchUpAgain.current = false;
        let after = catchUpCursor(messagesRef.current);
        for (let round = 0; round < 20; round++) {
          const page = await fetchPage(threadId, { after });
          if (!page) break;
          readIfFromOthers(add(page.messages));
          if (!page.hasMore || page.messages.length === 0) break;
          after = page.messages[page.messages.length - 1].cursor;
        }
      } while (catchUpAgain.current);
    } catch {
      failed = true;
    } finally {
      catchingUp.current = false;
    }
    if (failed) {
      retryTimer.current = window.setTimeout(() => void catchUpRef.current(), retryDelay.current);
      retryDelay.current = Math.min(retryDelay.current * 2, 30_000);
    } else {
      retryDelay.current = 1000;
    }
  }, [add, readIfFromOthers, threadId]);
  useEffect(() => {
    catchUpRef.current = catchUp;
  });
  useEffect(
    () => () => {
      window.clearTimeout(retryTimer.current);
      window.clearTimeout(readTimer.current);
    },
    [],
  );

  const setCard = useCallback((giftId: string, card: GiftCardData | null) => {
    messagesRef.current = messagesRef.current.map((m) => (m.kind === "GIFT" && (m.gift?.giftId ?? null) === giftId ? { ...m, gift: card } : m));
    setMessages(messagesRef.current);
  }, []);

  /** Fallback for a gift event that came without its card. */
  const refreshGift = useCallback(
    async (giftId: string) => {
      try {
        const res = await actions.giftCard({ threadId, giftId });
        if (res.ok && res.data) setCard(giftId, res.data);
      } catch {
        // the next catch-up or visit shows it
      }
    },
    [actions, setCard, threadId],
  );

  useLiveEvents((e) => {
    if (e.type === "open" || e.type === "resync") void catchUp();
    else if (e.type === "message" && e.threadId === threadId) {
      if (e.message) readIfFromOthers(add([e.message]));
      else void catchUp();
    } else if (e.type === "gift" && e.threadId === threadId) {
      if (e.card) setCard(e.giftId, e.card);
      else void refreshGift(e.giftId);
    }
  });

  // Whatever arrived between the server render and this subscription.
  useEffect(() => {
    void catchUpRef.current();
  }, []);

  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState !== "visible") return;
      scheduleRead();
      void catchUpRef.current();
    };
    const onOnline = () => void catchUpRef.current();
    document.addEventListener("visibilitychange", onVisible);
    window.addEventListener("online", onOnline);
    return () => {
      document.removeEventListener("visibilitychange", onVisible);
      window.removeEventListener("online", onOnline);
    };
  }, [scheduleRead]);

  const loadOlder = useCallback(
    async (beforePrepend?: () => void) => {
      const first = messagesRef.current[0];
      if (loadingOlder || !hasOlder || !first) return;
      setLoadingOlder(true);
      try {
        const page = await fetchPage(threadId, { before: first.cursor });
        if (page) {
          beforePrepend?.();
          messagesRef.current = merge(messagesRef.current, page.messages);
          setMessages(messagesRef.current);
          setHasOlder(page.hasMore);
        }
      } catch {
        // try again on the next scroll
      } finally {
        setLoadingOlder(false);
      }
    },
    [hasOlder, loadingOlder, threadId],
  );

  /** Sends; resolves with an error key to show, or undefined once sent. */
  const send = useCallback(
    async (body: string): Promise<string | undefined> => {
      const tempId = `pending-${++seq.current}`;
      setPending((p) => [...p, { tempId, body, createdAt: new Date().toISOString() }]);
      try {
        const res = await actions.send({ threadId, body });
        if (!res.ok) return res.formError ?? res.fieldErrors.body?.[0] ?? "chat.errors.failed";
        add([res.data]);
        return undefined;
      } catch {
        return "chat.errors.failed";
      } finally {
        setPending((p) => p.filter((x) => x.tempId !== tempId));
      }
    },
    [actions, add, threadId],
  );

  return { messages, pending, hasOlder, loadingOlder, loadOlder, send };
}

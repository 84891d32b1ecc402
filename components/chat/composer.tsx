"use client";

import Link from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { FieldError } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";
import { MESSAGE_MAX, sendTextSchema } from "@/lib/chat/schemas";

/**
 * The bar at the bottom of a thread: a growing text box, Send, and "+" for Gift.
 * Enter sends, Shift+Enter adds a line; Enter while an IME is composing (pinyin) does not send.
 */
export function Composer({ threadId, onSend }: { threadId: string; onSend: (body: string) => Promise<string | undefined> }) {
  const t = useTranslations();
  const id = useId();
  const [text, setText] = useState("");
  const [error, setError] = useState<string>();
  const [moreOpen, setMoreOpen] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);
  const moreButton = useRef<HTMLButtonElement>(null);
  const morePanel = useRef<HTMLDivElement>(null);
  // Opening "+" moves focus into the panel; Escape closes it and gives focus back to "+".
  useEffect(() => {
    if (moreOpen) morePanel.current?.querySelector<HTMLElement>("a, button")?.focus();
  }, [moreOpen]);

  function grow() {
    const el = box.current;
    if (!el) return;
    el.style.height = "auto";
    el.style.height = `${Math.min(el.scrollHeight, 128)}px`;
  }

  async function submit() {
    const parsed = sendTextSchema.safeParse({ threadId, body: text });
    if (!parsed.success) {
      // An empty message just does nothing; anything else is explained.
      const issue = parsed.error.issues.find((i) => i.path[0] === "body");
      setError(issue && issue.message !== "validation.required" ? issue.message : undefined);
      return;
    }
    setError(undefined);
    const sent = text;
    setText("");
    requestAnimationFrame(grow);
    box.current?.focus();
    const failure = await onSend(parsed.data.body);
    if (failure) {
      setError(failure);
      // Give the words back unless something new was typed meanwhile.
      setText((current) => (current === "" ? sent : current));
      requestAnimationFrame(grow);
    }
  }

  return (
    <div className="border-t border-gray-200 bg-gray-50 pb-[env(safe-area-inset-bottom)]">
      <form
        className="flex items-end gap-2 px-2 py-2"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <button
          ref={moreButton}
          type="button"
          aria-label={t("chat.more")}
          aria-expanded={moreOpen}
          aria-controls={`${id}-more`}
          data-testid="composer-more"
          onClick={() => setMoreOpen((v) => !v)}
          className={cn(
            "mb-0.5 flex size-9 shrink-0 items-center justify-center rounded-full border border-gray-400 text-xl leading-none text-gray-700 transition-transform",
            moreOpen && "rotate-45",
          )}
        >
          +
        </button>
        <label htmlFor={`${id}-text`} className="sr-only">
          {t("chat.composerLabel")}
        </label>
        <textarea
          id={`${id}-text`}
          ref={box}
          rows={1}
          value={text}
          maxLength={MESSAGE_MAX + 100}
          placeholder={t("chat.composerPlaceholder")}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          data-testid="composer-input"
          onChange={(e) => {
            setText(e.target.value);
            if (error) setError(undefined);
            grow();
          }}
          onKeyDown={(e) => {
            if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing && e.keyCode !== 229) {
              e.preventDefault();
              void submit();
            }
          }}
          className="max-h-32 min-h-10 flex-1 resize-none rounded-lg border border-gray-300 bg-white px-3 py-2 text-base leading-snug focus:border-lanbao-500 focus:outline-none focus:ring-2 focus:ring-lanbao-500/30"
        />
        <button
          type="submit"
          data-testid="composer-send"
          disabled={text.trim() === ""}
          className="mb-0.5 h-9 shrink-0 rounded-lg bg-green-700 px-4 text-sm font-medium text-white transition-colors hover:bg-green-800 disabled:bg-gray-300 disabled:text-gray-600"
        >
          {t("chat.send")}
        </button>
      </form>
      <div className="px-3">
        <FieldError id={`${id}-error`} message={error && t(error)} />
      </div>
      {moreOpen && (
        <div
          id={`${id}-more`}
          ref={morePanel}
          className="grid grid-cols-4 gap-4 border-t border-gray-200 px-4 py-4"
          onKeyDown={(e) => {
            if (e.key !== "Escape") return;
            setMoreOpen(false);
            moreButton.current?.focus();
          }}
        >
          <Link href={`/chats/${threadId}/gift`} data-testid="composer-gift" className="flex flex-col items-center gap-1 text-xs text-gray-600">
            <span aria-hidden className="flex size-14 items-center justify-center rounded-xl bg-gradient-to-br from-sky-500 to-lanbao-600 text-white shadow-sm">
              {/* A drawn glyph: emoji fonts are missing on some systems. */}
              <svg viewBox="0 0 24 24" className="size-7" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
                <rect x="3" y="8" width="18" height="4" rx="1" />
                <path d="M5 12v8a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1v-8M12 8v13" />
                <path d="M12 8C10.5 4.5 7 4 6.5 6S9 8 12 8Zm0 0c1.5-3.5 5-4 5.5-2S15 8 12 8Z" />
              </svg>
            </span>
            <span>{t("chat.gift")}</span>
            <span className="sr-only">{t("chat.giftHint")}</span>
          </Link>
        </div>
      )}
    </div>
  );
}

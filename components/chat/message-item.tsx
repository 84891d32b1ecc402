import { useTranslations } from "next-intl";
import { memo } from "react";
import { GiftCard } from "@/components/gift/gift-card";
import { cn } from "@/components/ui/cn";
import type { ChatMessage } from "@/lib/chat/messages";
import { Avatar } from "./avatar";
import { ProductCard } from "./product-card";

/** A notice from Lanbao itself, written in each reader's language. */
export function SystemNotice({ message }: { message: Pick<ChatMessage, "systemKey" | "systemArg" | "body"> }) {
  const t = useTranslations("system");
  const tc = useTranslations("chat");
  const key = message.systemKey;
  const text = key && t.has(key) ? t(key, message.systemArg ?? {}) : (message.body ?? tc("systemFallback"));
  return (
    <div className="flex justify-center px-6" data-testid="system-message">
      <p className="rounded bg-black/5 px-2 py-0.5 text-center text-xs text-gray-700">{text}</p>
    </div>
  );
}

/**
 * One message in the thread: own on the right in green, others on the left in white with
 * their initial (and name in groups). Gifts draw the blue envelope instead of a bubble.
 * Memoised: a new message re-renders the list, not every message in it.
 */
export const MessageItem = memo(function MessageItem({
  message,
  viewerId,
  showName,
  pending = false,
}: {
  message: ChatMessage;
  viewerId: string;
  showName: boolean;
  pending?: boolean;
}) {
  const t = useTranslations("chat");
  if (message.kind === "SYSTEM") return <SystemNotice message={message} />;
  const own = message.sender?.id === viewerId;
  const name = message.sender?.name ?? "";
  const content =
    message.kind === "GIFT" ? (
      message.gift ? (
        <GiftCard card={message.gift} viewerId={viewerId} />
      ) : (
        <Bubble own={own}>{t("giftMissing")}</Bubble>
      )
    ) : message.kind === "PRODUCT" ? (
      message.product ? (
        <ProductCard card={message.product} />
      ) : (
        <Bubble own={own}>{t("share.productMissing")}</Bubble>
      )
    ) : (
      <Bubble own={own} pending={pending}>
        {message.body}
      </Bubble>
    );
  return (
    <div
      className={cn("flex items-start gap-2 px-3", own && "flex-row-reverse")}
      data-testid="message"
      data-own={own ? "true" : "false"}
      data-kind={message.kind}
      data-message-id={pending ? undefined : message.id}
    >
      <Avatar name={name} seed={message.sender?.id ?? ""} size="sm" />
      <div className={cn("flex min-w-0 max-w-[75%] flex-col gap-0.5", own ? "items-end" : "items-start")}>
        {showName && !own && <span className="px-1 text-xs text-gray-600">{name}</span>}
        {content}
        {pending && (
          <span className="px-1 text-xs text-gray-600" role="status">
            {t("sending")}
          </span>
        )}
      </div>
    </div>
  );
});

function Bubble({ own, pending, children }: { own: boolean; pending?: boolean; children: React.ReactNode }) {
  return (
    <p
      data-testid="message-body"
      className={cn(
        "relative rounded-lg px-3 py-2 text-[15px] leading-snug whitespace-pre-wrap break-words [overflow-wrap:anywhere] text-gray-900 shadow-sm",
        own ? "bg-bubble-own" : "bg-white",
        pending && "opacity-60",
      )}
    >
      {children}
    </p>
  );
}

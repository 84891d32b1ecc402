"use client";

import { useTranslations } from "next-intl";
import { useState, useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";

const noSubscription = () => () => {};
const browserCanShare = () => typeof navigator.share === "function";

/** Copy the invitation or the passphrase, or hand both to the phone's share sheet (Web Share API). */
export function ShareButtons({ url, passphrase }: { url: string; passphrase: string }) {
  const t = useTranslations("gift.passphrase");
  // False on the server and in the first render; the browser's answer once hydrated.
  const canShare = useSyncExternalStore(noSubscription, browserCanShare, () => false);
  const [copied, setCopied] = useState<string | null>(null);
  const invitation = t("invitation", { url, passphrase });

  async function copy(text: string, what: string) {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(what);
    } catch {
      setCopied("failed");
    }
  }

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <Button variant="primary" onClick={() => copy(invitation, "invitation")} data-testid="copy-invitation">
          {t("copyInvitation")}
        </Button>
        <Button variant="secondary" onClick={() => copy(passphrase, "passphrase")} data-testid="copy-passphrase">
          {t("copyPassphrase")}
        </Button>
        {canShare && (
          <Button variant="secondary" onClick={() => navigator.share({ title: t("shareSheetTitle"), text: invitation }).catch(() => undefined)}>
            {t("share")}
          </Button>
        )}
      </div>
      <p role="status" className="min-h-4 text-xs text-gray-600">
        {copied === "failed" ? t("copyFailed") : copied ? t(copied === "passphrase" ? "copiedPassphrase" : "copiedInvitation") : ""}
      </p>
    </div>
  );
}

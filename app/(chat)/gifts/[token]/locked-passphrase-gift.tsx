import { GiftGlyph } from "@/components/gift/gift-glyph";
import type { PassphraseGiftView } from "@/lib/gifting/view";
import { PassphraseForm } from "./passphrase-form";

/**
 * A passphrase gift before the right passphrase: a plain envelope that says a gift is
 * waiting and nothing else — no product, no sender, no message (docs/passphrase-gifts.md).
 */
export function LockedPassphraseGift({ state, token, title, body }: { state: PassphraseGiftView["state"]; token: string; title: string; body: string }) {
  return (
    <div className="space-y-5 p-5" data-testid="passphrase-gift" data-state={state}>
      <div className="rounded-2xl bg-gradient-to-br from-sky-500 via-lanbao-500 to-lanbao-700 p-6 text-center text-white">
        <GiftGlyph className="mx-auto size-10" />
        <h1 className="mt-3 text-lg font-semibold">{title}</h1>
        <p className="mt-1 text-sm text-white/85" data-testid="passphrase-gift-body">
          {body}
        </p>
      </div>
      {state === "locked" && <PassphraseForm token={token} />}
    </div>
  );
}

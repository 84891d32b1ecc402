import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { GiftSheet } from "@/components/gift/gift-sheet";
import { requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { getGiftByToken } from "@/lib/gifting/view";
import { limitGiftLinkOpen } from "@/lib/rate-limit/request";
import { GroupGift } from "./group-gift";
import { LockedPassphraseGift } from "./locked-passphrase-gift";
import { SingleGift } from "./single-gift";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("gift"))("pageTitle") };
}

/** The gift sheet opened from the blue envelope (a phone page: keep it light). */
export default async function GiftPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const user = await requireUser(`/gifts/${token}`);
  await limitGiftLinkOpen(user.id, `/gifts/${token}`);
  const view = await getGiftByToken(db, user.id, token);
  if (!view) notFound();
  if (view.role === "passphrase") {
    const t = await getTranslations("gift.passphrase");
    return (
      <GiftSheet>
        <LockedPassphraseGift state={view.state} token={token} title={t("lockedTitle")} body={t(`${view.state}Body`)} />
      </GiftSheet>
    );
  }
  const t = await getTranslations("gift");
  if (view.role === "other") {
    return (
      <GiftSheet title={t("pageTitle")}>
        <p className="py-10 text-center text-base text-gray-700" data-testid="gift-not-yours">
          {t("sentToSomeoneElse")}
        </p>
      </GiftSheet>
    );
  }
  return (
    <GiftSheet title={t("pageTitle")}>
      {view.role === "group" ? <GroupGift view={view} token={token} userId={user.id} /> : <SingleGift view={view} token={token} userId={user.id} />}
    </GiftSheet>
  );
}

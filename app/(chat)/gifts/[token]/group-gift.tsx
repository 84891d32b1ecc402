import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ClaimSummary } from "@/components/gift/claim-summary";
import { TrackGiftLink } from "@/components/tracking/track-gift-link";
import { GiftEnvelope, GiftPhaseBadge } from "@/components/gift/gift-sheet";
import { listAddresses } from "@/lib/address/book";
import { db } from "@/lib/db/client";
import type { GroupGiftView } from "@/lib/gifting/group-view";
import { AcceptGiftForm } from "./accept-form";
import { acceptWinAction } from "./actions";
import { EnterLotteryButton } from "./enter-lottery-button";
import { VerifyDraw } from "./verify-draw";

/** A group gift or a lottery, as its sender or a member of the group sees it. */
export async function GroupGift({ view, token, userId }: { view: GroupGiftView; token: string; userId: string }) {
  const [t, format] = await Promise.all([getTranslations("gift"), getFormatter()]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const left = view.units - view.unitsClaimed;
  const lottery = view.lottery;
  const canTake = view.viewer === "member" && view.mode === "GROUP" && !view.mine && view.phase === "waiting" && left > 0;
  const canAcceptWin = view.viewer === "member" && view.mine?.status === "WON" && view.phase === "drawn";
  const addresses = (canTake || canAcceptWin) && view.product.kind === "PHYSICAL" ? await listAddresses(db, userId) : [];
  const form = (submit: { action: typeof acceptWinAction } | { route: string }, label: string) => (
    <AcceptGiftForm
      submit={submit}
      submitLabel={label}
      token={token}
      variants={view.variants}
      paidVariantId={view.paidVariantId}
      needsAddress={view.product.kind === "PHYSICAL"}
      addresses={addresses}
    />
  );

  return (
    <>
      <GiftEnvelope
        image={view.product.image}
        title={view.product.title}
        message={view.message || t("defaultMessage")}
        from={view.viewer === "sender" ? t("cardFromYou") : t("cardFrom", { name: view.senderName })}
      />
      <div className="space-y-4 p-5 text-sm" data-testid={`gift-${view.mode.toLowerCase()}-view`}>
        <div className="flex items-center justify-between gap-2">
          <span className="text-gray-600" data-testid="units-left">
            {lottery
              ? t("lottery.units", { units: view.units })
              : t("group.left", { left, units: view.units })}
          </span>
          <GiftPhaseBadge phase={view.phase} />
        </div>

        {lottery && (
          <p className="text-gray-600" data-testid="lottery-schedule">
            {lottery.drawnAt ? t("lottery.drawnAt", { time: when(lottery.drawnAt) }) : t("lottery.drawsAt", { time: when(lottery.drawAt) })}
            {" · "}
            {t("lottery.entrants", { count: lottery.entrants.length })}
          </p>
        )}
        {(view.phase === "waiting" || view.phase === "drawn") && <p className="text-gray-500">{t("group.expiresAt", { time: when(view.expiresAt) })}</p>}

        {view.mine && view.mine.status !== "WON" && view.mine.status !== "REFUNDED" && (
          <>
            <ClaimSummary claim={view.mine} />
            <TrackGiftLink giftId={view.giftId} as="recipient" />
          </>
        )}
        {view.mine && view.mine.status !== "ACCEPTED" && view.phase === "expired" && view.mode === "LOTTERY" && (
          <p className="rounded-lg bg-gray-50 p-3 text-gray-600" data-testid="lottery-forfeited">
            {t("lottery.forfeited")}
          </p>
        )}
        {canTake && form({ route: `/gifts/${token}/claims` }, t("group.take"))}
        {canAcceptWin && (
          <div className="space-y-3">
            <p className="rounded-lg bg-lanbao-50 p-3 font-medium text-lanbao-800" data-testid="lottery-won">
              {t("lottery.youWon")}
            </p>
            {form({ action: acceptWinAction }, t("accept"))}
          </div>
        )}
        {view.viewer === "member" && !view.mine && <MemberNote view={view} left={left} />}
        {lottery && view.viewer === "member" && view.phase === "waiting" && lottery.mayEnter && !lottery.entered && (
          <EnterLotteryButton token={token} />
        )}

        {view.viewer === "sender" && (
          <section className="space-y-2" data-testid="gift-holders">
            <h2 className="font-medium">{lottery ? t("lottery.winners") : t("group.takenBy")}</h2>
            {view.holders.length === 0 ? (
              <p className="text-gray-500">{t("group.nobodyYet")}</p>
            ) : (
              <ul className="space-y-1">
                {view.holders.map((h, i) => (
                  <li key={i} className="flex justify-between">
                    <span>{h.name}</span>
                    <span className="text-gray-500">{t(`group.claimStatus.${h.status}`)}</span>
                  </li>
                ))}
              </ul>
            )}
            <p className="text-gray-500">{t("senderPrivacy")}</p>
            <TrackGiftLink giftId={view.giftId} as="sender" />
          </section>
        )}

        {lottery && (
          <section className="space-y-2 rounded-lg bg-gray-50 p-3" aria-labelledby="fair-draw" data-testid="lottery-fairness">
            <h2 id="fair-draw" className="font-medium">
              {t("lottery.fairTitle")}
            </h2>
            <p className="text-gray-600">{t("lottery.fairBody")}</p>
            <dl className="space-y-1 text-xs">
              <dt className="text-gray-500">{t("lottery.commitment")}</dt>
              <dd className="break-all font-mono" data-testid="lottery-commitment">
                {lottery.commitment}
              </dd>
              {lottery.seed && (
                <>
                  <dt className="text-gray-500">{t("lottery.seed")}</dt>
                  <dd className="break-all font-mono" data-testid="lottery-seed">
                    {lottery.seed}
                  </dd>
                </>
              )}
            </dl>
            {lottery.entrants.length > 0 && (
              <details>
                <summary className="cursor-pointer text-gray-600">{t("lottery.entrantList", { count: lottery.entrants.length })}</summary>
                <ol className="mt-1 list-decimal pl-5 text-xs" data-testid="lottery-entrants">
                  {lottery.entrants.map((e) => (
                    <li key={e.id}>
                      {e.name} <span className="font-mono text-gray-500">{e.id}</span>
                    </li>
                  ))}
                </ol>
              </details>
            )}
            {lottery.seed && (
              <VerifyDraw
                seed={lottery.seed}
                commitment={lottery.commitment}
                entrantIds={lottery.entrants.map((e) => e.id)}
                units={view.units}
                winnerIds={lottery.winnerIds}
              />
            )}
          </section>
        )}

        <Link href={`/chats/${view.threadId}`} className="block text-center text-lanbao-600">
          {t("backToChat")}
        </Link>
      </div>
    </>
  );
}

/** Why a member has nothing to do here. */
async function MemberNote({ view, left }: { view: GroupGiftView; left: number }) {
  const t = await getTranslations("gift");
  const note = (text: string, id: string) => (
    <p className="rounded-lg bg-gray-50 p-3 text-gray-600" data-testid={id}>
      {text}
    </p>
  );
  if (view.mode === "GROUP") {
    if (view.phase === "waiting" && left > 0) return null;
    return view.phase === "expired" ? note(t("group.expiredBody"), "group-closed") : note(t("group.allTaken"), "group-all-taken");
  }
  const lottery = view.lottery!;
  if (view.phase === "waiting") {
    if (lottery.entered) return note(t("lottery.entered"), "lottery-entered");
    return lottery.mayEnter ? null : note(t("lottery.notEligible"), "lottery-not-eligible");
  }
  return note(lottery.entered ? t("lottery.notWon") : t("lottery.closed"), "lottery-not-won");
}

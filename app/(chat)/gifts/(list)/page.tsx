import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { LiveRefresh } from "@/components/chat/live-refresh";
import { Pagination } from "@/components/product/pagination";
import { GiftRow } from "@/components/tracking/gift-row";
import { cn } from "@/components/ui/cn";
import { requireUser } from "@/lib/auth/session";
import { listBuyerOrders } from "@/lib/catalog/buyer-orders";
import { pageParam } from "@/lib/catalog/shops";
import { db } from "@/lib/db/client";
import { listReceivedGifts, listSentGifts } from "@/lib/tracking/gifts";
import { EmptyState } from "@/components/ui/table";

const TABS = ["received", "sent", "mine"] as const;
type Tab = (typeof TABS)[number];

export async function generateMetadata() {
  return { title: (await getTranslations("tracking"))("title") };
}

type Search = { tab?: string | string[]; page?: string | string[] };

/** 礼物: gifts received and sent (and what the user bought for themselves), newest first. */
export default async function GiftsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  const tab: Tab = TABS.find((x) => x === sp.tab) ?? "received";
  const page = pageParam(sp.page);
  const user = await requireUser(`/gifts${tab === "received" ? "" : `?tab=${tab}`}`);
  const [t, to, format] = await Promise.all([getTranslations("tracking"), getTranslations("orders"), getFormatter()]);
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
  const href = (x: Tab, p = 1) => {
    const q = new URLSearchParams();
    if (x !== "received") q.set("tab", x);
    if (p > 1) q.set("page", String(p));
    const s = q.toString();
    return `/gifts${s ? `?${s}` : ""}`;
  };

  let list: React.ReactNode;
  let paging: { page: number; pageCount: number };
  if (tab === "received") {
    const r = await listReceivedGifts(db, user.id, { page });
    paging = r;
    list =
      r.items.length === 0 ? null : (
        <ul className="space-y-3" data-testid="received-gifts">
          {r.items.map((g) => (
            <GiftRow key={g.giftId} href={`/gifts/received/${g.giftId}`} image={g.product.image} title={g.product.title} status={g.status} testId="gift-row">
              {t("fromName", { name: g.senderName })} · {g.variantName} · {date(g.createdAt)}
              {g.afterSaleOpen && <span className="ml-1 text-amber-700">· {t("afterSaleOpen")}</span>}
            </GiftRow>
          ))}
        </ul>
      );
  } else if (tab === "sent") {
    const r = await listSentGifts(db, user.id, { page });
    paging = r;
    list =
      r.items.length === 0 ? null : (
        <ul className="space-y-3" data-testid="sent-gifts">
          {r.items.map((g) => (
            <GiftRow key={g.giftId} href={`/gifts/sent/${g.giftId}`} image={g.product.image} title={g.product.title} status={g.status} testId="gift-row">
              {g.recipientName ? t("toName", { name: g.recipientName }) : t("unitsTaken", { taken: g.claimedCount, units: g.units })} · {date(g.createdAt)}
            </GiftRow>
          ))}
        </ul>
      );
  } else {
    const r = await listBuyerOrders(db, user.id, { page, kind: "SELF" });
    paging = r;
    list =
      r.items.length === 0 ? null : (
        <ul className="space-y-3" data-testid="own-orders">
          {r.items.map((o) => (
            <GiftRow key={o.id} href={`/orders/${o.id}`} image={o.imageUrl} title={o.productTitle} status={o.displayStatus} testId="gift-row">
              {o.variantName} · ×{o.quantity} · {o.shopName} · {date(o.createdAt)}
            </GiftRow>
          ))}
        </ul>
      );
  }

  return (
    <div className="space-y-4 px-4 py-5">
      <LiveRefresh />
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <nav aria-label={t("tabsLabel")} className="flex gap-1 rounded-xl bg-gray-100 p-1">
        {TABS.map((x) => (
          <Link
            key={x}
            href={href(x)}
            aria-current={x === tab ? "page" : undefined}
            className={cn(
              "flex-1 rounded-lg px-3 py-2 text-center text-sm font-medium",
              x === tab ? "bg-white text-lanbao-700 shadow-sm" : "text-gray-600 hover:text-gray-900",
            )}
            data-testid={`gifts-tab-${x}`}
          >
            {t(`tab.${x}`)}
          </Link>
        ))}
      </nav>
      {list ?? <EmptyState>{t(`empty.${tab}`)}</EmptyState>}
      <Pagination page={paging.page} pageCount={paging.pageCount} href={(p) => href(tab, p)} />
      {tab === "mine" && (
        <Link href="/orders" className="block text-center text-sm text-lanbao-600">
          {to("title")} →
        </Link>
      )}
    </div>
  );
}

import { getTranslations } from "next-intl/server";
import { ThreadList } from "@/components/chat/thread-list";
import { ShopCard } from "@/components/shop/shop-card";
import { requireUser } from "@/lib/auth/session";
import { listShops } from "@/lib/catalog/shops";
import { listThreadsForUser } from "@/lib/chat/threads";
import { db } from "@/lib/db/client";

export default async function HomePage() {
  const user = await requireUser("/");
  const [t, shops, threads] = await Promise.all([getTranslations("home"), listShops(db), listThreadsForUser(db, user.id, { take: 8 })]);
  return (
    <div className="space-y-8">
      <section className="rounded-2xl bg-gradient-to-br from-lanbao-500 to-lanbao-700 p-5 text-white">
        <h1 className="text-xl font-semibold" data-testid="home-greeting">
          {t("greeting", { name: user.name })}
        </h1>
        <p className="mt-1 text-sm text-white/85">{t("intro")}</p>
      </section>
      <section className="space-y-3">
        <h2 className="text-lg font-semibold">{t("chatsTitle")}</h2>
        <ThreadList threads={threads} emptyText={t("noChats")} />
      </section>
      <section className="space-y-3">
        <h2 className="text-lg font-semibold">{t("shopsTitle")}</h2>
        {shops.length === 0 ? (
          <p className="text-sm text-gray-500">{t("noShops")}</p>
        ) : (
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {shops.map((s) => (
              <ShopCard key={s.id} shop={s} />
            ))}
          </div>
        )}
      </section>
    </div>
  );
}

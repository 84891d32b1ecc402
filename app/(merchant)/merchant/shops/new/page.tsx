import { getTranslations } from "next-intl/server";
import { NewShopForm } from "@/components/merchant/shop-forms";
import { requireUser } from "@/lib/auth/session";
import { createShopAction } from "../actions";

export async function generateMetadata() {
  return { title: (await getTranslations("merchant"))("shop.newTitle") };
}

export default async function NewShopPage() {
  await requireUser("/merchant/shops/new");
  const t = await getTranslations("merchant");
  return (
    <div className="max-w-lg space-y-4">
      <h1 className="text-xl font-semibold">{t("shop.newTitle")}</h1>
      <div className="rounded-xl bg-white p-4 ring-1 ring-gray-200">
        <NewShopForm action={createShopAction} />
      </div>
    </div>
  );
}

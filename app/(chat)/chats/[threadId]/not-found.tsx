import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";

export default async function ThreadNotFound() {
  const t = await getTranslations("chat");
  return (
    <div className="mx-auto flex min-h-[50vh] max-w-md flex-col items-center justify-center gap-3 px-4 text-center" data-testid="thread-not-found">
      <p className="text-sm text-gray-600">{t("errors.threadNotFound")}</p>
      <Link href="/chats" className={buttonClass("secondary")}>
        {t("back")}
      </Link>
    </div>
  );
}

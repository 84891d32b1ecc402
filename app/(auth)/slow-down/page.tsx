import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { safeReturnPath } from "@/lib/auth/session";
import { waitMessageKey } from "@/lib/rate-limit/wait-message";

export async function generateMetadata() {
  return { title: (await getTranslations("limits"))("slowDownTitle") };
}

/** Where a page that hit a rate limit (e.g. opening gift links) sends the user. */
export default async function SlowDownPage({ searchParams }: { searchParams: Promise<{ wait?: string; from?: string }> }) {
  const { wait, from } = await searchParams;
  const seconds = Math.max(1, Math.min(86_400, Number(wait) || 60));
  const t = await getTranslations();
  return (
    <div className="space-y-6" data-testid="slow-down">
      <h1 className="text-2xl font-semibold">{t("limits.slowDownTitle")}</h1>
      <p role="alert" className="text-gray-700">
        {t(waitMessageKey(seconds))}
      </p>
      <div className="flex gap-3">
        {from && (
          <Link href={safeReturnPath(from)} className={buttonClass("primary")}>
            {t("limits.tryAgain")}
          </Link>
        )}
        <Link href="/" className={buttonClass("secondary")}>
          {t("limits.home")}
        </Link>
      </div>
    </div>
  );
}

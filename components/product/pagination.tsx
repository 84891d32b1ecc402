import Link from "@/components/ui/link";
import { useTranslations } from "next-intl";

/** Previous / next links that keep the other query parameters. */
export function Pagination({
  page,
  pageCount,
  href,
}: {
  page: number;
  pageCount: number;
  /** Builds the URL of a page. */
  href: (page: number) => string;
}) {
  const t = useTranslations("shop");
  if (pageCount <= 1) return null;
  const link = "rounded-lg px-3 py-2 text-sm font-medium ring-1 ring-gray-300 bg-white hover:bg-gray-50";
  return (
    <nav aria-label={t("pagination")} className="flex items-center justify-between gap-3 pt-2">
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev" className={link}>
          {t("previous")}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-sm text-gray-600" data-testid="page-indicator">
        {t("pageOf", { page, count: pageCount })}
      </span>
      {page < pageCount ? (
        <Link href={href(page + 1)} rel="next" className={link}>
          {t("next")}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}

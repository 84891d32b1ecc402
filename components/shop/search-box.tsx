import { useTranslations } from "next-intl";

/** A plain GET form to /search: works without JavaScript. */
export function SearchBox({ defaultValue = "", autoFocus = false }: { defaultValue?: string; autoFocus?: boolean }) {
  const t = useTranslations("search");
  return (
    <form action="/search" method="get" role="search" className="flex gap-2">
      <label htmlFor="search-q" className="sr-only">
        {t("label")}
      </label>
      <input
        id="search-q"
        name="q"
        type="search"
        defaultValue={defaultValue}
        placeholder={t("placeholder")}
        autoFocus={autoFocus}
        maxLength={100}
        enterKeyHint="search"
        className="block w-full min-w-0 rounded-lg border border-gray-300 bg-white px-3 py-2.5 text-base placeholder:text-gray-400 focus:border-lanbao-500 focus:outline-none focus:ring-2 focus:ring-lanbao-500/30"
      />
      <button type="submit" className="shrink-0 rounded-lg bg-lanbao-600 px-4 py-2.5 text-sm font-medium text-white hover:bg-lanbao-700">
        {t("button")}
      </button>
    </form>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field";
import { StatusNote } from "./status-note";
import { useActionForm, type FormAction } from "./use-action-form";

type Item = { id: string; title: string; published: boolean; featured: boolean; imageUrl: string | null };

/** Choose the featured products and their order; saved in one go. */
export function GiftZoneEditor({ shopId, products, max, action }: { shopId: string; products: Item[]; max: number; action: FormAction<null> }) {
  const t = useTranslations("merchant");
  const form = useActionForm(action);
  const [featured, setFeatured] = useState(() => products.filter((p) => p.featured).map((p) => p.id));
  const byId = new Map(products.map((p) => [p.id, p]));
  const others = products.filter((p) => !featured.includes(p.id));
  const move = (i: number, by: number) =>
    setFeatured((list) => {
      const next = [...list];
      [next[i], next[i + by]] = [next[i + by], next[i]];
      return next;
    });
  const thumb = (p: Item) => (
    <span className="size-10 shrink-0 overflow-hidden rounded bg-gray-100">
      {/* eslint-disable-next-line @next/next/no-img-element -- small thumbnail */}
      {p.imageUrl && <img src={p.imageUrl} alt="" width={40} height={40} loading="lazy" className="size-full object-cover" />}
    </span>
  );
  const btn = "rounded px-2 py-1 text-xs font-medium hover:bg-gray-100 disabled:opacity-30";

  return (
    // min-w-0 on the lists: a grid item is otherwise as wide as its longest product title
    // (truncated titles still count at full length), and the page grew wider than a phone.
    <form onSubmit={form.onSubmit} className="grid gap-4 md:grid-cols-2">
      <input type="hidden" name="shopId" value={shopId} />
      {featured.map((id) => (
        <input key={id} type="hidden" name="productId" value={id} />
      ))}
      <section className="min-w-0 space-y-2 rounded-xl bg-white p-4 ring-1 ring-gray-200">
        <h2 className="text-sm font-semibold">
          {t("giftZone.featured")} ({featured.length}/{max})
        </h2>
        {featured.length === 0 && <p className="text-sm text-gray-500">{t("giftZone.empty")}</p>}
        <ol className="space-y-1" data-testid="gift-zone-featured">
          {featured.map((id, i) => {
            const p = byId.get(id)!;
            return (
              <li key={id} className="flex items-center gap-2 rounded-lg p-1 hover:bg-gray-50">
                <span className="w-5 text-right text-xs text-gray-500">{i + 1}</span>
                {thumb(p)}
                <span className="min-w-0 flex-1 truncate text-sm">
                  {p.title} {!p.published && <span className="text-xs text-gray-500">{t("giftZone.unpublished")}</span>}
                </span>
                <button type="button" className={btn} disabled={i === 0} onClick={() => move(i, -1)} aria-label={t("giftZone.up", { title: p.title })}>
                  ↑
                </button>
                <button type="button" className={btn} disabled={i === featured.length - 1} onClick={() => move(i, 1)} aria-label={t("giftZone.down", { title: p.title })}>
                  ↓
                </button>
                <button type="button" className={`${btn} text-red-600`} onClick={() => setFeatured((l) => l.filter((x) => x !== id))}>
                  {t("giftZone.remove")}
                </button>
              </li>
            );
          })}
        </ol>
      </section>
      <section className="min-w-0 space-y-2 rounded-xl bg-white p-4 ring-1 ring-gray-200">
        <h2 className="text-sm font-semibold">{t("giftZone.others")}</h2>
        <ul className="max-h-[28rem] space-y-1 overflow-y-auto">
          {others.map((p) => (
            <li key={p.id} className="flex items-center gap-2 rounded-lg p-1 hover:bg-gray-50">
              {thumb(p)}
              <span className="min-w-0 flex-1 truncate text-sm">
                {p.title} {!p.published && <span className="text-xs text-gray-500">{t("giftZone.unpublished")}</span>}
              </span>
              <button
                type="button"
                className={`${btn} text-lanbao-600`}
                disabled={featured.length >= max}
                onClick={() => setFeatured((l) => [...l, p.id])}
              >
                {t("giftZone.add")}
              </button>
            </li>
          ))}
        </ul>
      </section>
      <div className="flex flex-wrap items-center gap-3 md:col-span-2">
        <Button type="submit" disabled={form.pending}>
          {form.pending ? t("saving") : t("giftZone.save")}
        </Button>
        <FieldError message={form.formError ?? form.err("productIds")} />
        <StatusNote show={form.succeeded} text={t("saved")} version={form.state} />
      </div>
    </form>
  );
}

"use client";

import Link from "next/link";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";

export function UserMenu({ name, lanbaoId, isMerchant }: { name: string; lanbaoId: string; isMerchant: boolean }) {
  const t = useTranslations("nav");
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === "Escape" : !ref.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", close);
    };
  }, [open]);
  return (
    <div ref={ref} className="relative">
      <button
        type="button"
        aria-label={t("userMenu")}
        aria-expanded={open}
        aria-haspopup="menu"
        onClick={() => setOpen((v) => !v)}
        className="flex size-9 items-center justify-center rounded-full bg-lanbao-500 text-sm font-semibold text-white"
      >
        {name.slice(0, 1).toUpperCase()}
      </button>
      {open && (
        <div role="menu" className="absolute right-0 z-20 mt-2 w-56 rounded-xl bg-white p-2 shadow-lg ring-1 ring-gray-200">
          <div className="px-3 py-2">
            <p className="truncate text-sm font-medium" data-testid="user-menu-name">
              {name}
            </p>
            <p className="text-xs text-gray-500">{t("lanbaoId", { id: lanbaoId })}</p>
          </div>
          <Link href="/gifts" role="menuitem" onClick={() => setOpen(false)} className="block rounded-lg px-3 py-2 text-sm hover:bg-gray-100">
            {t("gifts")}
          </Link>
          <Link href="/orders" role="menuitem" onClick={() => setOpen(false)} className="block rounded-lg px-3 py-2 text-sm hover:bg-gray-100">
            {t("orders")}
          </Link>
          <Link href="/addresses" role="menuitem" onClick={() => setOpen(false)} className="block rounded-lg px-3 py-2 text-sm hover:bg-gray-100">
            {t("addresses")}
          </Link>
          <Link href="/merchant" role="menuitem" onClick={() => setOpen(false)} className="block rounded-lg px-3 py-2 text-sm hover:bg-gray-100">
            {isMerchant ? t("merchant") : t("openShop")}
          </Link>
          <button
            type="button"
            role="menuitem"
            onClick={() => signOut({ callbackUrl: "/sign-in" })}
            className="w-full rounded-lg px-3 py-2 text-left text-sm hover:bg-gray-100"
          >
            {t("signOut")}
          </button>
        </div>
      )}
    </div>
  );
}

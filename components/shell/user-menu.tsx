"use client";

import Link from "@/components/ui/link";
import { useEffect, useRef, useState } from "react";
import { signOut } from "./sign-out";

/** What the menu says, translated on the server. */
export type UserMenuText = { menu: string; lanbaoId: string; gifts: string; orders: string; addresses: string; merchant: string; signOut: string };

export function UserMenu({ name, text }: { name: string; text: UserMenuText }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    // Focus goes into the menu when it opens, moves with the arrow keys, and goes back to
    // the button when Escape closes it.
    const items = () => Array.from(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
    items()[0]?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        setOpen(false);
        button.current?.focus();
      } else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        const list = items();
        const at = list.indexOf(document.activeElement as HTMLElement);
        list[(at + (e.key === "ArrowDown" ? 1 : list.length - 1)) % list.length]?.focus();
        e.preventDefault();
      }
    };
    const onPointer = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) setOpen(false);
    };
    // Tabbing out of the menu closes it.
    const onFocus = (e: FocusEvent) => {
      if (!ref.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", onPointer);
    document.addEventListener("keydown", onKey);
    document.addEventListener("focusin", onFocus);
    return () => {
      document.removeEventListener("mousedown", onPointer);
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("focusin", onFocus);
    };
  }, [open]);
  return (
    <div ref={ref} className="relative">
      <button
        ref={button}
        type="button"
        aria-label={text.menu}
        aria-expanded={open}
        aria-haspopup="menu"
        onClick={() => setOpen((v) => !v)}
        className="flex size-9 items-center justify-center rounded-full bg-lanbao-600 text-sm font-semibold text-white"
      >
        {name.slice(0, 1).toUpperCase()}
      </button>
      {open && (
        <div role="menu" className="absolute right-0 z-20 mt-2 w-56 rounded-xl bg-white p-2 shadow-lg ring-1 ring-gray-200">
          <div className="px-3 py-2">
            <p className="truncate text-sm font-medium" data-testid="user-menu-name">
              {name}
            </p>
            <p className="text-xs text-gray-500">{text.lanbaoId}</p>
          </div>
          <Link href="/gifts" role="menuitem" onClick={() => setOpen(false)} className="block rounded-lg px-3 py-2 text-sm hover:bg-gray-100">
            {text.gifts}
          </Link>
          <Link href="/orders" role="menuitem" onClick={() => setOpen(false)} className="block rounded-lg px-3 py-2 text-sm hover:bg-gray-100">
            {text.orders}
          </Link>
          <Link href="/addresses" role="menuitem" onClick={() => setOpen(false)} className="block rounded-lg px-3 py-2 text-sm hover:bg-gray-100">
            {text.addresses}
          </Link>
          <Link href="/merchant" role="menuitem" onClick={() => setOpen(false)} className="block rounded-lg px-3 py-2 text-sm hover:bg-gray-100">
            {text.merchant}
          </Link>
          <button
            type="button"
            role="menuitem"
            onClick={() => void signOut("/sign-in")}
            className="w-full rounded-lg px-3 py-2 text-left text-sm hover:bg-gray-100"
          >
            {text.signOut}
          </button>
        </div>
      )}
    </div>
  );
}

import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { AddressRowButtons } from "@/components/address/address-book-buttons";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { listAddresses, MAX_ADDRESSES } from "@/lib/address/book";
import { formatAddressLine } from "@/lib/address/format";
import { requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { deleteAddressAction, setDefaultAddressAction } from "./actions";
import { EmptyState } from "@/components/ui/table";

export async function generateMetadata() {
  return { title: (await getTranslations("addressBook"))("title") };
}

/** 收货地址: the addresses the accept form and Buy now offer, the default first. */
export default async function AddressesPage() {
  const user = await requireUser("/addresses");
  const [t, ta, addresses] = await Promise.all([getTranslations("addressBook"), getTranslations("address"), listAddresses(db, user.id)]);
  const full = addresses.length >= MAX_ADDRESSES;
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        {full ? (
          <span className={buttonClass("secondary", "pointer-events-none opacity-50")} aria-disabled>
            ＋ {t("add")}
          </span>
        ) : (
          <Link href="/addresses/new" className={buttonClass("primary")} data-testid="add-address">
            ＋ {t("add")}
          </Link>
        )}
      </div>
      <p className="text-sm text-gray-600" data-testid="address-count">
        {t("count", { count: addresses.length, max: MAX_ADDRESSES })}
        {full && ` ${ta("limitReached")}`}
      </p>
      {addresses.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <ul className="space-y-3" data-testid="address-list">
          {addresses.map((a) => {
            const line = formatAddressLine(a);
            return (
              <li key={a.id} className="space-y-2 rounded-xl bg-white p-4 shadow-sm ring-1 ring-gray-200" data-testid="address-row">
                <div className="flex flex-wrap items-center gap-2 text-sm">
                  <span className="font-medium">{a.name}</span>
                  <span className="text-gray-600">{a.phone}</span>
                  {a.isDefault && <Badge tone="blue">{ta("default")}</Badge>}
                </div>
                <p className="text-sm text-gray-700">{line}</p>
                <div className="flex flex-wrap items-center justify-between gap-2 border-t border-gray-100 pt-2">
                  <Link href={`/addresses/${a.id}`} className="text-sm font-medium text-lanbao-600" aria-label={t("editFor", { address: `${a.name} ${line}` })}>
                    {t("edit")}
                  </Link>
                  <AddressRowButtons
                    addressId={a.id}
                    label={`${a.name} ${line}`}
                    isDefault={a.isDefault}
                    setDefaultAction={setDefaultAddressAction}
                    deleteAction={deleteAddressAction}
                  />
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

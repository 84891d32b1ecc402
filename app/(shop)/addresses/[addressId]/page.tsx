import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AddressBookForm } from "@/components/address/address-book-form";
import { getAddressForUser } from "@/lib/address/book";
import { regionOptionsFor } from "@/lib/address/regions";
import { requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { saveAddressAction } from "../actions";

export async function generateMetadata() {
  return { title: (await getTranslations("addressBook"))("editTitle") };
}

export default async function EditAddressPage({ params }: { params: Promise<{ addressId: string }> }) {
  const { addressId } = await params;
  const user = await requireUser(`/addresses/${addressId}`);
  const address = await getAddressForUser(db, user.id, addressId);
  if (!address) notFound();
  const t = await getTranslations("addressBook");
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <Link href="/addresses" className="text-sm text-lanbao-600">
        ← {t("title")}
      </Link>
      <h1 className="text-2xl font-semibold">{t("editTitle")}</h1>
      <div className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-gray-200">
        <AddressBookForm
          action={saveAddressAction}
          addressId={address.id}
          isDefault={address.isDefault}
          defaultValue={{
            name: address.name,
            phone: address.phone,
            provinceCode: address.provinceCode,
            cityCode: address.cityCode,
            districtCode: address.districtCode,
            detail: address.detail,
          }}
          initialOptions={regionOptionsFor(address)}
        />
      </div>
    </div>
  );
}

import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { AddressBookForm } from "@/components/address/address-book-form";
import { requireUser } from "@/lib/auth/session";
import { regionOptionsFor } from "@/lib/address/regions";
import { saveAddressAction } from "../actions";

export async function generateMetadata() {
  return { title: (await getTranslations("addressBook"))("addTitle") };
}

export default async function NewAddressPage() {
  await requireUser("/addresses/new");
  const t = await getTranslations("addressBook");
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <Link href="/addresses" className="text-sm text-lanbao-600">
        ← {t("title")}
      </Link>
      <h1 className="text-2xl font-semibold">{t("addTitle")}</h1>
      <div className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-gray-200">
        <AddressBookForm action={saveAddressAction} initialOptions={regionOptionsFor()} />
      </div>
    </div>
  );
}

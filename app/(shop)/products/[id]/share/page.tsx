import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/shell/client-messages";
import { requireUser } from "@/lib/auth/session";
import { getProductPage } from "@/lib/catalog/products";
import { listThreadsForUser } from "@/lib/chat/threads";
import { db } from "@/lib/db/client";
import { ShareToChatForm } from "./share-form";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata() {
  return { title: (await getTranslations("chat.share"))("title") };
}

/** Share to a chat: the user's recent chats, newest first. */
export default async function ShareProductPage({ params }: Props) {
  const { id } = await params;
  const user = await requireUser(`/products/${id}/share`);
  const [product, threads, t] = await Promise.all([
    getProductPage(db, id, user.id),
    listThreadsForUser(db, user.id, { take: 20 }),
    getTranslations("chat.share"),
  ]);
  if (!product || !product.published) notFound();
  return (
    <div className="mx-auto max-w-md space-y-4">
      <Link href={`/products/${product.id}`} className="text-sm text-lanbao-600">
        ← {t("backToProduct")}
      </Link>
      <section className="space-y-4 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-gray-200">
        <h1 className="text-lg font-semibold">{t("title")}</h1>
        <p className="text-sm text-gray-600">{t("intro", { product: product.title })}</p>
        {threads.length > 0 ? (
          <ClientMessages>
            <ShareToChatForm productId={product.id} threads={threads.map((th) => ({ id: th.id, title: th.title }))} />
          </ClientMessages>
        ) : (
          <p className="text-sm text-gray-500" data-testid="share-no-chats">
            {t("noChats")}
          </p>
        )}
      </section>
    </div>
  );
}

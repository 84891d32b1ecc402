import type { ReactNode } from "react";
import { getNow } from "next-intl/server";
import { RealtimeProvider } from "@/components/chat/realtime-provider";
import { AppHeader } from "@/components/shell/app-header";
import { getCurrentUser } from "@/lib/auth/session";

/** Chats, friends and gifts: one live stream per tab for all of them, for signed-in people. */
export default async function ChatLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  const body = (
    <>
      <AppHeader />
      <main className="mx-auto w-full max-w-2xl">{children}</main>
    </>
  );
  // Translations for client components are placed below, per section: the gift page a
  // recipient opens from a chat link gets only the few namespaces it uses.
  // The request's time: the live stream starts with "resync" if anything happened since.
  return user ? <RealtimeProvider renderedAt={(await getNow()).getTime()}>{body}</RealtimeProvider> : body;
}

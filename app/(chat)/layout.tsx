import type { ReactNode } from "react";
import { RealtimeProvider } from "@/components/chat/realtime-provider";
import { AppHeader } from "@/components/shell/app-header";
import { ClientMessages } from "@/components/shell/client-messages";
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
  return <ClientMessages>{user ? <RealtimeProvider>{body}</RealtimeProvider> : body}</ClientMessages>;
}

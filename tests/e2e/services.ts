// Test data for the browser tests, made through Lanbao's own services on the database of
// the server under test, for the steps whose UI is not what a test is about (a test about
// scrolling a long chat should not spend its time typing the chat).
import { test as base, type Browser, type BrowserContext, type Page } from "./base";
import { signUp } from "../../lib/auth/sign-up.ts";
import { sendTextMessage } from "../../lib/chat/messages.ts";
import { getOrCreateDirectThread } from "../../lib/chat/threads.ts";
import { createDb, type Db } from "../../lib/db/client.ts";
import { embeddedDatabaseUrl } from "../../lib/db/embedded.ts";
import { respondToFriendRequest, sendFriendRequest } from "../../lib/social/friends.ts";
import { signInContext, uniqueEmail } from "./helpers";

/** The database scripts/e2e-server.ts gives the server: the same rules it follows. */
export function e2eDatabaseUrl(): string {
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = "/lanbao_e2e";
    return url.toString();
  }
  return embeddedDatabaseUrl(Number(process.env.LANBAO_DB_PORT ?? 54339), "lanbao");
}

export type TestUser = { id: string; name: string; email: string; password: string };

export class Services {
  constructor(readonly db: Db) {}

  async newUser(name: string): Promise<TestUser> {
    const password = "a-good-password";
    const email = uniqueEmail(name.toLowerCase().replace(/[^a-z0-9]+/g, "-"));
    await signUp(this.db, { name, email, password });
    const user = await this.db.user.findUniqueOrThrow({ where: { email }, select: { id: true, name: true, email: true } });
    return { id: user.id, name: user.name, email: user.email, password };
  }

  async befriend(a: TestUser, b: TestUser): Promise<void> {
    const { friendshipId } = await sendFriendRequest(this.db, a.id, { userId: b.id });
    await respondToFriendRequest(this.db, b.id, { friendshipId, accept: true });
  }

  async directThread(a: TestUser, b: TestUser): Promise<string> {
    return (await getOrCreateDirectThread(this.db, a.id, b.id)).id;
  }

  /** Posts the texts in order, each as a message of its own, as the composer would. */
  async postTexts(threadId: string, sender: TestUser, bodies: string[]): Promise<void> {
    for (const body of bodies) await sendTextMessage(this.db, sender.id, { threadId, body });
  }
}

/** A browser context of its own for `user`, signed in, with one page. */
export async function personIn(browser: Browser, user: TestUser): Promise<TestUser & { context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  await signInContext(context, user);
  return { ...user, context, page: await context.newPage() };
}

/** `services`: one database client per test worker, closed when the worker ends. */
export const test = base.extend<object, { services: Services }>({
  services: [
    async ({}, use) => {
      const db = createDb(e2eDatabaseUrl(), { max: 2 });
      await use(new Services(db));
      await db.$disconnect();
    },
    { scope: "worker" },
  ],
});

import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

export type Db = PrismaClient;

/**
 * A Prisma Client on the given database (tests and scripts make their own). `idleTimeoutMillis`
 * is how long an unused connection stays open (the driver's default is 10 s).
 */
export function createDb(connectionString: string, opts: { max?: number; idleTimeoutMillis?: number } = {}): Db {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: opts.max ?? 10, idleTimeoutMillis: opts.idleTimeoutMillis }) });
}

/**
 * The app keeps its connections for ten minutes: opening one costs ~20 ms of CPU on both
 * sides (SCRAM password hashing), and a page's parallel queries open several, so with the
 * driver's 10 s a page opened on a quiet server took 120–180 ms instead of 30–40 ms.
 */
const APP_IDLE_TIMEOUT_MS = 10 * 60_000;

const globalForDb = globalThis as unknown as { lanbaoDb?: Db };

function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set. Start Lanbao with `npm run dev` or `npm start`.");
  return url;
}

/**
 * The app's one shared client, created on first use so that importing a module never
 * needs a database (next build imports pages). Kept on globalThis so dev reloads reuse it.
 */
export const db: Db = new Proxy({} as Db, {
  get(_target, prop) {
    const client = (globalForDb.lanbaoDb ??= createDb(databaseUrl(), { idleTimeoutMillis: APP_IDLE_TIMEOUT_MS }));
    const value = Reflect.get(client, prop, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

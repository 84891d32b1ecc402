import { PrismaAdapter } from "@next-auth/prisma-adapter";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db/client";
import { rateLimits } from "@/lib/rate-limit";
import { clientAddress } from "@/lib/rate-limit/client-address";
import { authenticate } from "./sign-in";

export const authOptions: NextAuthOptions = {
  // The adapter stores users and linked accounts; credentials sessions live in a signed JWT.
  adapter: PrismaAdapter(db as never),
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const forwardedFor = req.headers?.["x-forwarded-for"];
        const address = clientAddress(Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor);
        const result = await authenticate(db, credentials, { address, limits: rateLimits() });
        if (result.ok) return result.user;
        // The message reaches the sign-in form as `error` (see signInErrorMessages).
        throw new Error(result.retryAfterSeconds ? `${result.reason}:${result.retryAfterSeconds}` : result.reason);
      },
    }),
  ],
  callbacks: {
    session({ session, token }) {
      if (session.user && token.sub) session.user.id = token.sub;
      return session;
    },
  },
};

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/lib/db/client";
import { sessionTokenOf } from "./session-cookie";
import { userIdOfSessionToken } from "./session-token";

export type CurrentUser = { id: string; name: string; email: string; lanbaoId: string };

/**
 * The id the session cookie names, without looking the user up: for a route whose service
 * checks what this id may do anyway (a deleted user's id owns and belongs to nothing).
 */
export async function sessionUserId(): Promise<string | null> {
  const token = sessionTokenOf((await cookies()).getAll());
  return token ? userIdOfSessionToken(token) : null;
}

/** The signed-in user, or null. Looked up once per request; a token for a deleted user counts as signed out. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const id = await sessionUserId();
  if (!id) return null;
  return db.user.findUnique({ where: { id }, select: { id: true, name: true, email: true, lanbaoId: true } });
});

/** Only relative paths, so a crafted link cannot bounce a user to another site after sign-in. */
export function safeReturnPath(value: unknown, fallback = "/"): string {
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\")
    ? value
    : fallback;
}

/** For pages that need a user: sends visitors to sign in and brings them back to `returnTo`. */
export async function requireUser(returnTo: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(safeReturnPath(returnTo))}`);
  return user;
}

import Link from "@/components/ui/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getCurrentUser, safeReturnPath } from "@/lib/auth/session";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata() {
  return { title: (await getTranslations("auth"))("signIn") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; from?: string }> }) {
  const { callbackUrl: rawCallbackUrl, from } = await searchParams;
  const callbackUrl = safeReturnPath(rawCallbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  const t = await getTranslations("auth");
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("signInTitle")}</h1>
      {from === "sign-up" && (
        <p role="status" className="rounded-lg bg-lanbao-50 p-3 text-sm text-gray-700" data-testid="sign-up-handoff">
          {t("afterSignUp")}
        </p>
      )}
      <SignInForm callbackUrl={callbackUrl} />
      <p className="text-sm text-gray-600">
        {t("noAccount")}{" "}
        <Link className="font-medium text-lanbao-600 underline underline-offset-2" href={`/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`}>
          {t("createOne")}
        </Link>
      </p>
    </div>
  );
}

import Link from "@/components/ui/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getCurrentUser, safeReturnPath } from "@/lib/auth/session";
import { SignUpForm } from "./sign-up-form";

export async function generateMetadata() {
  return { title: (await getTranslations("auth"))("signUp") };
}

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const callbackUrl = safeReturnPath((await searchParams).callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  const t = await getTranslations("auth");
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("signUpTitle")}</h1>
      <SignUpForm callbackUrl={callbackUrl} />
      <p className="text-sm text-gray-600">
        {t("haveAccount")}{" "}
        <Link className="font-medium text-lanbao-600 underline underline-offset-2" href={`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`}>
          {t("signInInstead")}
        </Link>
      </p>
    </div>
  );
}

import Link from "next/link";
import { getI18n } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

export default async function SignInErrorPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const { error } = await searchParams;
  const { t } = await getI18n();
  const message =
    error === "Verification"
      ? t("auth.error.verification")
      : error === "AccessDenied"
        ? t("auth.error.accessDenied")
        : t("auth.error.generic");
  return (
    <div className="card narrow stack">
      <h1>{t("auth.error.title")}</h1>
      <p className="alert alert-error" role="alert">
        {message}
      </p>
      <Link href="/sign-in" className="btn">
        {t("auth.error.requestNew")}
      </Link>
    </div>
  );
}

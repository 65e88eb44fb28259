import Link from "next/link";
import { safeCallbackPath } from "@/lib/auth/schema";
import { getI18n } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

/**
 * The page a sign-in mail links to. Opening it uses nothing up (mail scanners follow links); the button
 * posts the one-time token to Auth.js's callback (a plain form POST, which scanners do not send), which
 * checks it, deletes it and starts the session.
 */
export default async function ConfirmSignInPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string; email?: string; callbackUrl?: string }>;
}) {
  const { token, email, callbackUrl } = await searchParams;
  const { t } = await getI18n();
  if (!token || !email) {
    return (
      <div className="card narrow stack">
        <h1>{t("auth.confirm.title")}</h1>
        <p className="alert alert-error" role="alert">
          {t("auth.confirm.missing")}
        </p>
        <Link href="/sign-in">{t("auth.error.requestNew")}</Link>
      </div>
    );
  }
  return (
    <div className="card narrow stack">
      <h1>{t("auth.confirm.title")}</h1>
      <p>{t("auth.confirm.body", { email })}</p>
      <form method="post" action={`/api/auth/callback/email?${new URLSearchParams({ callbackUrl: safeCallbackPath(callbackUrl), token, email })}`}>
        <button type="submit" className="btn btn-primary">
          {t("auth.confirm.submit")}
        </button>
      </form>
    </div>
  );
}

import Link from "next/link";
import { getI18n } from "@/lib/i18n/server";
import { isDemoMode } from "@/lib/demo";

export const dynamic = "force-dynamic";

export default async function CheckEmailPage() {
  const { t, tRich } = await getI18n();
  return (
    <div className="card narrow stack">
      <h1>{t("auth.checkEmail.title")}</h1>
      <p role="status">{t("auth.checkEmail.bodyGeneric")}</p>
      {isDemoMode() ? (
        <p>
          {tRich("auth.demo.mailboxHint", undefined, { link: (chunks) => <Link href="/mailbox">{chunks}</Link> })}
        </p>
      ) : null}
      <p>
        <Link href="/sign-in">{t("auth.checkEmail.again")}</Link>
      </p>
    </div>
  );
}

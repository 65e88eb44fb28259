import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { DemoAccounts } from "@/components/auth/demo-accounts";
import { getSessionResolution } from "@/lib/auth/current-user";
import { listDemoAccounts } from "@/lib/auth/queries";
import { safeCallbackPath } from "@/lib/auth/schema";
import { isDemoMode } from "@/lib/demo";
import { getI18n } from "@/lib/i18n/server";
import { demoSignInAction, requestSignInLinkAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const { t } = await getI18n();
  return { title: `${t("auth.signIn.title")} · ${t("common.appName")}` };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  const session = await getSessionResolution().catch(() => null);
  if (session?.status === "active") redirect(safeCallbackPath(callbackUrl));
  // Half-way through a staff sign-in: the passkey step comes next.
  if (session?.status === "partial") {
    const back = safeCallbackPath(callbackUrl);
    redirect(back === "/" ? "/sign-in/passkey" : `/sign-in/passkey?callbackUrl=${encodeURIComponent(back)}`);
  }
  const { t, tRich } = await getI18n();
  const demo = isDemoMode();
  const demoAccounts = demo ? await listDemoAccounts() : [];
  return (
    <div className="stack">
      <div className="card narrow stack">
        <h1>{t("auth.signIn.title")}</h1>
        <p>{t("auth.signIn.intro")}</p>
        <SignInForm callbackUrl={callbackUrl ? safeCallbackPath(callbackUrl) : undefined} action={requestSignInLinkAction} />
      </div>
      {demo ? (
        <div className="card stack">
          <h2>{t("auth.demo.title")}</h2>
          <p>{t("auth.demo.intro")}</p>
          <p className="alert alert-info" role="note" data-testid="demo-second-factor">
            {t("auth.demo.secondFactor")}
          </p>
          <DemoAccounts accounts={demoAccounts} demoSignInAction={demoSignInAction} />
          <p className="muted small">
            {tRich("auth.demo.mailboxHint", undefined, { link: (chunks) => <Link href="/mailbox">{chunks}</Link> })}
          </p>
        </div>
      ) : null}
    </div>
  );
}

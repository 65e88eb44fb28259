import { redirect } from "next/navigation";
import { RegisterPasskeyForm, VerifyPasskeyButton } from "@/components/passkeys/passkey-ceremony";
import { getSessionResolution } from "@/lib/auth/current-user";
import { countPasskeys } from "@/lib/auth/queries";
import { safeCallbackPath } from "@/lib/auth/schema";
import { getI18n } from "@/lib/i18n/server";
import { signOutAction } from "../actions";
import { passkeyAuthenticationOptionsAction, passkeyRegistrationOptionsAction, registerPasskeyAction, verifyPasskeyAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const { t } = await getI18n();
  return { title: `${t("passkeys.step.title")} · ${t("common.appName")}` };
}

/**
 * The second step of a staff sign-in (decision 0016): after the e-mail link, register the first passkey
 * or confirm with one. Only a partial session sees it; anyone else is sent where they belong.
 */
export default async function PasskeyStepPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const { callbackUrl: raw } = await searchParams;
  const callbackUrl = safeCallbackPath(typeof raw === "string" ? raw : null);
  const session = await getSessionResolution();
  if (session.status === "active") redirect(callbackUrl);
  if (session.status !== "partial") redirect("/sign-in");
  const { t } = await getI18n();
  const hasPasskey = (await countPasskeys(session.user.id)) > 0;
  return (
    <div className="card narrow stack">
      <h1>{t("passkeys.step.title")}</h1>
      <p>{t("passkeys.step.signedInByLink", { email: session.user.email })}</p>
      {hasPasskey ? (
        <>
          <p>{t("passkeys.step.verifyIntro")}</p>
          <VerifyPasskeyButton callbackUrl={callbackUrl} actions={{ options: passkeyAuthenticationOptionsAction, verify: verifyPasskeyAction }} />
          <p className="muted small">{t("passkeys.step.lost")}</p>
        </>
      ) : (
        <>
          <p>{t("passkeys.step.registerIntro")}</p>
          <RegisterPasskeyForm
            submitLabel={t("passkeys.step.registerButton")}
            callbackUrl={callbackUrl}
            actions={{ options: passkeyRegistrationOptionsAction, register: registerPasskeyAction }}
          />
        </>
      )}
      <form action={signOutAction} className="row">
        <span className="muted small">{t("passkeys.step.signOutInstead")}</span>
        <button type="submit" className="btn">
          {t("common.signOut")}
        </button>
      </form>
    </div>
  );
}

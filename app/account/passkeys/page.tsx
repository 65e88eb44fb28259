import { notFound } from "next/navigation";
import { RegisterPasskeyForm } from "@/components/passkeys/passkey-ceremony";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { requireUser } from "@/lib/auth/current-user";
import { needsSecondFactor } from "@/lib/auth/session-rules";
import { formatDateTime } from "@/lib/i18n/format";
import { plural } from "@/lib/i18n/plural";
import { getI18n } from "@/lib/i18n/server";
import { listOwnPasskeys } from "@/lib/passkeys/queries";
import { canRemovePasskey } from "@/lib/passkeys/rules";
import { passkeyRegistrationOptionsAction, registerPasskeyAction } from "@/app/sign-in/passkey/actions";
import { removePasskeyAction } from "./actions";

export const dynamic = "force-dynamic";

const NOTICES = ["added", "removed"] as const;
type Notice = (typeof NOTICES)[number];

export async function generateMetadata() {
  const { t } = await getI18n();
  return { title: `${t("passkeys.account.title")} · ${t("common.appName")}` };
}

/** The signed-in staff user's passkeys: list, add another, remove one while another remains. Staff only; else 404. */
export default async function AccountPasskeysPage({ searchParams }: { searchParams: Promise<{ notice?: string }> }) {
  const user = await requireUser();
  if (!needsSecondFactor(user.roles)) notFound();
  const { notice: rawNotice } = await searchParams;
  const notice = (NOTICES as readonly string[]).includes(String(rawNotice)) ? (rawNotice as Notice) : null;
  const { t, locale } = await getI18n();
  const list = await listOwnPasskeys(user);
  const mayRemove = canRemovePasskey(list.length);

  return (
    <div className="stack">
      {notice ? (
        <div className="alert alert-success" role="status">
          {t(`passkeys.account.notices.${notice}`)}
        </div>
      ) : null}
      <section className="card stack" aria-labelledby="passkeys-heading">
        <h1 id="passkeys-heading">{t("passkeys.account.title")}</h1>
        <p className="muted">{t("passkeys.account.intro")}</p>
        <p role="status" data-testid="passkey-count">
          {plural(t, locale, "passkeys.account.count", list.length)}
        </p>
        <div className="table-wrap">
          <table className="table" data-testid="passkeys-table">
            <caption className="muted">{t("passkeys.account.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("passkeys.account.columns.name")}</th>
                <th scope="col">{t("passkeys.account.columns.created")}</th>
                <th scope="col">{t("passkeys.account.columns.lastUsed")}</th>
                <th scope="col">{t("passkeys.account.columns.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((passkey) => (
                <tr key={passkey.id}>
                  <th scope="row">{passkey.name}</th>
                  <td>
                    <time dateTime={passkey.createdAt.toISOString()}>{formatDateTime(passkey.createdAt, locale)}</time>
                  </td>
                  <td>
                    {passkey.lastUsedAt ? (
                      <time dateTime={passkey.lastUsedAt.toISOString()}>{formatDateTime(passkey.lastUsedAt, locale)}</time>
                    ) : (
                      t("passkeys.account.never")
                    )}
                  </td>
                  <td>
                    {mayRemove ? (
                      <ConfirmButton
                        label={t("passkeys.account.remove.button")}
                        accessibleLabel={t("passkeys.account.remove.buttonLabel", { name: passkey.name })}
                        question={t("passkeys.account.remove.confirm", { name: passkey.name })}
                        confirmLabel={t("passkeys.account.remove.confirmButton")}
                        workingLabel={t("passkeys.account.remove.working")}
                        action={removePasskeyAction.bind(null, { passkeyId: passkey.id })}
                      />
                    ) : (
                      <span className="muted small">{t("passkeys.account.remove.onlyOne")}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="card stack max-w-form" aria-labelledby="add-passkey-heading">
        <h2 id="add-passkey-heading">{t("passkeys.account.addHeading")}</h2>
        <p className="muted">{t("passkeys.account.addIntro")}</p>
        <RegisterPasskeyForm submitLabel={t("passkeys.account.addButton")} actions={{ options: passkeyRegistrationOptionsAction, register: registerPasskeyAction }} />
      </section>
    </div>
  );
}

import Link from "next/link";
import { DeactivateButton } from "@/components/admin/deactivate-button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { UserForm } from "@/components/admin/user-form";
import { Badge } from "@/components/ui/badge";
import { DetailItem, DetailList } from "@/components/ui/detail-list";
import { Notice } from "@/components/ui/notice";
import { requireUserWithPermission } from "@/lib/auth/current-user";
import { needsSecondFactor } from "@/lib/auth/session-rules";
import { formatDate } from "@/lib/i18n/format";
import { plural } from "@/lib/i18n/plural";
import { rethrowAsNotFound } from "@/lib/http/not-found";
import { getI18n } from "@/lib/i18n/server";
import { getUserForAdmin, listAssignableCountries, listOrganizations } from "@/lib/users/queries";
import { deactivateUserAction, reactivateUserAction, resetUserPasskeysAction, updateUserAction } from "../actions";

export const dynamic = "force-dynamic";

const NOTICES = ["invited", "updated", "deactivated", "reactivated", "passkeysReset"] as const;
type NoticeKey = (typeof NOTICES)[number];

export async function generateMetadata() {
  const { t } = await getI18n();
  return { title: `${t("admin.edit.title")} · ${t("common.appName")}` };
}

/** One user's roles, language and bindings, and account access. Administrators only; else 404. */
export default async function EditUserPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireUserWithPermission("users.manage").catch(rethrowAsNotFound);
  const { id } = await params;
  const { notice: rawNotice } = await searchParams;
  const { t, locale } = await getI18n();
  const [user, countries, organizations] = await Promise.all([
    getUserForAdmin(actor, id).catch(rethrowAsNotFound),
    listAssignableCountries(actor),
    listOrganizations(actor),
  ]);
  const notice = (NOTICES as readonly string[]).includes(String(rawNotice)) ? (rawNotice as NoticeKey) : null;
  const collator = new Intl.Collator(locale);
  const displayName = user.name || user.email;
  const version = user.updatedAt.toISOString();
  const isSelf = user.id === actor.id;

  return (
    <div className="stack">
      <p>
        <Link href="/admin/users">{t("admin.edit.backToList")}</Link>
      </p>
      {notice ? <Notice tone="success">{t(`admin.notices.${notice}`)}</Notice> : null}

      <div className="card stack max-w-form">
        <div className="row justify-between">
          <h1>
            {t("admin.edit.title")}: {displayName}
          </h1>
          <Badge tone={user.isActive ? "success" : "danger"}>{user.isActive ? t("admin.status.active") : t("admin.status.inactive")}</Badge>
        </div>
        <p className="muted">{t("admin.edit.intro")}</p>
        <DetailList>
          <DetailItem label={t("admin.edit.emailLabel")}>{user.email}</DetailItem>
        </DetailList>
        <p className="muted small">{t("admin.edit.createdOn", { date: formatDate(user.createdAt, locale) })}</p>
        {/* Keyed by version: after a save the form starts again from the stored values and new version. */}
        <UserForm
          key={version}
          mode="edit"
          userId={user.id}
          action={updateUserAction}
          defaultValues={{
            name: user.name ?? "",
            locale: user.locale,
            roles: user.roles,
            countryIso2: user.countryIso2 ?? "",
            organizationId: user.organizationId ?? "",
            expectedUpdatedAt: version,
          }}
          countries={countries
            .map((c) => ({ iso2: c.iso2, name: locale === "es" ? c.nameEs : c.nameEn }))
            .sort((a, b) => collator.compare(a.name, b.name))}
          organizations={organizations.map((o) => ({ id: o.id, type: o.type, name: locale === "es" ? o.nameEs : o.nameEn }))}
        />
      </div>

      <section className="card stack max-w-form" aria-labelledby="account-access">
        <h2 id="account-access">{t("admin.edit.accountHeading")}</h2>
        <p>{user.isActive ? t("admin.edit.activeText") : t("admin.edit.inactiveText")}</p>
        {!user.isActive && user.deactivatedAt ? (
          <p className="muted small">{t("admin.edit.deactivatedOn", { date: formatDate(user.deactivatedAt, locale) })}</p>
        ) : null}
        {isSelf ? (
          <p className="muted">{t("admin.deactivate.selfHint")}</p>
        ) : (
          <DeactivateButton
            key={user.isActive ? "deactivate" : "reactivate"}
            userName={displayName}
            mode={user.isActive ? "deactivate" : "reactivate"}
            action={(user.isActive ? deactivateUserAction : reactivateUserAction).bind(null, { userId: user.id })}
          />
        )}
      </section>

      <section className="card stack max-w-form" aria-labelledby="passkeys-reset">
        <h2 id="passkeys-reset">{t("passkeys.reset.heading")}</h2>
        <p data-testid="user-passkey-count">
          {needsSecondFactor(user.roles) || user.passkeyCount > 0 ? plural(t, locale, "passkeys.reset.count", user.passkeyCount) : t("passkeys.reset.notStaff")}
        </p>
        {user.passkeyCount === 0 ? null : isSelf ? (
          <p className="muted">{t("passkeys.reset.selfHint")}</p>
        ) : (
          <>
            <p className="muted">{t("passkeys.reset.hint")}</p>
            <ConfirmButton
              label={t("passkeys.reset.button")}
              question={t("passkeys.reset.confirm", { name: displayName })}
              confirmLabel={t("passkeys.reset.confirmButton")}
              workingLabel={t("passkeys.reset.working")}
              action={resetUserPasskeysAction.bind(null, { userId: user.id })}
            />
          </>
        )}
      </section>
    </div>
  );
}

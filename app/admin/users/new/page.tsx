import Link from "next/link";
import { notFound } from "next/navigation";
import { UserForm } from "@/components/admin/user-form";
import { requireUserWithPermission } from "@/lib/auth/current-user";
import { NotFoundError } from "@/lib/errors";
import { getI18n } from "@/lib/i18n/server";
import { listAssignableCountries, listOrganizations } from "@/lib/users/queries";
import { inviteUserAction } from "../actions";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const { t } = await getI18n();
  return { title: `${t("admin.invite.title")} · ${t("common.appName")}` };
}

/** The invitation form. Administrators only; anyone else gets a 404. */
export default async function InviteUserPage() {
  const actor = await requireUserWithPermission("users.manage").catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const { t, locale } = await getI18n();
  const [countries, organizations] = await Promise.all([listAssignableCountries(actor), listOrganizations(actor)]);
  const collator = new Intl.Collator(locale);

  return (
    <div className="stack">
      <p>
        <Link href="/admin/users">{t("admin.edit.backToList")}</Link>
      </p>
      <div className="card stack max-w-form">
        <h1>{t("admin.invite.title")}</h1>
        <p className="muted">{t("admin.invite.intro")}</p>
        <UserForm
          mode="invite"
          action={inviteUserAction}
          defaultValues={{ email: "", name: "", locale, roles: [], countryIso2: "", organizationId: "" }}
          countries={countries
            .map((c) => ({ iso2: c.iso2, name: locale === "es" ? c.nameEs : c.nameEn }))
            .sort((a, b) => collator.compare(a.name, b.name))}
          organizations={organizations.map((o) => ({ id: o.id, type: o.type, name: locale === "es" ? o.nameEs : o.nameEn }))}
        />
      </div>
    </div>
  );
}

import Link from "next/link";
import { notFound } from "next/navigation";
import { createRequestAction } from "@/app/requests/actions";
import { RequestForm } from "@/components/requests/request-form";
import { emptyRequestFormValues } from "@/components/requests/form-values";
import { requireUser } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/policies";
import { getI18n } from "@/lib/i18n/server";
import { listEligibleProgramsByCategory } from "@/lib/requests/program-queries";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const { t } = await getI18n();
  return { title: `${t("requests.new.title")} · ${t("common.appName")}` };
}

/** The form for a new request. Focal points, for their own country; anyone else gets a 404. */
export default async function NewRequestPage() {
  const user = await requireUser();
  if (!hasPermission(user, "requests.file") || !user.countryIso2) notFound();
  const { t, locale } = await getI18n();
  const programsByCategory = await listEligibleProgramsByCategory(user, user.countryIso2);
  const countryName = user.country ? (locale === "es" ? user.country.nameEs : user.country.nameEn) : user.countryIso2;

  return (
    <div className="stack">
      <p>
        <Link href="/requests">{t("requests.new.back")}</Link>
      </p>
      <div className="card stack max-w-form-wide">
        <h1>{t("requests.new.title")}</h1>
        <p>{t("requests.new.intro")}</p>
        <RequestForm
          defaultValues={emptyRequestFormValues(user.locale)}
          programsByCategory={programsByCategory}
          countryName={countryName}
          cancelHref="/requests"
          createAction={createRequestAction}
        />
      </div>
    </div>
  );
}

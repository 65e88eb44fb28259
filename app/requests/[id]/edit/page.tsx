import Link from "next/link";
import { notFound } from "next/navigation";
import { saveRequestAction } from "@/app/requests/actions";
import { RequestForm } from "@/components/requests/request-form";
import { formValuesFromRequest } from "@/components/requests/form-values";
import { requireUser } from "@/lib/auth/current-user";
import { rethrowAsNotFound } from "@/lib/http/not-found";
import { getI18n } from "@/lib/i18n/server";
import { listEligibleProgramsByCategory } from "@/lib/requests/program-queries";
import { getRequest } from "@/lib/requests/queries";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const { t } = await getI18n();
  return { title: `${t("requests.detail.edit")} · ${t("common.appName")}` };
}

/**
 * Edits a request's content. Focal points of the request's country, while it is a draft or has changes
 * requested; for anyone else, or in any other state, the page does not exist.
 */
export default async function EditRequestPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const detail = await getRequest(user, id).catch(rethrowAsNotFound);
  if (!detail.canEdit) notFound();
  const { t, locale } = await getI18n();
  const programsByCategory = await listEligibleProgramsByCategory(user, detail.countryIso2);
  const countryName = locale === "es" ? detail.country.nameEs : detail.country.nameEn;
  const detailHref = `/requests/${encodeURIComponent(detail.id)}`;

  return (
    <div className="stack">
      <p>
        <Link href={detailHref}>{t("requests.edit.back")}</Link>
      </p>
      <div className="card stack max-w-form-wide">
        <h1>{t("requests.edit.title", { reference: detail.reference })}</h1>
        <p>{detail.status === "changes_requested" ? t("requests.edit.introChanges") : t("requests.edit.intro")}</p>
        {/* Keyed by version: after a save the form starts again from the stored values and new version. */}
        <RequestForm
          key={detail.version}
          requestId={detail.id}
          version={detail.version}
          defaultValues={formValuesFromRequest({ ...detail, programIds: detail.programs.map((p) => p.id) })}
          programsByCategory={programsByCategory}
          countryName={countryName}
          cancelHref={detailHref}
          saveAction={saveRequestAction}
        />
      </div>
    </div>
  );
}

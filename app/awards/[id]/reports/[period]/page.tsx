import Link from "next/link";
import { notFound } from "next/navigation";
import { ReportDecisionForm } from "@/components/reporting/report-decision-form";
import { ReportForm } from "@/components/reporting/report-form";
import { reportFormProps } from "@/components/reporting/report-form-props";
import { ReportPeriodHeader, ReportStatusNotes } from "@/components/reporting/report-period-header";
import { ReportView } from "@/components/reporting/report-view";
import { requireUser } from "@/lib/auth/current-user";
import { rethrowAsNotFound } from "@/lib/http/not-found";
import { getI18n } from "@/lib/i18n/server";
import { getPeriodReport } from "@/lib/reporting/queries";
import { decideReportAction, saveReportAction } from "../actions";

export const dynamic = "force-dynamic";

const NOTICES = ["saved", "submitted", "accepted", "returned"] as const;
type Notice = (typeof NOTICES)[number];

export async function generateMetadata() {
  const { t } = await getI18n();
  return { title: `${t("reporting.report.pageTitle")} · ${t("common.appName")}` };
}

/**
 * The report of one period of an award: the form for its submitters while it is a draft or returned,
 * the review for officers once submitted, read-only otherwise (accepted reports are frozen). Anyone who
 * may see the award; donors see accepted reports only; 404 otherwise.
 */
export default async function ReportPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string; period: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const { id, period } = await params;
  const { notice: rawNotice } = await searchParams;
  if (!/^\d{1,4}$/.test(period)) notFound();
  const page = await getPeriodReport(user, id, Number(period)).catch(rethrowAsNotFound);
  const { t, locale } = await getI18n();
  const notice = (NOTICES as readonly string[]).includes(String(rawNotice)) ? (rawNotice as Notice) : null;
  const report = page.report;

  return (
    <div className="stack">
      <p>
        <Link href={`/awards/${encodeURIComponent(page.award.id)}`}>{t("reporting.report.back")}</Link>
      </p>
      {notice ? (
        <div className="alert alert-success" role="status">
          {t(`reporting.report.${notice}`)}
        </div>
      ) : null}
      <ReportPeriodHeader page={page} t={t} locale={locale} />
      <ReportStatusNotes page={page} t={t} locale={locale} />

      {page.canEdit ? (
        <ReportForm {...reportFormProps(page, t, locale)} action={saveReportAction} />
      ) : report ? (
        <ReportView report={report} indicators={page.indicators} deliverables={page.deliverables} currency={page.award.currency} t={t} locale={locale} />
      ) : (
        <p className="muted">{t("reporting.report.nothingYet")}</p>
      )}

      {page.canReview && report ? <ReportDecisionForm reportId={report.id} version={report.version} action={decideReportAction} /> : null}
    </div>
  );
}

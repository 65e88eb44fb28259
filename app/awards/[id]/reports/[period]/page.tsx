import Link from "next/link";
import { notFound } from "next/navigation";
import { ReportForm, type ReportFormValues } from "@/components/reporting/report-form";
import { ReportView } from "@/components/reporting/report-view";
import { periodStatusBadgeClass } from "@/components/reporting/reporting-labels";
import { ReportDecisionForm } from "@/components/reporting/report-decision-form";
import { requireUser } from "@/lib/auth/current-user";
import { formatDate, formatDateTime, formatMoney } from "@/lib/i18n/format";
import { rethrowAsNotFound } from "@/lib/http/not-found";
import { getI18n } from "@/lib/i18n/server";
import { getPeriodReport } from "@/lib/reporting/queries";
import { minorToMajor } from "@/lib/money";

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
  const name = (n: { nameEn: string; nameEs: string }) => (locale === "es" ? n.nameEs : n.nameEn);
  const report = page.report;
  const amountText = formatMoney(page.award.amountMinor, page.award.currency, locale);

  const defaultValues: ReportFormValues = {
    narrativeEn: report?.narrativeEn ?? "",
    narrativeEs: report?.narrativeEs ?? "",
    expenditureToDate: report?.expenditureToDateMinor == null ? "" : minorToMajor(report.expenditureToDateMinor),
    actuals: page.indicators.map((i) => {
      const actual = report?.actuals.find((a) => a.awardIndicatorId === i.id);
      return {
        awardIndicatorId: i.id,
        value: actual ? String(Number(actual.value)) : "",
        breakdown: (actual?.breakdown ?? []).map((b) => ({ dimension: b.dimension, label: b.label, value: String(b.value) })),
      };
    }),
    deliverableUpdates: page.deliverables.map((d) => ({
      deliverableId: d.id,
      note: report?.deliverableUpdates.find((u) => u.deliverableId === d.id)?.note ?? "",
    })),
  };

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

      <div className="card stack">
        <p className="muted m-0">
          {page.award.reference} · {name(page.award.country)} · {name(page.award.partner)}
        </p>
        <h1>{t(page.period.isFinal ? "reporting.report.headingFinal" : "reporting.report.heading", { number: page.period.number })}</h1>
        <p className="m-0">
          {t("reporting.report.periodDates", {
            start: formatDate(page.period.startsOn, locale),
            end: formatDate(page.period.endsOn, locale),
            due: formatDate(page.period.dueOn, locale),
          })}
        </p>
        <p className="m-0">
          {t("reporting.report.status")}:{" "}
          <span className={periodStatusBadgeClass(page.period.status)} data-testid="report-status">
            {t(`reporting.periodStatus.${page.period.status}`)}
          </span>
          {page.period.isOverdue && page.period.status !== "overdue" ? (
            <>
              {" "}
              <span className="badge badge-danger">{t("reporting.section.overdueFlag")}</span>
            </>
          ) : null}
        </p>
        {report?.submittedAt ? (
          <p className="muted m-0">
            {t("reporting.report.submittedBy", { name: report.submittedByName ?? "—", date: formatDateTime(report.submittedAt, locale) })}
          </p>
        ) : null}
        {report?.reviewedAt ? (
          <p className="muted m-0">
            {t("reporting.report.reviewedBy", { name: report.reviewedByName ?? "—", date: formatDateTime(report.reviewedAt, locale) })}
          </p>
        ) : null}
      </div>

      {report?.reviewComment && (report.status === "returned" || report.status === "accepted") ? (
        <section className={report.status === "returned" ? "alert alert-error" : "alert alert-info"}>
          {report.status === "returned" ? <p className="mt-0">{t("reporting.report.returnedNotice")}</p> : null}
          <strong>{t("reporting.report.reviewComment")}:</strong>
          <p className="text-pre-wrap mb-0">{report.reviewComment}</p>
        </section>
      ) : null}

      {report?.status === "accepted" ? <p className="alert alert-info">{t("reporting.report.frozen")}</p> : null}
      {report?.status === "submitted" ? <p className="alert alert-info">{t("reporting.report.awaitingReview")}</p> : null}
      {page.period.status === "not_started" ? (
        <p className="alert alert-info">{t("reporting.report.notStarted", { date: formatDate(page.period.startsOn, locale) })}</p>
      ) : null}

      {page.canEdit ? (
        <ReportForm
          awardId={page.award.id}
          periodNumber={page.period.number}
          version={report?.version ?? null}
          amountText={amountText}
          indicators={page.indicators.map((i) => ({
            id: i.id,
            name: name(i),
            unit: i.unit,
            baseline: String(Number(i.baseline)),
            target: String(Number(i.target)),
          }))}
          deliverables={page.deliverables.map((d) => ({ id: d.id, title: d.title, dueText: t("reporting.report.deliverableDue", { date: formatDate(d.dueOn, locale) }) }))}
          defaultValues={defaultValues}
        />
      ) : report ? (
        <ReportView page={page} t={t} locale={locale} />
      ) : (
        <p className="muted">{t("reporting.report.nothingYet")}</p>
      )}

      {page.canReview && report ? <ReportDecisionForm reportId={report.id} version={report.version} /> : null}
    </div>
  );
}

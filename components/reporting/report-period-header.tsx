import type { Locale } from "@/lib/i18n/config";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import type { PeriodReport } from "@/lib/reporting/queries";
import { periodStatusBadgeClass } from "./reporting-labels";

interface Props {
  page: PeriodReport;
  t: Translate;
  locale: Locale;
}

/** The period's card: the award, the period's dates and status (overdue flagged), who submitted and reviewed. */
export function ReportPeriodHeader({ page, t, locale }: Props) {
  const name = (n: { nameEn: string; nameEs: string }) => (locale === "es" ? n.nameEs : n.nameEn);
  const report = page.report;
  return (
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
        <p className="muted m-0">{t("reporting.report.submittedBy", { name: report.submittedByName ?? "—", date: formatDateTime(report.submittedAt, locale) })}</p>
      ) : null}
      {report?.reviewedAt ? (
        <p className="muted m-0">{t("reporting.report.reviewedBy", { name: report.reviewedByName ?? "—", date: formatDateTime(report.reviewedAt, locale) })}</p>
      ) : null}
    </div>
  );
}

/** What the report's state means for the reader: the officer's comment, frozen, awaiting review, not started. */
export function ReportStatusNotes({ page, t, locale }: Props) {
  const report = page.report;
  return (
    <>
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
    </>
  );
}

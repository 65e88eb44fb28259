// The tables of one award on a program dashboard (server components): what a donor may see of its
// indicators, deliverables, equipment, tranches and accepted reports, and nothing else.
import type { Column } from "@/components/ui/data-table";
import { Badge } from "@/components/ui/badge";
import type { AcceptedReportSummary, AwardDeliverable, AwardDisbursement, AwardEquipment, AwardOverview } from "@/lib/dashboards/types";
import { formatDate, formatMoney, formatNumber } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import { AcceptedOn, Narrative, PeriodCell, TableSection, indicatorColumns, type I18nProps } from "./dashboard-table";
import { ReportCountCards } from "./program-sections";

const CONDITIONS = ["new", "good", "fair", "poor", "unserviceable"] as const;
const RESULTS = ["in_use_as_intended", "not_found", "misused", "unserviceable"] as const;

function conditionText(value: string, t: Translate): string {
  return (CONDITIONS as readonly string[]).includes(value) ? t(`dashboards.condition.${value as (typeof CONDITIONS)[number]}`) : value;
}

function resultText(value: string, t: Translate): string {
  return (RESULTS as readonly string[]).includes(value) ? t(`dashboards.checkResult.${value as (typeof RESULTS)[number]}`) : value;
}

/** The award's indicators: baseline, target and accepted actuals. */
export function AwardIndicators({ indicators, t, locale }: I18nProps & { indicators: AwardOverview["indicators"] }) {
  return (
    <TableSection
      id="award-indicators"
      heading={t("dashboards.award.indicatorsHeading")}
      caption={t("dashboards.award.indicatorsCaption")}
      columns={indicatorColumns({ t, locale })}
      rows={indicators}
      rowKey={(i) => i.key}
      empty={t("dashboards.indicators.none")}
      t={t}
      testId="award-indicators-table"
    />
  );
}

/** The award's deliverables: due date, status, and on time or late. */
export function AwardDeliverables({ deliverables, t, locale }: I18nProps & { deliverables: AwardDeliverable[] }) {
  const columns: Column<AwardDeliverable>[] = [
    { key: "title", header: t("dashboards.award.deliverableColumns.title"), rowHeader: true, cell: (d) => d.title },
    { key: "dueOn", header: t("dashboards.award.deliverableColumns.dueOn"), className: "nowrap", cell: (d) => formatDate(d.dueOn, locale) },
    { key: "status", header: t("dashboards.award.deliverableColumns.status"), cell: (d) => t(`dashboards.deliverableStatus.${d.status}`) },
    {
      key: "timeliness",
      header: t("dashboards.award.deliverableColumns.timeliness"),
      cell: (d) => (d.isLate ? <Badge tone="danger">{t("dashboards.deliverables.late")}</Badge> : <Badge>{t("dashboards.deliverables.onTime")}</Badge>),
    },
  ];
  return (
    <TableSection
      id="award-deliverables"
      heading={t("dashboards.deliverables.heading")}
      caption={t("dashboards.award.deliverablesCaption")}
      columns={columns}
      rows={deliverables}
      rowKey={(d) => d.id}
      empty={t("dashboards.deliverables.none")}
      t={t}
      testId="award-deliverables-table"
    />
  );
}

/** The equipment handed over: kind, model, quantity, custodian, condition and the latest end-use check. */
export function AwardEquipmentTable({ equipment, t, locale }: I18nProps & { equipment: AwardEquipment[] }) {
  const columns: Column<AwardEquipment>[] = [
    { key: "kind", header: t("dashboards.award.equipmentColumns.kind"), rowHeader: true, cell: (e) => e.kind },
    { key: "model", header: t("dashboards.award.equipmentColumns.model"), cell: (e) => e.model ?? "—" },
    { key: "quantity", header: t("dashboards.award.equipmentColumns.quantity"), cell: (e) => formatNumber(e.quantity, locale) },
    {
      key: "handoverOn",
      header: t("dashboards.award.equipmentColumns.handoverOn"),
      cell: (e) => (e.handoverOn ? formatDate(e.handoverOn, locale) : t("dashboards.award.noHandover")),
    },
    { key: "custodian", header: t("dashboards.award.equipmentColumns.custodian"), cell: (e) => e.custodianAgency },
    { key: "condition", header: t("dashboards.award.equipmentColumns.condition"), cell: (e) => conditionText(e.condition, t) },
    {
      key: "lastCheck",
      header: t("dashboards.award.equipmentColumns.lastCheck"),
      cell: (e) =>
        e.lastCheck
          ? t("dashboards.award.checkValue", { date: formatDate(e.lastCheck.checkedOn, locale), result: resultText(e.lastCheck.result, t) })
          : t("dashboards.award.noChecks"),
    },
  ];
  // Equipment rows have no id of their own on the dashboard: their place in the list keys them.
  const rows = equipment.map((item, index) => ({ ...item, rowKey: `${index}-${item.kind}` }));
  return (
    <TableSection
      id="award-equipment"
      heading={t("dashboards.award.equipmentHeading")}
      caption={t("dashboards.award.equipmentCaption")}
      columns={columns}
      rows={rows}
      rowKey={(e) => e.rowKey}
      empty={t("dashboards.award.equipmentNone")}
      t={t}
      testId="award-equipment-table"
    />
  );
}

/** The tranches: planned amount and date, and what was disbursed when. */
export function AwardTranches({ tranches, currency, t, locale }: I18nProps & { tranches: AwardDisbursement[]; currency: string }) {
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const columns: Column<AwardDisbursement>[] = [
    { key: "tranche", header: t("dashboards.award.trancheColumns.tranche"), rowHeader: true, cell: (tr) => t("dashboards.award.trancheValue", { number: tr.trancheNumber }) },
    { key: "planned", header: t("dashboards.award.trancheColumns.planned"), className: "nowrap", cell: (tr) => money(tr.plannedAmountMinor) },
    { key: "plannedOn", header: t("dashboards.award.trancheColumns.plannedOn"), className: "nowrap", cell: (tr) => formatDate(tr.plannedOn, locale) },
    {
      key: "disbursed",
      header: t("dashboards.award.trancheColumns.disbursed"),
      className: "nowrap",
      cell: (tr) => (tr.disbursedMinor === null ? t("dashboards.award.notDisbursed") : money(tr.disbursedMinor)),
    },
    { key: "disbursedOn", header: t("dashboards.award.trancheColumns.disbursedOn"), className: "nowrap", cell: (tr) => (tr.disbursedOn ? formatDate(tr.disbursedOn, locale) : "—") },
  ];
  return (
    <TableSection
      id="award-tranches"
      heading={t("dashboards.award.tranchesHeading")}
      caption={t("dashboards.award.tranchesCaption")}
      columns={columns}
      rows={tranches}
      rowKey={(tr) => String(tr.trancheNumber)}
      empty={t("dashboards.award.tranchesNone")}
      t={t}
      testId="award-tranches-table"
    />
  );
}

/** The award's accepted reports (counted in cards above the table), each narrative in full. */
export function AwardReports({ reports, counts, t, locale }: I18nProps & { reports: AcceptedReportSummary[]; counts: AwardOverview["award"]["reportCounts"] }) {
  const columns: Column<AcceptedReportSummary>[] = [
    { key: "period", header: t("dashboards.reports.columns.period"), rowHeader: true, cell: (r) => <PeriodCell report={r} t={t} locale={locale} /> },
    { key: "accepted", header: t("dashboards.reports.columns.accepted"), className: "nowrap", cell: (r) => <AcceptedOn report={r} locale={locale} /> },
    { key: "narrative", header: t("dashboards.reports.columns.narrative"), cell: (r) => <Narrative report={r} full t={t} locale={locale} /> },
  ];
  return (
    <TableSection
      id="award-reports"
      heading={t("dashboards.reports.awardHeading")}
      before={<ReportCountCards counts={counts} t={t} locale={locale} />}
      caption={t("dashboards.award.reportsCaption")}
      columns={columns}
      rows={reports}
      rowKey={(r) => r.reportId}
      empty={t("dashboards.reports.none")}
      t={t}
      testId="award-reports-table"
    />
  );
}

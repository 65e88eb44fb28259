// The progress report of one award for donors: cover, summary figures, indicators, tranches,
// deliverables, equipment and the accepted reports. Prints only what AwardOverview carries.
import { Document, Text, View } from "@react-pdf/renderer";
import type { AwardOverview } from "@/lib/dashboards/types";
import type { Locale } from "@/lib/i18n/config";
import { CoverFacts, Figures, Heading, IndicatorTable, Paragraphs, ReportPage, Table, type Column, type Row } from "./components";
import { excerpt, narrativeIn, paragraphs, pdfKit, type PdfKit } from "./format";
import { PDF_CREATOR } from "./program-report";
import { styles } from "./styles";

export function AwardReport({ overview, locale }: { overview: AwardOverview; locale: Locale }) {
  const kit = pdfKit(locale, overview.program.currency);
  const { award, money, program } = overview;
  const label = `${award.reference} · ${excerpt(kit.name(program), 40)}`;
  return (
    <Document title={kit.t("pdf.documentTitle.award", { reference: award.reference })} language={locale} creator={PDF_CREATOR} producer={PDF_CREATOR}>
      <ReportPage kit={kit} label={label} asOf={overview.asOf}>
        <Text style={styles.coverKicker}>{kit.t("pdf.cover.awardKicker")}</Text>
        <Text style={styles.coverTitle}>{kit.awardTitle(award)}</Text>
        <Text style={styles.coverSubtitle}>{kit.t("pdf.cover.award", { reference: award.reference })}</Text>
        <Text style={styles.coverLabel}>{kit.t("pdf.cover.program")}</Text>
        <Text style={styles.coverValue}>{kit.name(program)}</Text>
        <Text style={styles.coverLabel}>{kit.t("pdf.cover.country")}</Text>
        <Text style={styles.coverValue}>{kit.name(award.country)}</Text>
        <Text style={styles.coverLabel}>{kit.t("pdf.cover.partner")}</Text>
        <Text style={styles.coverValue}>{kit.name(award.partner)}</Text>
        <Text style={styles.coverLabel}>{kit.t("pdf.cover.status")}</Text>
        <Text style={styles.coverValue}>
          {kit.t(award.status === "completed" ? "pdf.awardStatus.completed" : "pdf.awardStatus.active")} ·{" "}
          {kit.t("pdf.cover.awardPeriod", { start: kit.date(award.startsOn), end: kit.date(award.endsOn) })}
        </Text>
        <CoverFacts kit={kit} program={program} asOf={overview.asOf} />
      </ReportPage>
      <ReportPage kit={kit} label={label} asOf={overview.asOf}>
        <Heading>{kit.t("pdf.summary.heading")}</Heading>
        <Figures
          items={[
            { label: kit.t("pdf.summary.committed"), value: kit.money(money.committedMinor) },
            { label: kit.t("pdf.summary.disbursed"), value: kit.money(money.disbursedMinor) },
            { label: kit.t("pdf.summary.remainingToDisburse"), value: kit.money(Math.max(0, money.committedMinor - money.disbursedMinor)) },
            { label: kit.t("pdf.summary.reportedExpenditure"), value: kit.money(money.reportedExpenditureMinor) },
            {
              label: kit.t("pdf.summary.deliverables"),
              value: kit.t("pdf.summary.deliverablesValue", {
                total: award.deliverables.total,
                onTime: award.deliverables.onTime,
                late: kit.count("pdf.tally.late", award.deliverables.late),
              }),
            },
            {
              label: kit.t("pdf.summary.reports"),
              value: kit.t("pdf.summary.reportsValue", {
                accepted: kit.count("pdf.tally.accepted", award.reportCounts.accepted),
                overdue: kit.count("pdf.tally.overdue", award.reportCounts.overdue),
              }),
            },
          ]}
        />
        <Text style={styles.small}>{kit.t("pdf.summary.reportedNote")}</Text>

        <Heading level={2}>{kit.t("pdf.indicators.heading")}</Heading>
        <IndicatorTable kit={kit} indicators={overview.indicators} />

        <TranchesSection kit={kit} overview={overview} />
        <DeliverablesSection kit={kit} overview={overview} />
        <EquipmentSection kit={kit} overview={overview} />
        <ReportsSection kit={kit} overview={overview} />
      </ReportPage>
    </Document>
  );
}

function TranchesSection({ kit, overview }: { kit: PdfKit; overview: AwardOverview }) {
  const columns: Column[] = [
    { header: kit.t("pdf.tranches.columns.tranche"), width: "16%" },
    { header: kit.t("pdf.tranches.columns.plannedOn"), width: "22%" },
    { header: kit.t("pdf.tranches.columns.planned"), width: "20%", align: "right" },
    { header: kit.t("pdf.tranches.columns.disbursedOn"), width: "22%" },
    { header: kit.t("pdf.tranches.columns.disbursed"), width: "20%", align: "right" },
  ];
  const rows: Row[] = overview.tranches.map((tr) => ({
    key: String(tr.trancheNumber),
    cells: [
      kit.t("pdf.tranches.number", { number: tr.trancheNumber }),
      kit.date(tr.plannedOn),
      kit.money(tr.plannedAmountMinor),
      tr.disbursedOn ? kit.date(tr.disbursedOn) : kit.t("pdf.tranches.notYet"),
      tr.disbursedMinor === null ? "—" : kit.money(tr.disbursedMinor),
    ],
  }));
  return (
    <View>
      <Heading level={2}>{kit.t("pdf.tranches.heading")}</Heading>
      {rows.length === 0 ? <Text style={styles.muted}>{kit.t("pdf.tranches.none")}</Text> : <Table columns={columns} rows={rows} />}
    </View>
  );
}

function DeliverablesSection({ kit, overview }: { kit: PdfKit; overview: AwardOverview }) {
  const columns: Column[] = [
    { header: kit.t("pdf.deliverables.columns.title"), width: "52%" },
    { header: kit.t("pdf.deliverables.columns.dueOn"), width: "24%" },
    { header: kit.t("pdf.deliverables.columns.status"), width: "24%" },
  ];
  const rows: Row[] = overview.deliverables.map((d) => ({
    key: d.id,
    cells: [
      d.title,
      kit.date(d.dueOn),
      d.isLate
        ? { text: kit.t(`pdf.deliverables.status.${d.status}`), sub: kit.t("pdf.deliverables.lateFlag"), late: true }
        : kit.t(`pdf.deliverables.status.${d.status}`),
    ],
  }));
  return (
    <View>
      <Heading level={2}>{kit.t("pdf.deliverables.heading")}</Heading>
      {rows.length === 0 ? (
        <Text style={styles.muted}>{kit.t("pdf.deliverables.none")}</Text>
      ) : (
        <>
          <Text style={styles.small}>{kit.t("pdf.deliverables.lateNote", { date: kit.date(overview.asOf) })}</Text>
          <Table columns={columns} rows={rows} />
        </>
      )}
    </View>
  );
}

function EquipmentSection({ kit, overview }: { kit: PdfKit; overview: AwardOverview }) {
  const columns: Column[] = [
    { header: kit.t("pdf.equipment.columns.kind"), width: "24%" },
    { header: kit.t("pdf.equipment.columns.quantity"), width: "10%", align: "right" },
    { header: kit.t("pdf.equipment.columns.handoverOn"), width: "16%" },
    { header: kit.t("pdf.equipment.columns.custodian"), width: "20%" },
    { header: kit.t("pdf.equipment.columns.condition"), width: "12%" },
    { header: kit.t("pdf.equipment.columns.lastCheck"), width: "18%" },
  ];
  const rows: Row[] = overview.equipment.map((e, i) => ({
    key: String(i),
    cells: [
      e.model ? { text: e.kind, sub: e.model } : e.kind,
      kit.quantity(String(e.quantity)),
      e.handoverOn ? kit.date(e.handoverOn) : kit.t("pdf.equipment.notHandedOver"),
      e.custodianAgency,
      conditionLabel(kit, e.condition),
      e.lastCheck ? kit.t("pdf.equipment.check", { date: kit.date(e.lastCheck.checkedOn), result: resultLabel(kit, e.lastCheck.result) }) : kit.t("pdf.equipment.noCheck"),
    ],
  }));
  return (
    <View>
      <Heading level={2}>{kit.t("pdf.equipment.heading")}</Heading>
      {rows.length === 0 ? <Text style={styles.muted}>{kit.t("pdf.equipment.none")}</Text> : <Table columns={columns} rows={rows} />}
    </View>
  );
}

const CONDITIONS = ["new", "good", "fair", "poor", "unserviceable"] as const;
const RESULTS = ["in_use_as_intended", "not_found", "misused", "unserviceable"] as const;

// The equipment shapes carry plain strings: an unknown value prints as stored rather than as a key.
function conditionLabel(kit: PdfKit, condition: string): string {
  return (CONDITIONS as readonly string[]).includes(condition) ? kit.t(`pdf.equipment.condition.${condition as (typeof CONDITIONS)[number]}`) : condition;
}
function resultLabel(kit: PdfKit, result: string): string {
  return (RESULTS as readonly string[]).includes(result) ? kit.t(`pdf.equipment.result.${result as (typeof RESULTS)[number]}`) : result;
}

function ReportsSection({ kit, overview }: { kit: PdfKit; overview: AwardOverview }) {
  return (
    <View>
      <Heading level={2}>{kit.t("pdf.reports.heading")}</Heading>
      {overview.reports.length === 0 ? <Text style={styles.muted}>{kit.t("pdf.reports.none")}</Text> : null}
      {overview.reports.map((r) => {
        const narrative = narrativeIn(kit.locale, r);
        const params = { number: r.periodNumber, start: kit.date(r.periodStartsOn), end: kit.date(r.periodEndsOn) };
        return (
          <View key={r.reportId} style={styles.section}>
            <Heading level={3}>{kit.t(r.isFinal ? "pdf.reports.finalPeriod" : "pdf.reports.period", params)}</Heading>
            <Text style={styles.small}>{kit.t("pdf.reports.acceptedOn", { date: kit.date(r.acceptedAt) })}</Text>
            {narrative ? <Paragraphs texts={paragraphs(narrative)} style={styles.excerpt} /> : <Text style={styles.muted}>{kit.t("pdf.reports.noNarrative")}</Text>}
          </View>
        );
      })}
    </View>
  );
}

// The program progress report for donors: cover, summary figures, indicators, one section per country,
// deliverables and financials. Prints only what ProgramOverview carries (accepted, donor-safe data).
import { Document, Text, View } from "@react-pdf/renderer";
import type { AcceptedReportSummary, AwardSummary, CountrySummary, DeliverableCounts, ProgramOverview } from "@/lib/dashboards/types";
import type { Locale } from "@/lib/i18n/config";
import { CoverFacts, Figures, Heading, IndicatorTable, ReportPage, Table, type Cell, type Column, type Row } from "./components";
import { excerpt, narrativeIn, pdfKit, type PdfKit } from "./format";
import { styles } from "./styles";

export const PDF_CREATOR = "Firearms Assistance Portal";

export function ProgramReport({ overview, locale }: { overview: ProgramOverview; locale: Locale }) {
  const kit = pdfKit(locale, overview.program.currency);
  const { program, money } = overview;
  const programName = kit.name(program);
  const label = excerpt(programName, 60);
  const hasAwards = overview.awards.length > 0;
  return (
    <Document title={kit.t("pdf.documentTitle.program", { program: programName })} language={locale} creator={PDF_CREATOR} producer={PDF_CREATOR}>
      <ReportPage kit={kit} label={label} asOf={overview.asOf}>
        <Text style={styles.coverKicker}>{kit.t("pdf.cover.kicker")}</Text>
        <Text style={styles.coverTitle}>{programName}</Text>
        <Text style={styles.coverSubtitle}>{kit.t("pdf.cover.programPeriod", { start: kit.date(program.startsOn), end: kit.date(program.endsOn) })}</Text>
        <CoverFacts kit={kit} program={program} asOf={overview.asOf} />
      </ReportPage>
      <ReportPage kit={kit} label={label} asOf={overview.asOf}>
        <Heading>{kit.t("pdf.summary.heading")}</Heading>
        <Figures
          items={[
            { label: kit.t("pdf.summary.ceiling"), value: kit.money(money.ceilingMinor) },
            { label: kit.t("pdf.summary.committed"), value: kit.money(money.committedMinor) },
            { label: kit.t("pdf.summary.remaining"), value: kit.money(money.remainingMinor) },
            { label: kit.t("pdf.summary.disbursed"), value: kit.money(money.disbursedMinor) },
            { label: kit.t("pdf.summary.reportedExpenditure"), value: kit.money(money.reportedExpenditureMinor) },
            { label: kit.t("pdf.summary.awards"), value: String(overview.awards.length) },
            { label: kit.t("pdf.summary.countries"), value: String(overview.countries.length) },
            {
              label: kit.t("pdf.summary.deliverables"),
              value: kit.t("pdf.summary.deliverablesValue", {
                total: overview.deliverables.total,
                onTime: overview.deliverables.onTime,
                late: kit.count("pdf.tally.late", overview.deliverables.late),
              }),
            },
            {
              label: kit.t("pdf.summary.reports"),
              value: kit.t("pdf.summary.reportsValue", {
                accepted: kit.count("pdf.tally.accepted", overview.reportCounts.accepted),
                overdue: kit.count("pdf.tally.overdue", overview.reportCounts.overdue),
              }),
            },
          ]}
        />
        <Text style={styles.small}>{kit.t("pdf.summary.reportedNote")}</Text>
        {hasAwards ? null : <Text style={[styles.h2, styles.muted]}>{kit.t("pdf.noAwards")}</Text>}

        <Heading level={2}>{kit.t("pdf.indicators.heading")}</Heading>
        <Text style={styles.small}>{kit.t("pdf.indicators.intro")}</Text>
        <IndicatorTable kit={kit} indicators={overview.indicators} />

      </ReportPage>
      {hasAwards ? (
        <ReportPage kit={kit} label={label} asOf={overview.asOf}>
          <CountrySections kit={kit} overview={overview} />
        </ReportPage>
      ) : null}
      {hasAwards ? (
        <ReportPage kit={kit} label={label} asOf={overview.asOf}>
          <DeliverablesSection kit={kit} overview={overview} />
        </ReportPage>
      ) : null}
      {hasAwards ? (
        <ReportPage kit={kit} label={label} asOf={overview.asOf}>
          <FinancialsSection kit={kit} overview={overview} />
        </ReportPage>
      ) : null}
    </Document>
  );
}

function CountrySections({ kit, overview }: { kit: PdfKit; overview: ProgramOverview }) {
  const awardsOf = new Map<string, AwardSummary[]>();
  for (const a of overview.awards) awardsOf.set(a.countryIso2, [...(awardsOf.get(a.countryIso2) ?? []), a]);
  // latestReports is newest first: the first one of a country is its latest.
  const latestOf = new Map<string, AcceptedReportSummary>();
  for (const r of overview.latestReports) if (!latestOf.has(r.countryIso2)) latestOf.set(r.countryIso2, r);
  return (
    <>
      <Heading>{kit.t("pdf.countries.heading")}</Heading>
      {overview.countries.map((c) => (
        <CountrySection key={c.iso2} kit={kit} country={c} awards={awardsOf.get(c.iso2) ?? []} latest={latestOf.get(c.iso2)} />
      ))}
    </>
  );
}

function CountrySection({ kit, country, awards, latest }: { kit: PdfKit; country: CountrySummary; awards: AwardSummary[]; latest?: AcceptedReportSummary }) {
  const columns: Column[] = [
    { header: kit.t("pdf.countries.columns.award"), width: "54%" },
    { header: kit.t("pdf.countries.columns.partner"), width: "30%" },
    { header: kit.t("pdf.countries.columns.amount"), width: "16%", align: "right" },
  ];
  const rows: Row[] = awards.map((a) => ({
    key: a.id,
    cells: [
      { text: a.reference, sub: kit.awardTitle(a) },
      kit.name(a.partner),
      kit.money(a.committedMinor),
    ],
  }));
  const narrative = latest ? narrativeIn(kit.locale, latest) : null;
  return (
    <View style={styles.section}>
      {/* The country's heading and figures stay together, with its table's header and first row below. */}
      <View wrap={false} minPresenceAhead={90}>
        <Heading level={2}>{kit.name(country)}</Heading>
        <Figures
          items={[
            { label: kit.t("pdf.countries.awards"), value: String(country.awards) },
            { label: kit.t("pdf.summary.committed"), value: kit.money(country.committedMinor) },
            { label: kit.t("pdf.summary.disbursed"), value: kit.money(country.disbursedMinor) },
            { label: kit.t("pdf.summary.reportedExpenditure"), value: kit.money(country.reportedExpenditureMinor) },
          ]}
        />
        <Text style={styles.paragraph}>
          {kit.t("pdf.countries.deliverables", {
            onTime: country.deliverables.onTime,
            late: kit.count("pdf.tally.late", country.deliverables.late),
            total: country.deliverables.total,
            accepted: kit.count("pdf.tally.accepted", country.deliverables.accepted),
          })}
        </Text>
      </View>
      <Table columns={columns} rows={rows} />
      {latest ? (
        <View wrap={false}>
          <Text style={styles.h3}>
            {kit.t("pdf.countries.latestReport", {
              reference: latest.awardReference,
              number: latest.periodNumber,
              start: kit.date(latest.periodStartsOn),
              end: kit.date(latest.periodEndsOn),
              date: kit.date(latest.acceptedAt),
            })}
          </Text>
          <Text style={styles.excerpt}>{narrative ? excerpt(narrative) : kit.t("pdf.countries.noNarrative")}</Text>
        </View>
      ) : (
        <Text style={styles.small}>{kit.t("pdf.countries.noReport")}</Text>
      )}
    </View>
  );
}

// Counts per country, then only the awards that have late deliverables: the per-award counts are
// already in each country's section, and a 100-row table of mostly zeros would hide the late ones.
function DeliverablesSection({ kit, overview }: { kit: PdfKit; overview: ProgramOverview }) {
  const d = overview.deliverables;
  const countColumns = (first: Column[]): Column[] => [
    ...first,
    { header: kit.t("pdf.deliverables.columns.total"), width: "11%", align: "right" },
    { header: kit.t("pdf.deliverables.columns.accepted"), width: "11%", align: "right" },
    { header: kit.t("pdf.deliverables.columns.onTime"), width: "11%", align: "right" },
    { header: kit.t("pdf.deliverables.columns.late"), width: "11%", align: "right" },
  ];
  const countCells = (c: DeliverableCounts): Cell[] => [
    String(c.total),
    String(c.accepted),
    String(c.onTime),
    c.late > 0 ? { text: String(c.late), late: true } : "0",
  ];
  const countryRows: Row[] = overview.countries.map((c) => ({ key: c.iso2, cells: [kit.name(c), ...countCells(c.deliverables)] }));
  const lateRows: Row[] = overview.awards
    .filter((a) => a.deliverables.late > 0)
    .map((a) => ({ key: a.id, cells: [a.reference, kit.name(a.country), ...countCells(a.deliverables)] }));
  return (
    <>
      <Heading>{kit.t("pdf.deliverables.heading")}</Heading>
      <Figures
        items={[
          { label: kit.t("pdf.deliverables.total"), value: String(d.total) },
          { label: kit.t("pdf.deliverables.accepted"), value: String(d.accepted) },
          { label: kit.t("pdf.deliverables.onTime"), value: String(d.onTime) },
          { label: kit.t("pdf.deliverables.late"), value: String(d.late) },
        ]}
      />
      <Text style={styles.small}>{kit.t("pdf.deliverables.lateNote", { date: kit.date(overview.asOf) })}</Text>
      <Heading level={2}>{kit.t("pdf.deliverables.byCountry")}</Heading>
      <Table columns={countColumns([{ header: kit.t("pdf.deliverables.columns.country"), width: "56%" }])} rows={countryRows} />
      <Heading level={2}>{kit.t("pdf.deliverables.lateAwards")}</Heading>
      {lateRows.length === 0 ? (
        <Text style={styles.muted}>{kit.t("pdf.deliverables.noneLate")}</Text>
      ) : (
        <Table
          columns={countColumns([
            { header: kit.t("pdf.deliverables.columns.award"), width: "28%" },
            { header: kit.t("pdf.deliverables.columns.country"), width: "28%" },
          ])}
          rows={lateRows}
        />
      )}
    </>
  );
}

function FinancialsSection({ kit, overview }: { kit: PdfKit; overview: ProgramOverview }) {
  const columns: Column[] = [
    { header: kit.t("pdf.financials.columns.award"), width: "22%" },
    { header: kit.t("pdf.financials.columns.country"), width: "21%" },
    { header: kit.t("pdf.financials.columns.committed"), width: "19%", align: "right" },
    { header: kit.t("pdf.financials.columns.disbursed"), width: "19%", align: "right" },
    { header: kit.t("pdf.financials.columns.reported"), width: "19%", align: "right" },
  ];
  const rows: Row[] = overview.awards.map((a) => ({
    key: a.id,
    cells: [a.reference, kit.name(a.country), kit.money(a.committedMinor), kit.money(a.disbursedMinor), kit.money(a.reportedExpenditureMinor)],
  }));
  const m = overview.money;
  return (
    <>
      <Heading>{kit.t("pdf.financials.heading")}</Heading>
      <Text style={styles.small}>{kit.t("pdf.financials.intro", { currency: overview.program.currency })}</Text>
      <Table
        columns={columns}
        rows={rows}
        total={[kit.t("pdf.financials.total"), "", kit.money(m.committedMinor), kit.money(m.disbursedMinor), kit.money(m.reportedExpenditureMinor)]}
      />
    </>
  );
}

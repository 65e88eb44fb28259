// The program progress report for donors: cover, summary figures, indicators, one section per country,
// deliverables and financials. Prints only what ProgramReport carries (accepted, donor-safe data): every
// figure counts all the program's reported awards, but only the largest awards are listed by name, and only
// the awards with the most late deliverables (lib/dashboards/report.ts REPORT_AWARD_LIMIT); the PDF says how
// many of how many, and that the others are in the figures by country.
import { Document, Text, View } from "@react-pdf/renderer";
import type { AcceptedReportSummary, CountrySummary, DeliverableCounts, ProgramReport } from "@/lib/dashboards/types";
import type { Locale } from "@/lib/i18n/config";
import { CoverFacts, Figures, Heading, IndicatorTable, ReportPage, Table, type Cell, type Column, type Row } from "./components";
import { excerpt, narrativeIn, pdfKit, type PdfKit } from "./format";
import { styles } from "./styles";

export const PDF_CREATOR = "Firearms Assistance Portal";

export function ProgramReportDocument({ overview, locale }: { overview: ProgramReport; locale: Locale }) {
  const kit = pdfKit(locale, overview.program.currency);
  const { program, money } = overview;
  const programName = kit.name(program);
  const label = excerpt(programName, 60);
  const hasAwards = overview.awardCount > 0;
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
            { label: kit.t("pdf.summary.awards"), value: kit.number(overview.awardCount) },
            { label: kit.t("pdf.summary.countries"), value: kit.number(overview.countries.length) },
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

// One section per country: its figures (over all its awards, listed or not) and its latest accepted report.
function CountrySections({ kit, overview }: { kit: PdfKit; overview: ProgramReport }) {
  // latestReports is newest first: the first one of a country is its latest.
  const latestOf = new Map<string, AcceptedReportSummary>();
  for (const r of overview.latestReports) if (!latestOf.has(r.countryIso2)) latestOf.set(r.countryIso2, r);
  return (
    <>
      <Heading>{kit.t("pdf.countries.heading")}</Heading>
      {overview.countries.map((c) => (
        <CountrySection key={c.iso2} kit={kit} country={c} latest={latestOf.get(c.iso2)} />
      ))}
    </>
  );
}

function CountrySection({ kit, country, latest }: { kit: PdfKit; country: CountrySummary; latest?: AcceptedReportSummary }) {
  const narrative = latest ? narrativeIn(kit.locale, latest) : null;
  return (
    <View style={styles.section} wrap={false}>
      <Heading level={2}>{kit.name(country)}</Heading>
      <Figures
        items={[
          { label: kit.t("pdf.countries.awards"), value: kit.number(country.awards) },
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
      {latest ? (
        <>
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
        </>
      ) : (
        <Text style={styles.small}>{kit.t("pdf.countries.noReport")}</Text>
      )}
    </View>
  );
}

// Counts per country, then only the awards that have late deliverables (a table of mostly zeros would
// hide the late ones), the most late first, at most the report's limit.
function DeliverablesSection({ kit, overview }: { kit: PdfKit; overview: ProgramReport }) {
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
  const lateRows: Row[] = overview.lateAwards.map((a) => ({ key: a.id, cells: [a.reference, kit.name(a.country), ...countCells(a.deliverables)] }));
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
        <>
          {lateRows.length < overview.lateAwardCount ? (
            <Text style={styles.small}>{kit.count("pdf.deliverables.lateListed", lateRows.length, { total: kit.number(overview.lateAwardCount) })}</Text>
          ) : null}
          <Table
          columns={countColumns([
            { header: kit.t("pdf.deliverables.columns.award"), width: "28%" },
            { header: kit.t("pdf.deliverables.columns.country"), width: "28%" },
          ])}
          rows={lateRows}
          />
        </>
      )}
    </>
  );
}

// Money by country (every award), then the largest awards one by one: all of them up to the report's limit,
// else the limit's largest, with how many are listed, their share of the money and how many are not.
function FinancialsSection({ kit, overview }: { kit: PdfKit; overview: ProgramReport }) {
  const m = overview.money;
  const total = [kit.t("pdf.financials.total"), kit.money(m.committedMinor), kit.money(m.disbursedMinor), kit.money(m.reportedExpenditureMinor)];
  const countryColumns: Column[] = [
    { header: kit.t("pdf.financials.columns.country"), width: "31%" },
    { header: kit.t("pdf.financials.columns.awards"), width: "12%", align: "right" },
    { header: kit.t("pdf.financials.columns.committed"), width: "19%", align: "right" },
    { header: kit.t("pdf.financials.columns.disbursed"), width: "19%", align: "right" },
    { header: kit.t("pdf.financials.columns.reported"), width: "19%", align: "right" },
  ];
  const countryRows: Row[] = overview.countries.map((c) => ({
    key: c.iso2,
    cells: [kit.name(c), kit.number(c.awards), kit.money(c.committedMinor), kit.money(c.disbursedMinor), kit.money(c.reportedExpenditureMinor)],
  }));
  const awardColumns: Column[] = [
    { header: kit.t("pdf.financials.columns.award"), width: "28%" },
    { header: kit.t("pdf.financials.columns.country"), width: "18%" },
    { header: kit.t("pdf.financials.columns.committed"), width: "18%", align: "right" },
    { header: kit.t("pdf.financials.columns.disbursed"), width: "18%", align: "right" },
    { header: kit.t("pdf.financials.columns.reported"), width: "18%", align: "right" },
  ];
  const awardRows: Row[] = overview.awards.map((a) => ({
    key: a.id,
    cells: [{ text: a.reference, sub: kit.awardTitle(a) }, kit.name(a.country), kit.money(a.committedMinor), kit.money(a.disbursedMinor), kit.money(a.reportedExpenditureMinor)],
  }));
  const listed = overview.awards.length;
  const rest = overview.awardCount - listed;
  const listedCommitted = overview.awards.reduce((sum, a) => sum + a.committedMinor, 0);
  return (
    <>
      <Heading>{kit.t("pdf.financials.heading")}</Heading>
      <Text style={styles.small}>{kit.t("pdf.financials.intro", { currency: overview.program.currency })}</Text>
      <Heading level={2}>{kit.t("pdf.financials.byCountry")}</Heading>
      <Table columns={countryColumns} rows={countryRows} total={[total[0], kit.number(overview.awardCount), ...total.slice(1)]} />
      <Heading level={2}>{rest > 0 ? kit.t("pdf.financials.largestAwards") : kit.t("pdf.financials.awards")}</Heading>
      {rest > 0 ? (
        <Text style={styles.small}>
          {kit.count("pdf.financials.listed", listed, { total: kit.number(overview.awardCount), share: kit.share(listedCommitted, m.committedMinor) })}{" "}
          {kit.count("pdf.financials.summarised", rest)}
        </Text>
      ) : null}
      <Table columns={awardColumns} rows={awardRows} total={rest > 0 ? undefined : [total[0], "", ...total.slice(1)]} />
    </>
  );
}

// Programs at a glance (server component): one card per program with its funds, headline indicators
// against targets, deliverables on time and late and the latest accepted report; the donor's home and
// the dashboards list show them, each card leading to the program's dashboard.
import Link from "next/link";
import type { ProgramGlance } from "@/lib/dashboards/glance";
import type { Locale } from "@/lib/i18n/config";
import { formatDate, formatMoney, formatNumber } from "@/lib/i18n/format";
import { plural } from "@/lib/i18n/plural";
import type { Translate } from "@/lib/i18n/translate";
import { DataTable, type Column } from "@/components/ui/data-table";
import type { IndicatorTotal } from "@/lib/dashboards/types";
import { indicatorColumns } from "./dashboard-table";
import { DemoFiguresBadge, Fact } from "./program-sections";
import { nameIn } from "./text";

interface Props {
  glances: ProgramGlance[];
  /** The dashboards list shows the funds in its table already. */
  showMoney?: boolean;
  t: Translate;
  locale: Locale;
}

export function ProgramGlances({ glances, showMoney = true, t, locale }: Props) {
  return (
    <div className="dash-glances">
      {glances.map((g) => (
        <GlanceCard key={g.program.id} glance={g} showMoney={showMoney} t={t} locale={locale} />
      ))}
    </div>
  );
}

const GLANCE_COLUMNS = ["indicator", "actual", "target", "percent"];

/** A card's indicator columns: name, accepted actuals, target and progress. */
function glanceColumns(i18n: { t: Translate; locale: Locale }): Column<IndicatorTotal>[] {
  return indicatorColumns<IndicatorTotal>(i18n)
    .filter((c) => GLANCE_COLUMNS.includes(c.key))
    .sort((a, b) => GLANCE_COLUMNS.indexOf(a.key) - GLANCE_COLUMNS.indexOf(b.key));
}

function GlanceCard({ glance: g, showMoney, t, locale }: { glance: ProgramGlance; showMoney: boolean; t: Translate; locale: Locale }) {
  const href = `/dashboards/${encodeURIComponent(g.program.id)}`;
  const headingId = `glance-${g.program.key}`;
  const money = (minor: number) => formatMoney(minor, g.program.currency, locale);
  const n = (v: number) => formatNumber(v, locale);
  const report = g.latestReport;
  return (
    <article className="card stack" aria-labelledby={headingId} data-testid={`glance-${g.program.key}`}>
      <h3 id={headingId}>
        <Link href={href}>{nameIn(locale, g.program)}</Link>
        {g.program.isDemoFigures ? (
          <>
            {" "}
            <DemoFiguresBadge t={t} />
          </>
        ) : null}
      </h3>
      {showMoney ? (
        <dl className="dash-facts" data-testid="glance-money">
          <Fact label={t("dashboards.money.ceiling")} value={money(g.money.ceilingMinor)} />
          <Fact label={t("dashboards.money.committed")} value={money(g.money.committedMinor)} />
          <Fact label={t("dashboards.money.disbursed")} value={money(g.money.disbursedMinor)} />
          <Fact label={t("dashboards.money.remaining")} value={money(g.money.remainingMinor)} />
        </dl>
      ) : null}
      <dl className="dash-facts">
        <Fact label={t("dashboards.glance.awards")} value={n(g.awards)} />
        <Fact label={t("dashboards.glance.countries")} value={n(g.countries)} />
        <Fact
          label={t("dashboards.deliverables.heading")}
          value={
            g.deliverables.total === 0
              ? t("dashboards.glance.noDeliverables")
              : t("dashboards.deliverables.barLabel", {
                  onTime: n(g.deliverables.onTime),
                  late: plural(t, locale, "dashboards.tally.late", g.deliverables.late),
                  total: n(g.deliverables.total),
                })
          }
          testId="glance-deliverables"
        />
        <Fact
          label={t("dashboards.glance.reports")}
          value={t("dashboards.glance.reportsValue", {
            accepted: plural(t, locale, "dashboards.tally.accepted", g.reportCounts.accepted),
            overdue: plural(t, locale, "dashboards.tally.overdue", g.reportCounts.overdue),
          })}
          testId="glance-reports"
        />
      </dl>
      <DataTable
        caption={t("dashboards.glance.indicatorsCaption")}
        columns={glanceColumns({ t, locale })}
        rows={g.indicators}
        rowKey={(i) => i.key}
        empty={t("dashboards.indicators.none")}
        t={t}
        testId="glance-indicators"
      />
      {g.indicatorCount > g.indicators.length ? (
        <p className="muted small">{t("dashboards.glance.moreIndicators", { count: n(g.indicatorCount - g.indicators.length) })}</p>
      ) : null}
      <p data-testid="glance-latest-report">
        <strong>{t("dashboards.glance.latestReport")}:</strong>{" "}
        {report
          ? t("dashboards.glance.latestReportValue", {
              number: report.periodNumber,
              award: report.awardReference,
              country: nameIn(locale, report.country),
              date: formatDate(report.acceptedAt, locale),
            })
          : t("dashboards.reports.none")}
      </p>
    </article>
  );
}

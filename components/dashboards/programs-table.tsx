// The list of program dashboards (a server component): each program's period, awards and funds.
import Link from "next/link";
import { DataTable, type Column } from "@/components/ui/data-table";
import type { ProgramGlance } from "@/lib/dashboards/glance";
import { formatDate, formatMoney, formatNumber } from "@/lib/i18n/format";
import type { I18nProps } from "./dashboard-table";
import { DemoFiguresBadge } from "./program-sections";
import { nameIn } from "./text";

/** The programs this user may open, each linking to its dashboard, with its funds in its own currency. */
export function ProgramsTable({ glances, t, locale }: I18nProps & { glances: ProgramGlance[] }) {
  const money = (g: ProgramGlance, minor: number) => formatMoney(minor, g.program.currency, locale);
  const columns: Column<ProgramGlance>[] = [
    {
      key: "program",
      header: t("dashboards.list.columns.program"),
      rowHeader: true,
      cell: ({ program: p }) => (
        <>
          <Link href={`/dashboards/${encodeURIComponent(p.id)}`}>{nameIn(locale, p)}</Link>
          {p.isDemoFigures ? (
            <div>
              <DemoFiguresBadge t={t} />
            </div>
          ) : null}
        </>
      ),
    },
    {
      key: "period",
      header: t("dashboards.list.columns.period"),
      cell: ({ program: p }) => t("dashboards.periodValue", { start: formatDate(p.startsOn, locale), end: formatDate(p.endsOn, locale) }),
    },
    { key: "awards", header: t("dashboards.list.columns.awards"), cell: (g) => formatNumber(g.awards, locale) },
    { key: "ceiling", header: t("dashboards.list.columns.ceiling"), className: "nowrap", cell: (g) => money(g, g.money.ceilingMinor) },
    { key: "committed", header: t("dashboards.list.columns.committed"), className: "nowrap", cell: (g) => money(g, g.money.committedMinor) },
    { key: "disbursed", header: t("dashboards.list.columns.disbursed"), className: "nowrap", cell: (g) => money(g, g.money.disbursedMinor) },
    { key: "remaining", header: t("dashboards.list.columns.remaining"), className: "nowrap", cell: (g) => <strong>{money(g, g.money.remainingMinor)}</strong> },
  ];
  return (
    <DataTable
      caption={t("dashboards.list.caption")}
      columns={columns}
      rows={glances}
      rowKey={(g) => g.program.id}
      empty={t("dashboards.list.empty")}
      t={t}
      testId="dashboards-table"
    />
  );
}

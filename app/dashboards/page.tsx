import Link from "next/link";
import { notFound } from "next/navigation";
import { ProgramGlances } from "@/components/dashboards/program-glance";
import { DemoFiguresBadge } from "@/components/dashboards/program-sections";
import { nameIn } from "@/components/dashboards/text";
import { requireUser } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/policies";
import { mayViewDashboards } from "@/lib/dashboards/access";
import { listProgramGlances } from "@/lib/dashboards/queries";
import { formatDate, formatMoney, formatNumber } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const { t } = await getI18n();
  return { title: `${t("dashboards.pageTitle")} · ${t("common.appName")}` };
}

/**
 * The program dashboards this user may open, with their funds: officers, approvers and admins every
 * program, donors the programs their organization funds. Anyone else gets a 404.
 */
export default async function DashboardsPage() {
  const user = await requireUser();
  if (!mayViewDashboards(user)) notFound();
  const { t, locale } = await getI18n();
  // One set of figures for the table and the cards below it.
  const glances = await listProgramGlances(user);
  const seesAll = hasPermission(user, "programs.readAll");

  return (
    <div className="stack">
      <h1>{t("dashboards.list.title")}</h1>
      <p className="muted">{seesAll ? t("dashboards.list.introAll") : t("dashboards.list.introDonor")}</p>
      {glances.length === 0 ? (
        <p className="muted">{t("dashboards.list.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="dashboards-table">
            <caption className="muted">
              {t("dashboards.list.caption")}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("dashboards.list.columns.program")}</th>
                <th scope="col">{t("dashboards.list.columns.period")}</th>
                <th scope="col">{t("dashboards.list.columns.awards")}</th>
                <th scope="col">{t("dashboards.list.columns.ceiling")}</th>
                <th scope="col">{t("dashboards.list.columns.committed")}</th>
                <th scope="col">{t("dashboards.list.columns.disbursed")}</th>
                <th scope="col">{t("dashboards.list.columns.remaining")}</th>
              </tr>
            </thead>
            <tbody>
              {glances.map(({ program: p, money: funds, awards }) => {
                const money = (minor: number) => formatMoney(minor, p.currency, locale);
                return (
                  <tr key={p.id}>
                    <th scope="row">
                      <Link href={`/dashboards/${encodeURIComponent(p.id)}`}>{nameIn(locale, p)}</Link>
                      {p.isDemoFigures ? (
                        <div>
                          <DemoFiguresBadge t={t} />
                        </div>
                      ) : null}
                    </th>
                    <td>{t("dashboards.periodValue", { start: formatDate(p.startsOn, locale), end: formatDate(p.endsOn, locale) })}</td>
                    <td>{formatNumber(awards, locale)}</td>
                    <td className="nowrap">{money(funds.ceilingMinor)}</td>
                    <td className="nowrap">{money(funds.committedMinor)}</td>
                    <td className="nowrap">{money(funds.disbursedMinor)}</td>
                    <td className="nowrap">
                      <strong>{money(funds.remainingMinor)}</strong>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {glances.some((g) => g.program.isDemoFigures) ? <p className="muted small">{t("dashboards.demoFiguresNote")}</p> : null}
      {glances.length > 0 ? (
        <section className="stack" aria-labelledby="dash-glances">
          <h2 id="dash-glances">{t("dashboards.glance.heading")}</h2>
          <p className="muted">{t("dashboards.glance.intro")}</p>
          <ProgramGlances glances={glances} showMoney={false} t={t} locale={locale} />
        </section>
      ) : null}
    </div>
  );
}

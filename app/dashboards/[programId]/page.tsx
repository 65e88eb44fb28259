import { Breadcrumb, DeliverablesSummary, Downloads, MoneyCards, ProgramHeader } from "@/components/dashboards/program-sections";
import { AwardsTable, CountriesSection, IndicatorsSection, LatestReports } from "@/components/dashboards/program-tables";
import { nameIn } from "@/components/dashboards/text";
import { requireUser } from "@/lib/auth/current-user";
import { dashboardPagesOf } from "@/lib/dashboards/pages";
import { getProgramDashboard } from "@/lib/dashboards/queries";
import { rethrowAsNotFound } from "@/lib/http/not-found";
import { getI18n } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;

export async function generateMetadata() {
  const { t } = await getI18n();
  return { title: `${t("dashboards.pageTitle")} · ${t("common.appName")}` };
}

/**
 * One program's dashboard: funds, countries, indicators, deliverables, accepted reports, awards and
 * downloads; the countries, reports and awards tables a page at a time (?countries=, ?reports=,
 * ?awards=). Anyone who may open this program's dashboard (donors: programs they fund); else 404.
 */
export default async function ProgramDashboardPage({ params, searchParams }: { params: Promise<{ programId: string }>; searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  const [{ programId }, search] = await Promise.all([params, searchParams]);
  const { pages, query } = dashboardPagesOf(search);
  const overview = await getProgramDashboard(user, programId, { pages: { awards: { page: pages.awards }, reports: { page: pages.reports } } }).catch(rethrowAsNotFound);
  const { t, locale } = await getI18n();
  const { program } = overview;
  const i18n = { t, locale };
  const links = { basePath: `/dashboards/${encodeURIComponent(program.id)}`, query };

  return (
    <div className="stack">
      <Breadcrumb t={t} items={[{ href: "/dashboards", label: t("dashboards.pageTitle") }, { label: nameIn(locale, program) }]} />
      <ProgramHeader program={program} asOf={overview.asOf} {...i18n} />
      <div className="dash-layout">
        <div className="stack">
          <MoneyCards money={overview.money} currency={program.currency} {...i18n} />
          <CountriesSection programId={program.id} countries={overview.countries} page={pages.countries} links={links} currency={program.currency} {...i18n} />
        </div>
        <Downloads programId={program.id} hasAwards={overview.awards.total > 0} t={t} />
      </div>
      <IndicatorsSection indicators={overview.indicators} {...i18n} />
      <DeliverablesSummary counts={overview.deliverables} {...i18n} />
      <LatestReports programId={program.id} reports={overview.reports} links={links} counts={overview.reportCounts} {...i18n} />
      <AwardsTable programId={program.id} awards={overview.awards} links={links} currency={program.currency} {...i18n} />
    </div>
  );
}

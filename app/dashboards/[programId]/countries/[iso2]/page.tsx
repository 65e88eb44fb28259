import { Breadcrumb, DeliverablesSummary, MoneyCards, ProgramHeader } from "@/components/dashboards/program-sections";
import { AwardsTable, IndicatorsSection, LatestReports } from "@/components/dashboards/program-tables";
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
 * A program's dashboard restricted to one country: its funds, indicators, deliverables, accepted
 * reports and awards (those two a page at a time, ?reports= and ?awards=). Anyone who may open the program's dashboard; else 404 (also for a country that is
 * malformed or neither eligible nor awarded).
 */
export default async function CountryDashboardPage({
  params,
  searchParams,
}: {
  params: Promise<{ programId: string; iso2: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const user = await requireUser();
  const [{ programId, iso2 }, search] = await Promise.all([params, searchParams]);
  const { pages, query } = dashboardPagesOf(search);
  const overview = await getProgramDashboard(user, programId, {
    country: iso2,
    pages: { awards: { page: pages.awards }, reports: { page: pages.reports } },
  }).catch(rethrowAsNotFound);
  const { t, locale } = await getI18n();
  const { program } = overview;
  const country = overview.country ?? { iso2: iso2.toUpperCase(), nameEn: iso2.toUpperCase(), nameEs: iso2.toUpperCase() };
  const i18n = { t, locale };
  const links = { basePath: `/dashboards/${encodeURIComponent(program.id)}/countries/${encodeURIComponent(country.iso2)}`, query: { reports: query.reports, awards: query.awards } };

  return (
    <div className="stack">
      <Breadcrumb
        t={t}
        items={[
          { href: "/dashboards", label: t("dashboards.pageTitle") },
          { href: `/dashboards/${encodeURIComponent(program.id)}`, label: nameIn(locale, program) },
          { label: nameIn(locale, country) },
        ]}
      />
      <ProgramHeader
        program={program}
        asOf={overview.asOf}
        title={t("dashboards.country.title", { country: nameIn(locale, country), program: nameIn(locale, program) })}
        {...i18n}
      />
      <p className="muted">{t("dashboards.country.intro")}</p>
      <MoneyCards money={overview.money} currency={program.currency} isCountry {...i18n} />
      <IndicatorsSection indicators={overview.indicators} {...i18n} />
      <DeliverablesSummary counts={overview.deliverables} {...i18n} />
      <LatestReports programId={program.id} reports={overview.reports} links={links} counts={overview.reportCounts} {...i18n} />
      <AwardsTable programId={program.id} awards={overview.awards} links={links} currency={program.currency} {...i18n} />
    </div>
  );
}

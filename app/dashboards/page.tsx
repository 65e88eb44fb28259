import { notFound } from "next/navigation";
import { ProgramGlances } from "@/components/dashboards/program-glance";
import { ProgramsTable } from "@/components/dashboards/programs-table";
import { requireUser } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/policies";
import { mayViewDashboards } from "@/lib/dashboards/access";
import { listProgramGlances } from "@/lib/dashboards/queries";
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
      <ProgramsTable glances={glances} t={t} locale={locale} />
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

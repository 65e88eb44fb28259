import { AwardBreadcrumb, AwardHeader, AwardMoney } from "@/components/dashboards/award-header";
import { AwardDeliverables, AwardEquipmentTable, AwardIndicators, AwardReports, AwardTranches } from "@/components/dashboards/award-tables";
import { requireUser } from "@/lib/auth/current-user";
import { getAwardOverview } from "@/lib/dashboards/queries";
import { rethrowAsNotFound } from "@/lib/http/not-found";
import { getI18n } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const { t } = await getI18n();
  return { title: `${t("dashboards.award.pageTitle")} · ${t("common.appName")}` };
}

/**
 * One award of a program dashboard: header, funds, indicators, deliverables, equipment, tranches and
 * accepted reports. Anyone who may open the program's dashboard, for its running or finished awards;
 * an award of another program, or one awaiting approval or cancelled, is a 404.
 */
export default async function AwardDashboardPage({ params }: { params: Promise<{ programId: string; awardId: string }> }) {
  const user = await requireUser();
  const { programId, awardId } = await params;
  const overview = await getAwardOverview(user, awardId, { programId }).catch(rethrowAsNotFound);
  const { t, locale } = await getI18n();
  const i18n = { t, locale };

  return (
    <div className="stack">
      <AwardBreadcrumb overview={overview} {...i18n} />
      <AwardHeader overview={overview} {...i18n} />
      <AwardMoney money={overview.money} currency={overview.program.currency} {...i18n} />
      <AwardIndicators indicators={overview.indicators} {...i18n} />
      <AwardDeliverables deliverables={overview.deliverables} {...i18n} />
      <AwardEquipmentTable equipment={overview.equipment} {...i18n} />
      <AwardTranches tranches={overview.tranches} currency={overview.program.currency} {...i18n} />
      <AwardReports reports={overview.reports} counts={overview.award.reportCounts} {...i18n} />
    </div>
  );
}

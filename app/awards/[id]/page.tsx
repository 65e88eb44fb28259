import { DetailItem, DetailList } from "@/components/ui/detail-list";
import Link from "next/link";
import { ApproveAwardButton } from "@/components/awards/approve-award-button";
import { awardStatusBadgeClass } from "@/components/awards/award-labels";
import { DeliverablesSection } from "@/components/deliverables/deliverables-section";
import { EquipmentSection } from "@/components/equipment/equipment-section";
import { ReportingSection } from "@/components/reporting/reporting-section";
import { TranchesSection } from "@/components/tranches/tranches-section";
import { requireUser } from "@/lib/auth/current-user";
import { getAward } from "@/lib/awards/queries";
import { formatDate, formatDateTime, formatMoney } from "@/lib/i18n/format";
import { rethrowAsNotFound } from "@/lib/http/not-found";
import { getI18n } from "@/lib/i18n/server";
import { approveAwardAction } from "../actions";
import { loadAwardDelivery } from "./delivery";
import * as deliveryActions from "./delivery-actions";
import { getAwardReporting, listIndicatorLibrary } from "@/lib/reporting/queries";
import { setAwardIndicatorsAction, setReportingFrequencyAction } from "./reports/actions";

export const dynamic = "force-dynamic";

const NOTICES = ["created", "createdPending", "approved"] as const;
type Notice = (typeof NOTICES)[number];

export async function generateMetadata() {
  const { t } = await getI18n();
  return { title: `${t("awards.detail.pageTitle")} · ${t("common.appName")}` };
}

/**
 * One award: program, partner, amount, period, status, tranches, deliverables and the requests it
 * answers, with the second approval for an eligible approver. Anyone who may see the award; else 404.
 */
export default async function AwardPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const { id } = await params;
  const { notice: rawNotice } = await searchParams;
  const award = await getAward(user, id).catch(rethrowAsNotFound);
  const delivery = await loadAwardDelivery(user, award.id);
  const { t, locale } = await getI18n();
  // The reporting section's data, for the same user (donors see accepted reports only).
  const reporting = await getAwardReporting(user, award.id);
  const indicatorLibrary = reporting.canEditIndicators ? await listIndicatorLibrary() : [];
  const notice = (NOTICES as readonly string[]).includes(String(rawNotice)) ? (rawNotice as Notice) : null;
  const name = (n: { nameEn: string; nameEs: string }) => (locale === "es" ? n.nameEs : n.nameEn);
  const money = (minor: number) => formatMoney(minor, award.currency, locale);
  const title = (locale === "es" ? award.titleEs : award.titleEn) ?? award.titleEs ?? award.titleEn;
  const blocker = award.approvalBlocker === "creator" || award.approvalBlocker === "reviewer" ? award.approvalBlocker : null;

  return (
    <div className="stack">
      <p>
        <Link href="/awards">{t("awards.detail.back")}</Link>
      </p>
      {notice ? (
        <div className="alert alert-success" role="status">
          {t(`awards.notices.${notice}`)}
        </div>
      ) : null}

      <div className="card stack">
        <p className="muted m-0">
          <span data-testid="award-reference">{award.reference}</span> ·{" "}
          <span className={awardStatusBadgeClass(award.status)} data-testid="award-status">
            {t(`awards.status.${award.status}`)}
          </span>
        </p>
        <h1>{title ?? t("awards.detail.untitled", { reference: award.reference })}</h1>
      </div>

      {award.status === "pending_approval" && (award.canApprove || blocker) ? (
        <section className="card stack" aria-labelledby="award-approval">
          <h2 id="award-approval">{t("awards.detail.approvalHeading")}</h2>
          <p>{t("awards.detail.approvalIntro")}</p>
          {award.canApprove ? (
            <ApproveAwardButton action={approveAwardAction} awardId={award.id} version={award.version} reference={award.reference} amountText={money(award.amountMinor)} />
          ) : blocker ? (
            <p className="alert alert-info">{t(`awards.detail.blockers.${blocker}`)}</p>
          ) : null}
        </section>
      ) : null}

      <section className="card stack" aria-labelledby="award-summary">
        <h2 id="award-summary">{t("awards.detail.summaryHeading")}</h2>
        <DetailList>
          <DetailItem label={t("awards.detail.status")}>{t(`awards.status.${award.status}`)}</DetailItem>
          <DetailItem label={t("awards.detail.program")}>{name(award.program)}</DetailItem>
          <DetailItem label={t("awards.detail.partner")}>{name(award.partner)}</DetailItem>
          <DetailItem label={t("awards.detail.country")}>{name(award.country)}</DetailItem>
          <DetailItem label={t("awards.detail.amount")}>
            <span data-testid="award-amount">{money(award.amountMinor)}</span>
          </DetailItem>
          <DetailItem label={t("awards.detail.period")}>
            {t("awards.detail.periodValue", { start: formatDate(award.startsOn, locale), end: formatDate(award.endsOn, locale) })}
          </DetailItem>
          <DetailItem label={t("awards.detail.createdBy")}>{award.createdByName ?? t("awards.detail.unknownUser")}</DetailItem>
          <DetailItem label={t("awards.detail.createdOn")}>
            <time dateTime={award.createdAt.toISOString()}>{formatDateTime(award.createdAt, locale)}</time>
          </DetailItem>
          <DetailItem label={t("awards.detail.secondApproval")}>
            {award.approvedAt
              ? t("awards.detail.approvedBy", {
                  name: award.approvedByName ?? t("awards.detail.unknownUser"),
                  date: formatDateTime(award.approvedAt, locale),
                })
              : award.status === "pending_approval"
                ? t("awards.detail.awaitingApproval")
                : t("awards.detail.notNeeded", { threshold: formatMoney(award.program.approvalThresholdMinor, award.program.currency, locale) })}
          </DetailItem>
        </DetailList>
      </section>

      <TranchesSection data={delivery.tranches} actions={deliveryActions} />
      <DeliverablesSection data={delivery.deliverables} today={delivery.today} actions={deliveryActions} />
      <section className="card stack" aria-labelledby="award-requests">
        <h2 id="award-requests">{t("awards.detail.requestsHeading")}</h2>
        {award.requests.length === 0 ? (
          <p className="muted">{t("awards.detail.requestsNone")}</p>
        ) : (
          <ul>
            {award.requests.map((r) => {
              const requestTitle = (locale === "es" ? r.titleEs : r.titleEn) ?? (r.primaryLocale === "es" ? r.titleEs : r.titleEn);
              return (
                <li key={r.id}>
                  {r.isVisible ? <Link href={`/requests/${encodeURIComponent(r.id)}`}>{r.reference}</Link> : r.reference}
                  {requestTitle ? ` · ${requestTitle}` : null}
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <EquipmentSection data={delivery.equipment} actions={deliveryActions} />
      <ReportingSection
        reporting={reporting}
        library={indicatorLibrary}
        setIndicatorsAction={setAwardIndicatorsAction}
        setFrequencyAction={setReportingFrequencyAction}
        t={t}
        locale={locale}
      />
    </div>
  );
}

import { DetailItem, DetailList } from "@/components/ui/detail-list";
import Link from "next/link";
import { RequestComments } from "@/components/comments/comments";
import { OfficerNoticeBanner } from "@/components/requests/notice-banner";
import { RequestAttachments } from "@/components/requests/attachments";
import { SubmitRequestButton, WithdrawRequestButton } from "@/components/requests/request-actions";
import { formValuesFromRequest } from "@/components/requests/form-values";
import { statusBadgeClass } from "@/components/requests/request-display";
import { RequestHistory } from "@/components/requests/request-history";
import { RequestDetailsSection, RequestTexts } from "@/components/requests/request-sections";
import type { Locale } from "@/lib/enums";
import { requireUser } from "@/lib/auth/current-user";
import { formatDate, formatDateTime, formatMoney } from "@/lib/i18n/format";
import { rethrowAsNotFound } from "@/lib/http/not-found";
import { getI18n } from "@/lib/i18n/server";
import { getRequest, getRequestTimeline } from "@/lib/requests/queries";
import { saveRequestAction, withdrawRequestAction } from "../actions";
import { removeAttachmentAction } from "./attachments/actions";
import { OfficerPanels } from "./officer-panels";
import { loadRequestPanels } from "./panels";
import { addCommentAction } from "./officer-actions";

export const dynamic = "force-dynamic";

const NOTICES = ["saved", "submitted", "withdrawn"] as const;
type Notice = (typeof NOTICES)[number];

export async function generateMetadata() {
  const { t } = await getI18n();
  return { title: `${t("requests.detail.pageTitle")} · ${t("common.appName")}` };
}

/**
 * One request: status, content, the actions open to this user now, attachments, submissions and
 * history. Anyone who may see the request (its country's focal points, officers once submitted).
 */
export default async function RequestDetailPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const { id } = await params;
  const { notice: rawNotice } = await searchParams;
  const [detail, timeline] = await Promise.all([
    getRequest(user, id).catch(rethrowAsNotFound),
    getRequestTimeline(user, id).catch(rethrowAsNotFound),
  ]);
  const panels = await loadRequestPanels(user, detail.id);
  const { t, locale } = await getI18n();
  const notice = (NOTICES as readonly string[]).includes(String(rawNotice)) ? (rawNotice as Notice) : null;

  const primary: Locale = detail.primaryLocale;
  const other: Locale = primary === "es" ? "en" : "es";
  const titleIn = (l: Locale) => {
    const value = l === "es" ? detail.titleEs : detail.titleEn;
    return value && value.trim() ? value : null;
  };
  const primaryTitle = titleIn(primary);
  const otherTitle = titleIn(other);
  const notGiven = <span className="muted">{t("requests.detail.notGiven")}</span>;
  const urgency =
    detail.urgency === "low" || detail.urgency === "medium" || detail.urgency === "high" || detail.urgency === "critical"
      ? detail.urgency
      : null;
  const canSubmit = detail.canEdit && detail.events.includes("submit");
  const canWithdraw = detail.events.includes("withdraw");
  const base = `/requests/${encodeURIComponent(detail.id)}`;

  return (
    <div className="stack">
      <p>
        <Link href="/requests">{t("requests.detail.back")}</Link>
      </p>
      {notice ? (
        <div className="alert alert-success" role="status">
          {t(`requests.notices.${notice}`)}
        </div>
      ) : null}

      <OfficerNoticeBanner notice={rawNotice} />

      <div className="card stack">
        <p className="muted m-0">
          <span data-testid="request-reference">{detail.reference}</span> ·{" "}
          <span className={statusBadgeClass(detail.status)} data-testid="request-status">
            {t(`requests.status.${detail.status}`)}
          </span>
        </p>
        <h1 lang={primaryTitle ? primary : undefined}>{primaryTitle ?? otherTitle ?? t("requests.detail.untitled")}</h1>
        {primaryTitle && otherTitle ? (
          <p className="muted">
            {t("requests.detail.otherLanguageTitle", { language: t(`requests.languageNames.${other}`) })}{" "}
            <span lang={other}>{otherTitle}</span>
          </p>
        ) : null}
      </div>

      <section className="card stack" aria-labelledby="request-actions">
        <h2 id="request-actions">{t("requests.detail.actionsHeading")}</h2>
        {detail.canEdit || canSubmit || canWithdraw ? (
          <div className="stack">
            {detail.canEdit ? (
              <p>
                <Link className="btn" href={`${base}/edit`}>
                  {t("requests.detail.edit")}
                </Link>
              </p>
            ) : null}
            {canSubmit ? (
              <SubmitRequestButton
                saveRequestAction={saveRequestAction}
                requestId={detail.id}
                version={detail.version}
                values={formValuesFromRequest({ ...detail, programIds: detail.programs.map((p) => p.id) })}
              />
            ) : null}
            {canWithdraw ? (
              <WithdrawRequestButton withdrawRequestAction={withdrawRequestAction} requestId={detail.id} version={detail.version} reference={detail.reference} />
            ) : null}
          </div>
        ) : (
          <p className="muted">{t("requests.detail.actionsNone")}</p>
        )}
      </section>

      <OfficerPanels panels={panels} />

      <section className="card stack" aria-labelledby="request-summary">
        <h2 id="request-summary">{t("requests.detail.summaryHeading")}</h2>
        <DetailList>
          <DetailItem label={t("requests.fields.status")}>{t(`requests.status.${detail.status}`)}</DetailItem>
          <DetailItem label={t("requests.fields.country")}>{locale === "es" ? detail.country.nameEs : detail.country.nameEn}</DetailItem>
          <DetailItem label={t("requests.fields.category")}>{detail.category ? t(`common.categories.${detail.category}`) : notGiven}</DetailItem>
          <DetailItem label={t("requests.fields.urgency")}>{urgency ? t(`requests.urgency.${urgency}`) : notGiven}</DetailItem>
          <DetailItem label={t("requests.fields.estimatedCost")}>
            {detail.estimatedCostMinor === null ? notGiven : formatMoney(detail.estimatedCostMinor, detail.currency, locale)}
          </DetailItem>
          <DetailItem label={t("requests.fields.desiredStartOn")}>{detail.desiredStartOn ? formatDate(detail.desiredStartOn, locale) : notGiven}</DetailItem>
          <DetailItem label={t("requests.fields.primaryLocale")}>{t(`common.languageNames.${primary}`)}</DetailItem>
          <DetailItem label={t("requests.fields.createdBy")}>{detail.createdByName ?? t("requests.detail.unknownActor")}</DetailItem>
          <DetailItem label={t("requests.fields.createdAt")}>
            <time dateTime={detail.createdAt.toISOString()}>{formatDateTime(detail.createdAt, locale)}</time>
          </DetailItem>
          <DetailItem label={t("requests.fields.updatedAt")}>
            <time dateTime={detail.updatedAt.toISOString()}>{formatDateTime(detail.updatedAt, locale)}</time>
          </DetailItem>
          {detail.submittedAt ? (
            <DetailItem label={t("requests.fields.submittedAt")}>
              <time dateTime={detail.submittedAt.toISOString()}>{formatDateTime(detail.submittedAt, locale)}</time>
            </DetailItem>
          ) : null}
        </DetailList>
      </section>

      <RequestDetailsSection detail={detail} />

      <RequestTexts detail={detail} />

      <div className="card">
        <RequestAttachments
          requestId={detail.id}
          attachments={detail.attachments}
          canEdit={detail.canEdit}
          removeAttachmentAction={removeAttachmentAction}
        />
      </div>

      <RequestComments requestId={detail.id} data={panels.comments} addAction={addCommentAction} />

      <RequestHistory base={base} revisions={detail.revisions} timeline={timeline} />
    </div>
  );
}

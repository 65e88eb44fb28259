import { DetailItem, DetailList } from "@/components/ui/detail-list";
import Link from "next/link";
import { AwardPanel } from "@/components/awards/award-panel";
import { RequestComments } from "@/components/comments/comments";
import { DecisionLetters } from "@/components/decisions/letters";
import { DecisionPanel } from "@/components/decisions/decision-panel";
import { ProgramMatching } from "@/components/matching/matching";
import { OfficerNoticeBanner } from "@/components/requests/notice-banner";
import { ScreeningPanel } from "@/components/screening/screening-panel";
import { RequestAttachments } from "@/components/requests/attachments";
import { ReviewPanel } from "@/components/reviews/review-panel";
import { assignReviewersAction } from "@/app/reviews/actions";
import { completeScreeningAction } from "@/app/requests/[id]/officer-actions";
import { SubmitRequestButton, WithdrawRequestButton } from "@/components/requests/request-actions";
import { formatDetailValue } from "@/components/requests/detail-fields";
import { formValuesFromRequest } from "@/components/requests/form-values";
import { statusBadgeClass, timelineActionKey } from "@/components/requests/request-display";
import type { Locale } from "@/lib/enums";
import { requireUser } from "@/lib/auth/current-user";
import { formatDate, formatDateTime, formatMoney } from "@/lib/i18n/format";
import { rethrowAsNotFound } from "@/lib/http/not-found";
import { getI18n } from "@/lib/i18n/server";
import { getRequest, getRequestTimeline } from "@/lib/requests/queries";
import { CATEGORY_FIELDS } from "@/lib/requests/schema";

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
  const { t, locale } = await getI18n();
  const notice = (NOTICES as readonly string[]).includes(String(rawNotice)) ? (rawNotice as Notice) : null;

  const primary: Locale = detail.primaryLocale;
  const other: Locale = primary === "es" ? "en" : "es";
  const text = (field: "title" | "narrative" | "justification", l: Locale) => {
    const value = detail[`${field}${l === "es" ? "Es" : "En"}`];
    return value && value.trim() ? value : null;
  };
  const primaryTitle = text("title", primary);
  const otherTitle = text("title", other);
  const notGiven = <span className="muted">{t("requests.detail.notGiven")}</span>;
  const urgency =
    detail.urgency === "low" || detail.urgency === "medium" || detail.urgency === "high" || detail.urgency === "critical"
      ? detail.urgency
      : null;
  const detailFields = detail.category ? CATEGORY_FIELDS[detail.category].fields : [];
  const textLocales = [primary, other].filter((l) => text("narrative", l) || text("justification", l));
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
                requestId={detail.id}
                version={detail.version}
                values={formValuesFromRequest({ ...detail, programIds: detail.programs.map((p) => p.id) })}
              />
            ) : null}
            {canWithdraw ? <WithdrawRequestButton requestId={detail.id} version={detail.version} reference={detail.reference} /> : null}
          </div>
        ) : (
          <p className="muted">{t("requests.detail.actionsNone")}</p>
        )}
      </section>

      {/* The program office's work on the request; each panel shows itself only to those who may use it. */}
      <ScreeningPanel requestId={detail.id} completeAction={completeScreeningAction} />
      <ProgramMatching requestId={detail.id} />
      <ReviewPanel requestId={detail.id} assignAction={assignReviewersAction} />
      <DecisionPanel requestId={detail.id} />
      <DecisionLetters requestId={detail.id} />
      <AwardPanel requestId={detail.id} />

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

      <section className="card stack" aria-labelledby="request-details">
        <h2 id="request-details">{t("requests.detail.detailsHeading")}</h2>
        {!detail.category ? (
          <p className="muted">{t("requests.detail.detailsNoCategory")}</p>
        ) : detailFields.length === 0 ? (
          <p className="muted">{t("requests.detail.detailsNone")}</p>
        ) : (
          <DetailList>
            {detailFields.map((field) => {
              const value = formatDetailValue(field, detail.details[field], t, locale);
              return (
                <DetailItem key={field} label={t(`requests.details.${field}.label`)}>
                  {value === null ? notGiven : <span className="text-pre">{value}</span>}
                </DetailItem>
              );
            })}
          </DetailList>
        )}
        <h3>{t("requests.detail.programsHeading")}</h3>
        {detail.programs.length === 0 ? (
          <p className="muted">{t("requests.detail.programsNone")}</p>
        ) : (
          <ul>
            {detail.programs.map((p) => (
              <li key={p.id}>{locale === "es" ? p.nameEs : p.nameEn}</li>
            ))}
          </ul>
        )}
      </section>

      <section className="card stack" aria-labelledby="request-text">
        <h2 id="request-text">{t("requests.detail.textHeading")}</h2>
        {textLocales.length === 0 ? <p className="muted">{t("requests.detail.textNone")}</p> : null}
        {textLocales.map((l) => {
          const narrative = text("narrative", l);
          const justification = text("justification", l);
          return (
            <div key={l} className="stack">
              <h3 lang={l}>{t(`common.languageNames.${l}`)}</h3>
              <h4 className="m-0">{t("requests.form.narrativeLabel")}</h4>
              {narrative ? (
                <div lang={l} className="text-pre" data-testid={`narrative-${l}`}>
                  {narrative}
                </div>
              ) : (
                <p className="muted">{t("requests.detail.notGiven")}</p>
              )}
              <h4 className="m-0">{t("requests.form.justificationLabel")}</h4>
              {justification ? (
                <div lang={l} className="text-pre" data-testid={`justification-${l}`}>
                  {justification}
                </div>
              ) : (
                <p className="muted">{t("requests.detail.notGiven")}</p>
              )}
            </div>
          );
        })}
      </section>

      <div className="card">
        <RequestAttachments requestId={detail.id} attachments={detail.attachments} canEdit={detail.canEdit} />
      </div>

      <RequestComments requestId={detail.id} />

      <section className="card stack" aria-labelledby="request-revisions">
        <h2 id="request-revisions">{t("requests.detail.revisionsHeading")}</h2>
        {detail.revisions.length === 0 ? (
          <p className="muted">{t("requests.detail.revisionsNone")}</p>
        ) : (
          <ol>
            {detail.revisions.map((r) => (
              <li key={r.number}>
                <Link href={`${base}/revisions/${r.number}`}>{t("requests.detail.revisionLink", { number: r.number })}</Link>,{" "}
                {t("requests.detail.revisionSubmitted", { date: formatDateTime(r.submittedAt, locale) })} (
                {r.number === 1
                  ? t("requests.detail.revisionFirst")
                  : t("requests.detail.revisionCompare", { number: r.number - 1 })}
                )
              </li>
            ))}
          </ol>
        )}
      </section>

      <section className="card stack" aria-labelledby="request-timeline">
        <h2 id="request-timeline">{t("requests.detail.timelineHeading")}</h2>
        {timeline.length === 0 ? (
          <p className="muted">{t("requests.detail.timelineNone")}</p>
        ) : (
          <ol className="stack" data-testid="request-timeline">
            {timeline.map((event) => {
              const revision = event.details && typeof event.details === "object" ? (event.details as Record<string, unknown>).revision : undefined;
              return (
                <li key={event.id}>
                  <time dateTime={event.occurredAt.toISOString()}>{formatDateTime(event.occurredAt, locale)}</time>
                  {" · "}
                  <strong>{t(timelineActionKey(event.action))}</strong>
                  {typeof revision === "number" && Number.isInteger(revision) ? ` (${t("requests.timeline.revision", { number: revision })})` : null}{" "}
                  <span className="muted">
                    {t("requests.detail.timelineActor", {
                      name:
                        event.actorName ??
                        (event.actorKind === "program_office" ? t("officer.letters.programOffice") : t("requests.detail.unknownActor")),
                    })}
                  </span>
                </li>
              );
            })}
          </ol>
        )}
      </section>
    </div>
  );
}

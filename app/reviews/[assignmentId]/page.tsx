import Link from "next/link";
import { notFound } from "next/navigation";
import { displayTitle, statusBadgeClass } from "@/components/requests/request-display";
import { DeclareConflictForm } from "@/components/reviews/declare-conflict-form";
import { ReviewForm } from "@/components/reviews/review-form";
import { localName, reviewStatusBadgeClass } from "@/components/reviews/review-format";
import { AggregateTable, ConflictSubjectSection, RequestContent, RevisionChangesSection, ScoreTable } from "@/components/reviews/review-sections";
import { declareConflictAction, submitReviewAction } from "@/app/reviews/actions";
import { requireUser } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/policies";
import { NotFoundError } from "@/lib/errors";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";
import { getAssignmentForReviewer } from "@/lib/reviews/queries";

export const dynamic = "force-dynamic";

const NOTICES = ["declared", "recused", "submitted"] as const;
type Notice = (typeof NOTICES)[number];

export async function generateMetadata() {
  const { t } = await getI18n();
  return { title: `${t("reviews.detail.pageTitle")} · ${t("common.appName")}` };
}

/**
 * One of the reviewer's assignments: the conflict-of-interest declaration first, then the scoring form;
 * after submission their scores and then the other reviewers'. Before the declaration (and once
 * recused) only who asks and for what; after declaring no conflict, the request and what changed
 * between revisions. The assigned reviewer only; anyone else gets a 404.
 */
export default async function ReviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ assignmentId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  if (!hasPermission(user, "reviews.score")) notFound();
  const { assignmentId } = await params;
  const { notice: rawNotice } = await searchParams;
  const view = await getAssignmentForReviewer(user, assignmentId).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const { t, locale } = await getI18n();
  const notice = (NOTICES as readonly string[]).includes(String(rawNotice)) ? (rawNotice as Notice) : null;
  const { assignment, request, rubric } = view;
  const title = displayTitle(request, locale);
  const criterionName = (c: { nameEn: string; nameEs: string }) => localName(c, locale);

  return (
    <div className="stack">
      <p>
        <Link href="/reviews">{t("reviews.detail.back")}</Link>
      </p>
      {notice ? (
        <div className="alert alert-success" role="status">
          {t(`reviews.detail.notices.${notice}`)}
        </div>
      ) : null}

      <div className="card stack">
        <p className="muted m-0">
          <span data-testid="review-reference">{request.reference}</span> ·{" "}
          <span className={statusBadgeClass(request.status)}>{t(`requests.status.${request.status}`)}</span> ·{" "}
          <span className={reviewStatusBadgeClass(assignment.status)} data-testid="review-status">
            {t(`reviews.status.${assignment.status}`)}
          </span>
        </p>
        <h1 lang={title?.lang}>{title?.text ?? t("reviews.detail.heading", { reference: request.reference })}</h1>
        <p className="muted m-0">
          {t("reviews.detail.assignedOn", { date: formatDate(assignment.createdAt, locale) })}
          {view.program ? ` · ${t("reviews.detail.program", { name: localName(view.program, locale) })}` : null}
        </p>
      </div>

      {view.isRecused ? (
        <div className="alert alert-info stack" role="note" data-testid="review-recused">
          <p className="m-0">{assignment.isAutoRecused ? t("reviews.detail.recusedAuto") : t("reviews.detail.recusedDeclared")}</p>
          {!assignment.isAutoRecused && assignment.conflictReason ? (
            <p className="m-0 text-pre">{t("reviews.detail.recusedReason", { reason: assignment.conflictReason })}</p>
          ) : null}
        </div>
      ) : null}

      {!view.detail ? <ConflictSubjectSection subject={view.subject} isRecused={view.isRecused} t={t} locale={locale} /> : null}

      {assignment.status === "awaiting_declaration" ? (
        <section className="card stack" aria-labelledby="review-declare">
          <h2 id="review-declare">{t("reviews.declare.heading")}</h2>
          {view.canDeclare ? (
            <>
              <p>{t("reviews.declare.intro")}</p>
              <DeclareConflictForm assignmentId={assignment.id} action={declareConflictAction} />
            </>
          ) : (
            <p className="muted">{t("reviews.detail.closed")}</p>
          )}
        </section>
      ) : null}

      {assignment.status === "active" ? (
        <section className="card stack" aria-labelledby="review-score">
          <h2 id="review-score">{t("reviews.score.heading")}</h2>
          {view.canScore ? (
            <>
              <p>{t("reviews.score.intro")}</p>
              <ReviewForm
                assignmentId={assignment.id}
                action={submitReviewAction}
                criteria={rubric.map((c) => ({ id: c.id, name: criterionName(c), weight: c.weight }))}
              />
            </>
          ) : (
            <p className="muted">{rubric.length === 0 ? t("reviews.score.noRubric") : t("reviews.detail.closed")}</p>
          )}
        </section>
      ) : null}

      {assignment.status === "submitted" ? (
        <section className="card stack" aria-labelledby="review-own">
          <h2 id="review-own">{t("reviews.detail.ownHeading")}</h2>
          {assignment.submittedAt ? (
            <p className="muted">
              {t("reviews.detail.submittedOn", { date: formatDateTime(assignment.submittedAt, locale), number: assignment.revisionNumber ?? 1 })}
            </p>
          ) : null}
          <ScoreTable
            caption={t("reviews.detail.ownHeading")}
            rubric={rubric}
            scores={view.ownScores}
            total={view.ownTotal}
            t={t}
            locale={locale}
            testId="own-scores"
          />
          <p>
            <strong>{t("reviews.score.recommendationLegend")}:</strong>{" "}
            {assignment.recommendation ? t(`reviews.recommendation.${assignment.recommendation}`) : "–"}
          </p>
          <p className="text-strong m-0">{t("reviews.detail.overallComment")}</p>
          {assignment.comment ? <div className="text-pre">{assignment.comment}</div> : <p className="muted">{t("reviews.detail.noComment")}</p>}
        </section>
      ) : null}

      {!view.isRecused ? (
        <section className="card stack" aria-labelledby="review-peers" data-testid="review-peers">
          <h2 id="review-peers">{t("reviews.detail.peersHeading")}</h2>
          {view.peers === null ? (
            <p className="muted">{t("reviews.detail.peersHidden")}</p>
          ) : view.peers.length === 0 ? (
            <p className="muted">{t("reviews.detail.peersNone")}</p>
          ) : (
            <>
              {view.aggregate && view.aggregate.count > 0 ? (
                <>
                  <h3>{t("reviews.detail.aggregateHeading")}</h3>
                  <AggregateTable
                    rubric={rubric}
                    perCriterion={view.aggregate.perCriterion}
                    meanTotal={view.aggregate.meanTotal}
                    totalSpread={view.aggregate.totalSpread}
                    count={view.aggregate.count}
                    t={t}
                    locale={locale}
                  />
                </>
              ) : null}
              {view.peers.map((peer) => (
                <div key={peer.label} className="stack">
                  <h3>{t("reviews.detail.peerLabel", { number: peer.label })}</h3>
                  <ScoreTable
                    caption={t("reviews.detail.peerLabel", { number: peer.label })}
                    rubric={peer.scores.map((s) => ({ id: s.criterionId, nameEn: s.nameEn, nameEs: s.nameEs, weight: s.weight }))}
                    scores={peer.scores}
                    total={peer.weightedTotal}
                    t={t}
                    locale={locale}
                  />
                  <p>
                    <strong>{t("reviews.score.recommendationLegend")}:</strong>{" "}
                    {peer.recommendation ? t(`reviews.recommendation.${peer.recommendation}`) : "–"}
                  </p>
                  {peer.comment ? <div className="text-pre">{peer.comment}</div> : null}
                </div>
              ))}
            </>
          )}
        </section>
      ) : null}

      {view.detail ? (
        <>
          <RevisionChangesSection changes={view.changes} revisionCount={request.revisionCount} t={t} locale={locale} />
          <RequestContent detail={view.detail} t={t} locale={locale} />
        </>
      ) : null}
    </div>
  );
}

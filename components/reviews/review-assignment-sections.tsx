// Server-rendered sections of the reviewer's page for one assignment: who and what, the declaration,
// the scoring, the reviewer's own review and the other reviewers'. The page passes the data, the
// translator and the server actions the forms call.
import { displayTitle, statusBadgeClass } from "@/components/requests/request-display";
import type { Locale } from "@/lib/i18n/config";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import type { ReviewerAssignmentView } from "@/lib/reviews/queries";
import { DeclareConflictForm, type DeclareConflictAction } from "./declare-conflict-form";
import { ReviewForm, type SubmitReviewAction } from "./review-form";
import { localName, reviewStatusBadgeClass } from "./review-format";
import { AggregateTable, ScoreTable } from "./review-sections";

interface SectionProps {
  view: ReviewerAssignmentView;
  t: Translate;
  locale: Locale;
}

/** The request's reference, statuses and title, and when the review was assigned (on which program). */
export function AssignmentHeader({ view, t, locale }: SectionProps) {
  const { assignment, request } = view;
  const title = displayTitle(request, locale);
  return (
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
  );
}

/** Why the reviewer is recused: automatically, or by their own declaration (with its reason). */
export function RecusedNote({ view, t }: Omit<SectionProps, "locale">) {
  const { assignment } = view;
  return (
    <div className="alert alert-info stack" role="note" data-testid="review-recused">
      <p className="m-0">{assignment.isAutoRecused ? t("reviews.detail.recusedAuto") : t("reviews.detail.recusedDeclared")}</p>
      {!assignment.isAutoRecused && assignment.conflictReason ? (
        <p className="m-0 text-pre">{t("reviews.detail.recusedReason", { reason: assignment.conflictReason })}</p>
      ) : null}
    </div>
  );
}

/** The conflict-of-interest declaration, while the request can still be declared on. */
export function DeclarationSection({ view, t, action }: Omit<SectionProps, "locale"> & { action: DeclareConflictAction }) {
  return (
    <section className="card stack" aria-labelledby="review-declare">
      <h2 id="review-declare">{t("reviews.declare.heading")}</h2>
      {view.canDeclare ? (
        <>
          <p>{t("reviews.declare.intro")}</p>
          <DeclareConflictForm assignmentId={view.assignment.id} action={action} />
        </>
      ) : (
        <p className="muted">{t("reviews.detail.closed")}</p>
      )}
    </section>
  );
}

/** The scoring form on the program's rubric, while the request is under review and has one. */
export function ScoringSection({ view, t, locale, action }: SectionProps & { action: SubmitReviewAction }) {
  const { rubric } = view;
  return (
    <section className="card stack" aria-labelledby="review-score">
      <h2 id="review-score">{t("reviews.score.heading")}</h2>
      {view.canScore ? (
        <>
          <p>{t("reviews.score.intro")}</p>
          <ReviewForm
            assignmentId={view.assignment.id}
            action={action}
            criteria={rubric.map((c) => ({ id: c.id, name: localName(c, locale), weight: c.weight }))}
          />
        </>
      ) : (
        <p className="muted">{rubric.length === 0 ? t("reviews.score.noRubric") : t("reviews.detail.closed")}</p>
      )}
    </section>
  );
}

/** The reviewer's own submitted review: scores, weighted total, recommendation and comment. */
export function OwnReviewSection({ view, t, locale }: SectionProps) {
  const { assignment } = view;
  return (
    <section className="card stack" aria-labelledby="review-own">
      <h2 id="review-own">{t("reviews.detail.ownHeading")}</h2>
      {assignment.submittedAt ? (
        <p className="muted">
          {t("reviews.detail.submittedOn", { date: formatDateTime(assignment.submittedAt, locale), number: assignment.revisionNumber ?? 1 })}
        </p>
      ) : null}
      <ScoreTable caption={t("reviews.detail.ownHeading")} rubric={view.rubric} scores={view.ownScores} total={view.ownTotal} t={t} locale={locale} testId="own-scores" />
      <p>
        <strong>{t("reviews.score.recommendationLegend")}:</strong> {assignment.recommendation ? t(`reviews.recommendation.${assignment.recommendation}`) : "–"}
      </p>
      <p className="text-strong m-0">{t("reviews.detail.overallComment")}</p>
      {assignment.comment ? <div className="text-pre">{assignment.comment}</div> : <p className="muted">{t("reviews.detail.noComment")}</p>}
    </section>
  );
}

/** The other reviewers' reviews (numbered, not named) and their aggregate, once the reviewer has submitted. */
export function PeerReviewsSection({ view, t, locale }: SectionProps) {
  const { peers, aggregate, rubric } = view;
  return (
    <section className="card stack" aria-labelledby="review-peers" data-testid="review-peers">
      <h2 id="review-peers">{t("reviews.detail.peersHeading")}</h2>
      {peers === null ? (
        <p className="muted">{t("reviews.detail.peersHidden")}</p>
      ) : peers.length === 0 ? (
        <p className="muted">{t("reviews.detail.peersNone")}</p>
      ) : (
        <>
          {aggregate && aggregate.count > 0 ? (
            <>
              <h3>{t("reviews.detail.aggregateHeading")}</h3>
              <AggregateTable
                rubric={rubric}
                perCriterion={aggregate.perCriterion}
                meanTotal={aggregate.meanTotal}
                totalSpread={aggregate.totalSpread}
                count={aggregate.count}
                t={t}
                locale={locale}
              />
            </>
          ) : null}
          {peers.map((peer) => (
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
                <strong>{t("reviews.score.recommendationLegend")}:</strong> {peer.recommendation ? t(`reviews.recommendation.${peer.recommendation}`) : "–"}
              </p>
              {peer.comment ? <div className="text-pre">{peer.comment}</div> : null}
            </div>
          ))}
        </>
      )}
    </section>
  );
}

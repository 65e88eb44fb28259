import type { Locale } from "@/lib/i18n/config";
import { formatDateTime } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";
import type { Translate } from "@/lib/i18n/translate";
import type { AssignableReviewer, ReviewProgramOption, ReviewSummary, ReviewSummaryGroup } from "@/lib/reviews/queries";
import { AssignReviewersForm, type AssignReviewersAction } from "./assign-reviewers-form";
import { formatScore, localName, reviewStatusBadgeClass } from "./review-format";

/** What the page loads for the panel: the summary and, while reviewers may be assigned, the form's options. */
export interface ReviewPanelData {
  summary: ReviewSummary;
  /** Whether reviewers may be assigned now (screening or under review). */
  isOpen: boolean;
  reviewers: AssignableReviewer[];
  programs: ReviewProgramOption[];
  partners: { id: string; nameEn: string; nameEs: string }[];
}

/**
 * The reviews of a request, for program officers: the assign-reviewers form (while the request is in
 * screening or under review) and every review with scores per criterion, weighted totals and spreads.
 * Renders nothing for anyone else (the page passes null): the state never sees reviewers or scores.
 */
export async function ReviewPanel({ data, assignAction }: { data: ReviewPanelData | null; assignAction: AssignReviewersAction }) {
  if (!data) return null;
  const { summary, isOpen, reviewers, programs, partners } = data;
  const { t, locale } = await getI18n();
  const collator = new Intl.Collator(locale);

  return (
    <section className="card stack" aria-labelledby="request-reviews" data-testid="review-panel">
      <h2 id="request-reviews">{t("reviews.summary.heading")}</h2>
      {summary.counts.total === 0 ? (
        <p className="muted">{t("reviews.summary.none")}</p>
      ) : (
        <>
          <p>
            {t("reviews.summary.counts", {
              total: summary.counts.total,
              submitted: summary.counts.submitted,
              active: summary.counts.active,
              awaiting: summary.counts.awaiting_declaration,
              recused: summary.counts.recused,
            })}
          </p>
          {summary.counts.submitted > 0 ? <p>{t("reviews.summary.recommendations", summary.recommendations)}</p> : null}
          {summary.groups.map((group, index) => (
            <SummaryTable key={group.program?.id ?? `none-${index}`} group={group} revisionCount={summary.request.revisionCount} t={t} locale={locale} />
          ))}
          <ReviewerComments groups={summary.groups} t={t} locale={locale} />
        </>
      )}

      <h3>{t("reviews.assign.heading")}</h3>
      {isOpen ? (
        <>
          <p className="muted">{t("reviews.assign.intro")}</p>
          <AssignReviewersForm
            requestId={summary.request.id}
            action={assignAction}
            reviewers={reviewers.map((r) => ({
              id: r.id,
              label: [r.name ?? r.email, r.organization ? localName(r.organization, locale) : null, r.email].filter(Boolean).join(" · "),
              organizationId: r.organizationId,
              autoRecusal: r.autoRecusal,
              isAssigned: r.isAssigned,
            }))}
            programs={programs.map((p) => {
              const name = localName(p, locale);
              return {
                id: p.id,
                hasRubric: p.hasRubric,
                label: !p.hasRubric
                  ? t("reviews.assign.withoutRubric", { name })
                  : p.isSuggested
                    ? t("reviews.assign.suggested", { name })
                    : name,
              };
            })}
            partners={partners.map((p) => ({ id: p.id, name: localName(p, locale) })).sort((a, b) => collator.compare(a.name, b.name))}
          />
        </>
      ) : (
        <p className="muted">{t("reviews.assign.closed")}</p>
      )}
    </section>
  );
}

function SummaryTable({ group, revisionCount, t, locale }: { group: ReviewSummaryGroup; revisionCount: number; t: Translate; locale: Locale }) {
  const { criteria, assignments, aggregate } = group;
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="muted">
          {group.program ? t("reviews.summary.caption", { program: localName(group.program, locale) }) : t("reviews.summary.captionNoProgram")}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t("reviews.summary.reviewer")}</th>
            <th scope="col">{t("reviews.summary.status")}</th>
            {criteria.map((c) => (
              <th key={c.id} scope="col">
                {localName(c, locale)}
                <br />
                <span className="small normal-case">
                  {t("reviews.summary.weightShort", { weight: c.weight })}
                </span>
              </th>
            ))}
            <th scope="col">{t("reviews.summary.weightedTotal")}</th>
            <th scope="col">{t("reviews.summary.recommendation")}</th>
          </tr>
        </thead>
        <tbody>
          {assignments.map((a) => {
            const byCriterion = new Map(a.scores.map((s) => [s.criterionId, s.score]));
            return (
              <tr key={a.id}>
                <th scope="row" className="text-plain">
                  {a.reviewerName ?? t("reviews.summary.unknownReviewer")}
                  <br />
                  <span className="muted small">{a.reviewerEmail}</span>
                </th>
                <td>
                  <span className={reviewStatusBadgeClass(a.status)}>{t(`reviews.status.${a.status}`)}</span>
                  {a.status === "recused" ? (
                    <p className="small m-0 mt-meta text-break">
                      {a.isAutoRecused ? t("reviews.summary.autoRecused") : a.conflictReason ? t("reviews.summary.conflictDeclared", { reason: a.conflictReason }) : null}
                    </p>
                  ) : null}
                  {a.isOnEarlierRevision && a.revisionNumber !== null ? (
                    <p className="small muted m-0 mt-meta">
                      {t("reviews.summary.earlierRevision", { number: a.revisionNumber, current: revisionCount })}
                    </p>
                  ) : null}
                </td>
                {criteria.map((c) => (
                  <td key={c.id}>{formatScore(byCriterion.get(c.id), locale)}</td>
                ))}
                <td>
                  <strong>{formatScore(a.weightedTotal, locale)}</strong>
                </td>
                <td>{a.recommendation ? t(`reviews.recommendation.${a.recommendation}`) : t("reviews.summary.notScored")}</td>
              </tr>
            );
          })}
        </tbody>
        {aggregate.count > 0 ? (
          <tfoot>
            <tr>
              <th scope="row" colSpan={2} className="normal-case text-size-inherit">
                {t("reviews.summary.mean")}
              </th>
              {aggregate.perCriterion.map((c) => (
                <td key={c.criterionId}>{formatScore(c.mean, locale)}</td>
              ))}
              <td>
                <strong>{formatScore(aggregate.meanTotal, locale)}</strong>
              </td>
              <td />
            </tr>
            <tr>
              <th scope="row" colSpan={2} className="normal-case text-size-inherit">
                {t("reviews.summary.spreadRow")}
              </th>
              {aggregate.perCriterion.map((c) => (
                <td key={c.criterionId} data-testid={`spread-${c.criterionId}`}>
                  {formatScore(c.spread, locale)}
                </td>
              ))}
              <td data-testid="spread-total">
                <strong>{formatScore(aggregate.totalSpread, locale)}</strong>
              </td>
              <td />
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}

function ReviewerComments({ groups, t, locale }: { groups: ReviewSummaryGroup[]; t: Translate; locale: Locale }) {
  const submitted = groups.flatMap((g) => g.assignments.filter((a) => a.status === "submitted").map((a) => ({ a, criteria: g.criteria })));
  return (
    <>
      <h3>{t("reviews.summary.commentsHeading")}</h3>
      {submitted.length === 0 ? (
        <p className="muted">{t("reviews.summary.commentsNone")}</p>
      ) : (
        submitted.map(({ a, criteria }) => (
          <details key={a.id}>
            <summary>
              {a.reviewerName ?? t("reviews.summary.unknownReviewer")}
              {a.submittedAt ? <span className="muted"> · {formatDateTime(a.submittedAt, locale)}</span> : null}
            </summary>
            <ul className="text-pre">
              {criteria.map((c) => {
                const s = a.scores.find((x) => x.criterionId === c.id);
                return s ? <li key={c.id}>{t("reviews.summary.criterionComment", { criterion: localName(c, locale), comment: s.comment })}</li> : null;
              })}
              {a.comment ? <li>{t("reviews.summary.overallComment", { comment: a.comment })}</li> : null}
            </ul>
          </details>
        ))
      )}
    </>
  );
}

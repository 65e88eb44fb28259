// Pure scoring arithmetic for reviews: weighted totals on the 1-5 scale, spreads and aggregates.
// No server imports: the officer's summary, the reviewer's page and the tests all use it.

export const SCORE_MIN = 1;
export const SCORE_MAX = 5;

export interface WeightedCriterion {
  id: string;
  weight: number;
}

export interface CriterionScore {
  criterionId: string;
  score: number;
}

/** Rounds to two decimals for display and comparison (scores are small integers, weights 1-100). */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * The weighted total of one review on the 1-5 scale: sum(score * weight) / sum(weight) over the
 * rubric's criteria. Null unless every criterion is scored (a partial review has no total) or when
 * the rubric is empty.
 */
export function weightedTotal(criteria: readonly WeightedCriterion[], scores: readonly CriterionScore[]): number | null {
  if (criteria.length === 0) return null;
  const byCriterion = new Map(scores.map((s) => [s.criterionId, s.score]));
  let weighted = 0;
  let weights = 0;
  for (const c of criteria) {
    const score = byCriterion.get(c.id);
    if (score === undefined) return null;
    weighted += score * c.weight;
    weights += c.weight;
  }
  return weights > 0 ? round2(weighted / weights) : null;
}

/** max - min of the values; null when there are none. */
export function spread(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return round2(Math.max(...values) - Math.min(...values));
}

/** The arithmetic mean; null when there are no values. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return round2(values.reduce((sum, v) => sum + v, 0) / values.length);
}

export interface CriterionAggregate {
  criterionId: string;
  count: number;
  mean: number | null;
  min: number | null;
  max: number | null;
  spread: number | null;
}

export interface ReviewAggregate {
  /** Submitted reviews counted. */
  count: number;
  perCriterion: CriterionAggregate[];
  /** The weighted total of each counted review, in input order. */
  totals: number[];
  meanTotal: number | null;
  /** max - min of the reviews' weighted totals: how far the reviewers disagree overall. */
  totalSpread: number | null;
}

/** Aggregates submitted reviews against one rubric: per criterion and overall. */
export function aggregateReviews(
  criteria: readonly WeightedCriterion[],
  reviews: readonly { scores: readonly CriterionScore[] }[],
): ReviewAggregate {
  const perCriterion = criteria.map((c) => {
    const values = reviews.flatMap((r) => r.scores.filter((s) => s.criterionId === c.id).map((s) => s.score));
    return {
      criterionId: c.id,
      count: values.length,
      mean: mean(values),
      min: values.length ? Math.min(...values) : null,
      max: values.length ? Math.max(...values) : null,
      spread: spread(values),
    };
  });
  const totals = reviews.map((r) => weightedTotal(criteria, r.scores)).filter((t): t is number => t !== null);
  return { count: totals.length, perCriterion, totals, meanTotal: mean(totals), totalSpread: spread(totals) };
}

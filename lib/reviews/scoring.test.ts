import { describe, expect, it } from "vitest";
import { aggregateReviews, mean, round2, spread, weightedTotal } from "./scoring";

const rubric = [
  { id: "relevance", weight: 30 },
  { id: "feasibility", weight: 25 },
  { id: "sustainability", weight: 20 },
  { id: "value", weight: 25 },
];
const scores = (values: number[]) => rubric.map((c, i) => ({ criterionId: c.id, score: values[i] }));

describe("weightedTotal", () => {
  it("is sum(score * weight) / sum(weight) on the 1-5 scale", () => {
    expect(weightedTotal(rubric, scores([5, 4, 3, 2]))).toBe(3.6); // (150 + 100 + 60 + 50) / 100
    expect(weightedTotal(rubric, scores([1, 1, 1, 1]))).toBe(1);
    expect(weightedTotal(rubric, scores([5, 5, 5, 5]))).toBe(5);
  });

  it("does not depend on the weights summing to 100", () => {
    expect(weightedTotal([{ id: "a", weight: 1 }, { id: "b", weight: 2 }], [{ criterionId: "a", score: 5 }, { criterionId: "b", score: 2 }])).toBe(3);
  });

  it("rounds to two decimals", () => {
    expect(weightedTotal([{ id: "a", weight: 1 }, { id: "b", weight: 2 }], [{ criterionId: "a", score: 4 }, { criterionId: "b", score: 5 }])).toBe(4.67);
  });

  it("is null for a partial review or an empty rubric, and ignores scores of other criteria", () => {
    expect(weightedTotal(rubric, scores([5, 4, 3, 2]).slice(0, 3))).toBeNull();
    expect(weightedTotal([], [])).toBeNull();
    expect(weightedTotal(rubric, [...scores([3, 3, 3, 3]), { criterionId: "other", score: 5 }])).toBe(3);
  });
});

describe("spread and mean", () => {
  it("spread is max - min, null when empty", () => {
    expect(spread([3, 5, 1])).toBe(4);
    expect(spread([2])).toBe(0);
    expect(spread([])).toBeNull();
    expect(spread([3.6, 3])).toBe(0.6);
  });

  it("mean is the arithmetic mean rounded to two decimals, null when empty", () => {
    expect(mean([1, 2])).toBe(1.5);
    expect(mean([1, 1, 2])).toBe(1.33);
    expect(mean([])).toBeNull();
    expect(round2(0.1 + 0.2)).toBe(0.3);
  });
});

describe("aggregateReviews", () => {
  it("gives per-criterion mean, min, max and spread, and the spread of the weighted totals", () => {
    const agg = aggregateReviews(rubric, [{ scores: scores([5, 4, 3, 2]) }, { scores: scores([3, 3, 3, 3]) }]);
    expect(agg.count).toBe(2);
    expect(agg.totals).toEqual([3.6, 3]);
    expect(agg.meanTotal).toBe(3.3);
    expect(agg.totalSpread).toBe(0.6);
    expect(agg.perCriterion).toEqual([
      { criterionId: "relevance", count: 2, mean: 4, min: 3, max: 5, spread: 2 },
      { criterionId: "feasibility", count: 2, mean: 3.5, min: 3, max: 4, spread: 1 },
      { criterionId: "sustainability", count: 2, mean: 3, min: 3, max: 3, spread: 0 },
      { criterionId: "value", count: 2, mean: 2.5, min: 2, max: 3, spread: 1 },
    ]);
  });

  it("with no review, has nothing to report", () => {
    const agg = aggregateReviews(rubric, []);
    expect(agg).toMatchObject({ count: 0, totals: [], meanTotal: null, totalSpread: null });
    expect(agg.perCriterion.every((c) => c.count === 0 && c.mean === null && c.spread === null)).toBe(true);
  });

  it("does not count partial reviews in the totals", () => {
    const agg = aggregateReviews(rubric, [{ scores: scores([5, 5, 5, 5]) }, { scores: scores([1, 1, 1, 1]).slice(0, 2) }]);
    expect(agg.count).toBe(1);
    expect(agg.totalSpread).toBe(0);
    expect(agg.perCriterion[0].spread).toBe(4);
  });
});

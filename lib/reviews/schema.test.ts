import { describe, expect, it } from "vitest";
import { assignReviewersSchema, declareConflictSchema, submitReviewSchema } from "./schema";

const UUID = "6f1c1e2a-1b2c-4d3e-8f40-123456789abc";
const UUID2 = "7f1c1e2a-1b2c-4d3e-8f40-123456789abc";

function issues(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));
}

describe("assignReviewersSchema", () => {
  it("folds duplicate reviewers and treats an empty partner as none", () => {
    const parsed = assignReviewersSchema.parse({ reviewerIds: ["a", "a", "b"], programId: UUID.toUpperCase(), proposedPartnerId: "" });
    expect(parsed).toEqual({ reviewerIds: ["a", "b"], programId: UUID, proposedPartnerId: undefined });
  });

  it("names what is wrong", () => {
    expect(issues(assignReviewersSchema.safeParse({ reviewerIds: [], programId: "" }))).toEqual({
      reviewerIds: "reviews.errors.reviewersRequired",
      programId: "reviews.errors.programRequired",
    });
    expect(issues(assignReviewersSchema.safeParse({ reviewerIds: Array.from({ length: 11 }, (_, i) => `r${i}`), programId: UUID }))).toEqual({
      reviewerIds: "reviews.errors.tooManyReviewers",
    });
    expect(issues(assignReviewersSchema.safeParse({ reviewerIds: ["a"], programId: UUID, proposedPartnerId: "oas" }))).toEqual({
      proposedPartnerId: "reviews.errors.partnerInvalid",
    });
  });
});

describe("declareConflictSchema", () => {
  it("accepts the radio strings and drops a reason given with no conflict", () => {
    expect(declareConflictSchema.parse({ hasConflict: "false", reason: "anything" })).toEqual({ hasConflict: false, reason: null });
    expect(declareConflictSchema.parse({ hasConflict: "true", reason: "  A close relative works there.  " })).toEqual({
      hasConflict: true,
      reason: "A close relative works there.",
    });
  });

  it("requires a reason of 10 to 1000 characters with a conflict", () => {
    expect(issues(declareConflictSchema.safeParse({ hasConflict: true, reason: "" }))).toEqual({ reason: "reviews.errors.reasonRequired" });
    expect(issues(declareConflictSchema.safeParse({ hasConflict: true, reason: "123456789" }))).toEqual({ reason: "reviews.errors.reasonTooShort" });
    expect(declareConflictSchema.safeParse({ hasConflict: true, reason: "1234567890" }).success).toBe(true);
    expect(declareConflictSchema.safeParse({ hasConflict: true, reason: "x".repeat(1000) }).success).toBe(true);
    expect(issues(declareConflictSchema.safeParse({ hasConflict: true, reason: "x".repeat(1001) }))).toEqual({ reason: "reviews.errors.reasonTooLong" });
    expect(issues(declareConflictSchema.safeParse({ hasConflict: "" }))).toEqual({ hasConflict: "reviews.errors.conflictChoice" });
  });
});

describe("submitReviewSchema", () => {
  const valid = {
    scores: [
      { criterionId: UUID, score: "4", comment: "Clear need." },
      { criterionId: UUID2, score: 5, comment: "Strong." },
    ],
    recommendation: "approve",
    comment: "",
  };

  it("takes the radios' strings as whole numbers", () => {
    const parsed = submitReviewSchema.parse(valid);
    expect(parsed.scores.map((s) => s.score)).toEqual([4, 5]);
  });

  it("refuses out-of-range, fractional and missing scores, and missing comments", () => {
    const withScore = (score: unknown, comment = "ok") => ({ ...valid, scores: [{ criterionId: UUID, score, comment }] });
    expect(issues(submitReviewSchema.safeParse(withScore(0)))).toEqual({ "scores.0.score": "reviews.errors.scoreRange" });
    expect(issues(submitReviewSchema.safeParse(withScore("6")))).toEqual({ "scores.0.score": "reviews.errors.scoreRange" });
    expect(issues(submitReviewSchema.safeParse(withScore(2.5)))).toEqual({ "scores.0.score": "reviews.errors.scoreWhole" });
    expect(issues(submitReviewSchema.safeParse(withScore("")))).toEqual({ "scores.0.score": "reviews.errors.scoreRequired" });
    expect(issues(submitReviewSchema.safeParse(withScore(3, "  ")))).toEqual({ "scores.0.comment": "reviews.errors.scoreCommentRequired" });
  });

  it("refuses a criterion scored twice", () => {
    const twice = { ...valid, scores: [valid.scores[0], { ...valid.scores[0], score: 2 }] };
    expect(issues(submitReviewSchema.safeParse(twice))).toEqual({ "scores.1.criterionId": "reviews.errors.criterionDuplicate" });
  });
});

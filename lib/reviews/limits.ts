// The limits of assignments, declarations and reviews, with no zod: the forms read them before
// zod has loaded (schema.ts builds the schemas from them and re-exports them).

export const REVIEW_LIMITS = {
  reviewersMax: 10,
  reasonMin: 10,
  reasonMax: 1000,
  scoreCommentMax: 2000,
  commentMax: 5000,
  criteriaMax: 50,
} as const;

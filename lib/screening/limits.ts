// The outcomes of a screening and its limits, with no zod: the forms read them before
// zod has loaded (schema.ts builds the schemas from them and re-exports them).

export const SCREENING_OUTCOMES = ["send_to_review", "request_changes", "reject"] as const;

export type ScreeningOutcome = (typeof SCREENING_OUTCOMES)[number];

export const SCREENING_LIMITS = { messageMin: 10, messageMax: 5_000 } as const;

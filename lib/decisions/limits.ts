// The decisions on a request and their limits, with no zod: the forms read them before
// zod has loaded (schema.ts builds the schemas from them and re-exports them).

export const DECISIONS = ["approve", "reject", "request_changes"] as const;

export type Decision = (typeof DECISIONS)[number];

export const DECISION_LIMITS = { memoMin: 10, memoMax: 10_000 } as const;

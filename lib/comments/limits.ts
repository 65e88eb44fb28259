// A comment's visibilities and limits, with no zod: the forms read them before
// zod has loaded (schema.ts builds the schemas from them and re-exports them).

export const COMMENT_VISIBILITIES = ["internal", "shared"] as const;

export type CommentVisibility = (typeof COMMENT_VISIBILITIES)[number];

export const COMMENT_LIMITS = { bodyMax: 5_000 } as const;

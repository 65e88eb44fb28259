// The limits of an award, with no zod: the forms read them before
// zod has loaded (schema.ts builds the schemas from them and re-exports them).
import { AMOUNT_MAX_MAJOR } from "@/lib/amounts";

export const AWARD_LIMITS = {
  tranchesMin: 1,
  tranchesMax: 12,
  deliverablesMax: 20,
  deliverableTitleMin: 3,
  deliverableTitleMax: 200,
  periodMaxYears: 5,
  amountMaxMajor: AMOUNT_MAX_MAJOR,
} as const;

// The limits of progress reports and indicators, and the breakdown dimensions, with no zod: the forms read them before
// zod has loaded (schema.ts builds the schemas from them and re-exports them).
import { majorToMinor } from "@/lib/amounts";

export const REPORTING_LIMITS = {
  narrativeMax: 10_000,
  breakdownLabelMax: 100,
  breakdownRowsMax: 50,
  deliverableNoteMin: 1,
  deliverableNoteMax: 2_000,
  returnCommentMin: 10,
  returnCommentMax: 5_000,
  indicatorsMax: 30,
  /** A reporting period's number, as the URL gives it (a ten-year award reported monthly has 120). */
  periodNumberMax: 1_000,
  actualsMax: 100,
  /** NUMERIC(14, 2): twelve digits before the point. */
  valueMax: 999_999_999_999.99,
} as const;

export const BREAKDOWN_DIMENSIONS = ["agency", "weapon_type", "sex", "other"] as const;

export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number];

/** "12.5" -> 1250: a quantity in hundredths, so sums of breakdowns compare exactly. */
export function toHundredths(value: string): number {
  return majorToMinor(value);
}

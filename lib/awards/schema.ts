// Shared by the award form (react-hook-form, in the browser) and the server (action and mutation).
// Issue messages are message keys (lib/i18n/messages/awards.ts), translated where they are shown.
import { z } from "zod";
import { safeText } from "@/lib/forms/safe-text";
import { AWARD_STATUSES } from "@/lib/enums";
import { majorToMinor } from "@/lib/requests/schema";
import "@/lib/forms/zod";

export const AWARD_LIMITS = {
  tranchesMin: 1,
  tranchesMax: 12,
  deliverablesMax: 20,
  deliverableTitleMin: 3,
  deliverableTitleMax: 200,
  periodMaxYears: 5,
  amountMaxMajor: 100_000_000, // USD 100 million, as for a request's estimated cost
} as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MONEY = /^\d{1,9}(\.\d{1,2})?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const trimmed = (v: unknown) => (typeof v === "string" ? v.trim() : v);

/** A UUID chosen in a select ("" when none is chosen yet). */
const choice = (key: "awards.errors.programRequired" | "awards.errors.partnerRequired" | "awards.errors.request") =>
  z.preprocess(trimmed, safeText(key).regex(UUID, key).transform((s) => s.toLowerCase()));

/**
 * An amount in US dollars as typed ("150000", "150,000.50"): positive, at most two decimals.
 * A minus sign gets its own message, so "-5" does not read as a typing mistake.
 */
export const moneyField = z.preprocess(
  (v) => (typeof v === "number" ? String(v) : typeof v === "string" ? v.trim().replace(/,/g, "") : v),
  safeText("awards.errors.money").superRefine((s, ctx) => {
    if (s === "") ctx.addIssue({ code: "custom", message: "awards.errors.amountRequired" });
    else if (s.startsWith("-")) ctx.addIssue({ code: "custom", message: "awards.errors.amountPositive" });
    else if (!MONEY.test(s)) ctx.addIssue({ code: "custom", message: "awards.errors.money" });
    else if (majorToMinor(s) <= 0) ctx.addIssue({ code: "custom", message: "awards.errors.amountPositive" });
    else if (Number(s) > AWARD_LIMITS.amountMaxMajor) ctx.addIssue({ code: "custom", message: "awards.errors.amountTooHigh" });
  }),
);

/** Whether "2026-02-30" is a real calendar date ("YYYY-MM-DD"), between 2000 and 2100. */
export function isCalendarDate(s: string): boolean {
  if (!DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s) && s >= "2000-01-01" && s <= "2100-12-31";
}

export const dateField = z.preprocess(
  trimmed,
  safeText("awards.errors.date").superRefine((s, ctx) => {
    if (s === "") ctx.addIssue({ code: "custom", message: "awards.errors.dateRequired" });
    else if (!isCalendarDate(s)) ctx.addIssue({ code: "custom", message: "awards.errors.date" });
  }),
);

/** The same calendar day `years` later ("2024-02-29" + 1 -> "2025-03-01", as Date.UTC rolls over). */
export function addYears(isoDate: string, years: number): string {
  const [y, m, d] = isoDate.split("-").map(Number);
  const date = new Date(Date.UTC(y + years, m - 1, d));
  // Not a date: "" rather than a RangeError, so a caller's comparison fails instead of crashing.
  return Number.isNaN(date.getTime()) ? "" : date.toISOString().slice(0, 10);
}

/** The sum, in minor units, of the amounts that parse; invalid ones count as zero (the form shows it live). */
export function sumMinor(amounts: readonly unknown[]): number {
  let total = 0;
  for (const a of amounts) {
    const s = typeof a === "string" ? a.trim().replace(/,/g, "") : typeof a === "number" ? String(a) : "";
    if (MONEY.test(s)) total += majorToMinor(s);
  }
  return total;
}

export const trancheSchema = z.strictObject({ amount: moneyField, plannedOn: dateField });

export const deliverableSchema = z.strictObject({
  title: z.preprocess(
    trimmed,
    safeText("awards.errors.deliverableTitleShort")
      .min(AWARD_LIMITS.deliverableTitleMin, "awards.errors.deliverableTitleShort")
      .max(AWARD_LIMITS.deliverableTitleMax, "awards.errors.deliverableTitleLong"),
  ),
  dueOn: dateField,
});

/**
 * An award from an approved request: the program, the implementing partner, the amount (US dollars,
 * converted to integer cents with majorToMinor), the period (ends after it starts, at most five years),
 * 1 to 12 planned tranches within the period adding up to the amount, and up to 20 deliverables due
 * within the period. `expectedVersion` is the request's version the form was opened with. What depends on
 * the database (the program's period, countries, categories and funds; the partner's type) is checked by
 * the mutation.
 */
export const createAwardSchema = z
  .strictObject({
    requestId: choice("awards.errors.request"),
    programId: choice("awards.errors.programRequired"),
    implementingPartnerId: choice("awards.errors.partnerRequired"),
    amount: moneyField,
    startsOn: dateField,
    endsOn: dateField,
    tranches: z
      .array(trancheSchema, "awards.errors.tranchesMin")
      .min(AWARD_LIMITS.tranchesMin, "awards.errors.tranchesMin")
      .max(AWARD_LIMITS.tranchesMax, "awards.errors.tranchesMax"),
    deliverables: z.array(deliverableSchema, "awards.errors.deliverablesMax").max(AWARD_LIMITS.deliverablesMax, "awards.errors.deliverablesMax").default([]),
    expectedVersion: z.number("awards.errors.version").int("awards.errors.version").min(1, "awards.errors.version").max(2_147_483_647, "awards.errors.version"),
  })
  .superRefine((value, ctx) => {
    // The field schemas report a bad date, but zod still runs this refinement; date arithmetic on
    // "" or "2026-02-30" would throw (in the browser too), so the period is judged only on real dates.
    if (!isCalendarDate(value.startsOn) || !isCalendarDate(value.endsOn)) return;
    const periodOk = value.endsOn > value.startsOn;
    if (!periodOk) {
      ctx.addIssue({ code: "custom", path: ["endsOn"], message: "awards.errors.endsBeforeStart" });
    } else if (value.endsOn > addYears(value.startsOn, AWARD_LIMITS.periodMaxYears)) {
      ctx.addIssue({ code: "custom", path: ["endsOn"], message: "awards.errors.periodTooLong" });
    }
    const within = (d: string) => d >= value.startsOn && d <= value.endsOn;
    value.tranches.forEach((tranche, i) => {
      if (periodOk && !within(tranche.plannedOn)) {
        ctx.addIssue({ code: "custom", path: ["tranches", i, "plannedOn"], message: "awards.errors.trancheOutsidePeriod" });
      }
    });
    value.deliverables.forEach((deliverable, i) => {
      if (periodOk && !within(deliverable.dueOn)) {
        ctx.addIssue({ code: "custom", path: ["deliverables", i, "dueOn"], message: "awards.errors.deliverableOutsidePeriod" });
      }
    });
    if (value.tranches.length > 0 && sumMinor(value.tranches.map((t) => t.amount)) !== majorToMinor(value.amount)) {
      ctx.addIssue({ code: "custom", path: ["tranches"], message: "awards.errors.tranchesSum" });
    }
  });
export type CreateAwardInput = z.output<typeof createAwardSchema>;

/** What the award form holds: raw strings from its inputs, plus the ids and version it was opened with. */
export interface AwardFormValues {
  requestId: string;
  programId: string;
  implementingPartnerId: string;
  amount: string;
  startsOn: string;
  endsOn: string;
  tranches: { amount: string; plannedOn: string }[];
  deliverables: { title: string; dueOn: string }[];
  expectedVersion: number;
}

/** The awards list's filters, from the query string; bad values fall back to none. */
export const awardListFiltersSchema = z.object({
  status: z.preprocess((v) => (v === "" ? undefined : v), z.enum(AWARD_STATUSES).optional()).catch(undefined),
  program: z.preprocess((v) => (v === "" ? undefined : v), safeText().regex(UUID).optional()).catch(undefined),
});
export type AwardListFilters = z.infer<typeof awardListFiltersSchema>;

// Shared by the award form (react-hook-form, in the browser) and the server (action and mutation).
// Issue messages are message keys (lib/i18n/messages/awards.ts), translated where they are shown.
import { z } from "zod";
import { safeText } from "@/lib/forms/safe-text";
import { AWARD_STATUSES } from "@/lib/enums";
import { addYears, dateField, isCalendarDate, isWithin } from "@/lib/dates";
import { majorToMinor, moneyField, sumMinor } from "@/lib/money";
import "@/lib/forms/zod";
import { UUID_PATTERN } from "@/lib/ids";
import { AWARD_LIMITS } from "./limits";

export { AWARD_LIMITS } from "./limits";

const trimmed = (v: unknown) => (typeof v === "string" ? v.trim() : v);

/** A UUID_PATTERN chosen in a select ("" when none is chosen yet). */
const choice = (key: "awards.errors.programRequired" | "awards.errors.partnerRequired" | "awards.errors.request") =>
  z.preprocess(trimmed, safeText(key).regex(UUID_PATTERN, key).transform((s) => s.toLowerCase()));

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
    const within = (d: string) => isWithin(d, value);
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
  program: z.preprocess((v) => (v === "" ? undefined : v), safeText().regex(UUID_PATTERN).optional()).catch(undefined),
});
export type AwardListFilters = z.infer<typeof awardListFiltersSchema>;

// Shared by the tranche forms (browser) and the server (actions and mutations). Issue messages are
// message keys (lib/i18n/messages/delivery.ts), translated where they are shown.
import { z } from "zod";
import { safeText } from "@/lib/forms/safe-text";
import { dateField } from "@/lib/dates";
import { moneyField } from "@/lib/money";
import "@/lib/forms/zod";
import { UUID_PATTERN } from "@/lib/ids";


export const TRANCHE_LIMITS = { periodNumberMax: 60 } as const;

/**
 * The condition a tranche waits for: none, an accepted deliverable of the same award, or the accepted
 * progress report of a reporting period (by its number). Flat, so a form with a select can hold it.
 */
export const trancheConditionSchema = z
  .strictObject({
    type: z.enum(["none", "deliverable", "report"], "delivery.errors.conditionType"),
    // Bounded even when the type leaves them unused: the form posts every field, and a 20,000-character
    // id or a period number of 1e15 is no choice it offers.
    deliverableId: safeText("delivery.errors.deliverableRequired").trim().max(36, "delivery.errors.deliverableRequired").optional(),
    periodNumber: z
      .union(
        [safeText().max(10), z.number().int().min(1).max(TRANCHE_LIMITS.periodNumberMax)],
        "delivery.errors.periodNumber",
      )
      .optional(),
  })
  .transform((value, ctx) => {
    if (value.type === "deliverable") {
      if (!value.deliverableId || !UUID_PATTERN.test(value.deliverableId)) {
        ctx.addIssue({ code: "custom", path: ["deliverableId"], message: "delivery.errors.deliverableRequired" });
        return z.NEVER;
      }
      return { type: "deliverable" as const, deliverableId: value.deliverableId.toLowerCase() };
    }
    if (value.type === "report") {
      const raw = typeof value.periodNumber === "string" ? value.periodNumber.trim() : value.periodNumber;
      const n = typeof raw === "number" ? raw : raw && /^\d{1,3}$/.test(raw) ? Number(raw) : NaN;
      if (!Number.isInteger(n) || n < 1 || n > TRANCHE_LIMITS.periodNumberMax) {
        ctx.addIssue({ code: "custom", path: ["periodNumber"], message: "delivery.errors.periodNumber" });
        return z.NEVER;
      }
      return { type: "report" as const, periodNumber: n };
    }
    return { type: "none" as const };
  });
export type TrancheConditionInput = z.output<typeof trancheConditionSchema>;

/** A disbursement: the amount in US dollars as typed and the day it was paid. */
export const recordDisbursementSchema = z.strictObject({ amount: moneyField, disbursedOn: dateField });
export type RecordDisbursementInput = z.output<typeof recordDisbursementSchema>;

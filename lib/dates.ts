// The zod field for calendar days ("YYYY-MM-DD"), and (re-exported) the plain helpers of lib/days.ts.
// No server imports: forms' schemas and the server share it. Issue messages are message keys
// (lib/i18n/messages/awards.ts).
import { z } from "zod";
import { safeText } from "@/lib/forms/safe-text";
import "@/lib/forms/zod";
import { isCalendarDate } from "./days";

export { isCalendarDate, isoDateOf, todayIso, addDays, addMonthsClamped, addYears, daysBetween, isWithin } from "./days";

const trimmed = (v: unknown) => (typeof v === "string" ? v.trim() : v);

/** A required calendar date as typed or picked ("YYYY-MM-DD"). */
export const dateField = z.preprocess(
  trimmed,
  safeText("awards.errors.date").superRefine((s, ctx) => {
    if (s === "") ctx.addIssue({ code: "custom", message: "awards.errors.dateRequired" });
    else if (!isCalendarDate(s)) ctx.addIssue({ code: "custom", message: "awards.errors.date" });
  }),
);

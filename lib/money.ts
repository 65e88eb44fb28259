// The zod field for amounts of money, and (re-exported) the plain helpers of lib/amounts.ts. No server
// imports: the forms' schemas and the server share it. Issue messages are message keys
// (lib/i18n/messages/awards.ts), translated where they are shown.
import { z } from "zod";
import { safeText } from "@/lib/forms/safe-text";
import "@/lib/forms/zod";
import { AMOUNT_MAX_MAJOR, MONEY, majorToMinor, moneyText } from "./amounts";

export { AMOUNT_MAX_MAJOR, majorToMinor, minorToMajor, moneyText, sumMinor } from "./amounts";

/**
 * An amount in US dollars as typed ("150000", "150,000.50"): positive, at most two decimals.
 * A minus sign gets its own message, so "-5" does not read as a typing mistake.
 */
export const moneyField = z.preprocess(
  moneyText,
  safeText("awards.errors.money").superRefine((s, ctx) => {
    if (s === "") ctx.addIssue({ code: "custom", message: "awards.errors.amountRequired" });
    else if (s.startsWith("-")) ctx.addIssue({ code: "custom", message: "awards.errors.amountPositive" });
    else if (!MONEY.test(s)) ctx.addIssue({ code: "custom", message: "awards.errors.money" });
    else if (majorToMinor(s) <= 0) ctx.addIssue({ code: "custom", message: "awards.errors.amountPositive" });
    else if (Number(s) > AMOUNT_MAX_MAJOR) ctx.addIssue({ code: "custom", message: "awards.errors.amountTooHigh" });
  }),
);

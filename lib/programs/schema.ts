// Shared by the program form (react-hook-form, in the browser) and the server (action and mutation).
// Issue messages are message keys (lib/i18n/messages/programs.ts), translated where they are shown.
import { z } from "zod";
import { safeText } from "@/lib/forms/safe-text";
import { versionStamp } from "@/lib/forms/version-stamp";
import { ASSISTANCE_CATEGORIES } from "@/lib/enums";
import { isCalendarDate } from "@/lib/dates";
import { majorToMinor, moneyText } from "@/lib/money";
import "@/lib/forms/zod";
import { UUID_PATTERN } from "@/lib/ids";
import { PROGRAM_LIMITS, PROGRAM_CURRENCIES } from "./limits";

export { PROGRAM_LIMITS, PROGRAM_CURRENCIES } from "./limits";

const MONEY = /^\d{1,11}(\.\d{1,2})?$/;
const KEY = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const CRITERION_KEY = /^[a-z][a-z0-9_]*$/;

const trimmed = (v: unknown) => (typeof v === "string" ? v.trim() : v);
const blankToUndefined = (v: unknown) => (v === null || (typeof v === "string" && v.trim() === "") ? undefined : v);

/** US dollars as typed: digits, at most two decimals, zero allowed (positivity is the caller's rule). */
const money = safeText("programs.errors.money")
  .regex(MONEY, "programs.errors.money")
  .refine((s) => Number(s) <= PROGRAM_LIMITS.ceilingMaxMajor, "programs.errors.amountTooHigh");

const nameField = z.preprocess(
  trimmed,
  safeText("programs.errors.nameShort").min(PROGRAM_LIMITS.nameMin, "programs.errors.nameShort").max(PROGRAM_LIMITS.nameMax, "programs.errors.nameLong"),
);

const dateField = z.preprocess(trimmed, safeText("programs.errors.date").refine(isCalendarDate, "programs.errors.date"));

export const rubricCriterionSchema = z.strictObject({
  key: z.preprocess(
    trimmed,
    safeText("programs.errors.criterionKey").min(2, "programs.errors.criterionKey").max(40, "programs.errors.criterionKey").regex(CRITERION_KEY, "programs.errors.criterionKey"),
  ),
  nameEn: nameField,
  nameEs: nameField,
  weight: z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v.trim())) : v),
    z
      .number("programs.errors.weight")
      .int("programs.errors.weight")
      .min(PROGRAM_LIMITS.weightMin, "programs.errors.weight")
      .max(PROGRAM_LIMITS.weightMax, "programs.errors.weight"),
  ),
});

const programFields = {
  nameEn: nameField,
  nameEs: nameField,
  currency: z.enum(PROGRAM_CURRENCIES, "programs.errors.currency"),
  ceiling: z.preprocess(moneyText, money),
  perAwardCap: z.preprocess((v) => blankToUndefined(moneyText(v)), money.optional()),
  approvalThreshold: z.preprocess(moneyText, money),
  startsOn: dateField,
  endsOn: dateField,
  donorIds: z
    .array(safeText().regex(UUID_PATTERN, "programs.errors.donorInvalid").transform((s) => s.toLowerCase()), "programs.errors.donorsRequired")
    .min(1, "programs.errors.donorsRequired")
    .max(PROGRAM_LIMITS.donorsMax, "programs.errors.donorsTooMany")
    .transform((ids) => [...new Set(ids)]),
  countryIsos: z
    .array(safeText().regex(/^[A-Z]{2}$/, "programs.errors.countryInvalid"), "programs.errors.countriesRequired")
    .min(1, "programs.errors.countriesRequired")
    .transform((isos) => [...new Set(isos)].sort()),
  categories: z
    .array(z.enum(ASSISTANCE_CATEGORIES, "programs.errors.categoryInvalid"), "programs.errors.categoriesRequired")
    .min(1, "programs.errors.categoriesRequired")
    .transform((cs) => ASSISTANCE_CATEGORIES.filter((c) => cs.includes(c))),
  rubric: z
    .array(rubricCriterionSchema, "programs.errors.rubricMin")
    .min(PROGRAM_LIMITS.rubricMin, "programs.errors.rubricMin")
    .max(PROGRAM_LIMITS.rubricMax, "programs.errors.rubricMax"),
};

interface ProgramRuleFields {
  ceiling: string;
  perAwardCap?: string;
  approvalThreshold: string;
  startsOn: string;
  endsOn: string;
  rubric: { key: string }[];
}

/** Rules across fields: a positive ceiling, cap and threshold within it, an ordered period, unique criterion keys. */
export function checkProgram(value: ProgramRuleFields, ctx: z.RefinementCtx): void {
  const ceiling = majorToMinor(value.ceiling);
  if (ceiling <= 0) ctx.addIssue({ code: "custom", path: ["ceiling"], message: "programs.errors.ceilingPositive" });
  if (value.perAwardCap !== undefined) {
    const cap = majorToMinor(value.perAwardCap);
    if (cap <= 0) ctx.addIssue({ code: "custom", path: ["perAwardCap"], message: "programs.errors.capPositive" });
    else if (cap > ceiling) ctx.addIssue({ code: "custom", path: ["perAwardCap"], message: "programs.errors.capAboveCeiling" });
  }
  if (majorToMinor(value.approvalThreshold) > ceiling) {
    ctx.addIssue({ code: "custom", path: ["approvalThreshold"], message: "programs.errors.thresholdAboveCeiling" });
  }
  if (value.endsOn <= value.startsOn) ctx.addIssue({ code: "custom", path: ["endsOn"], message: "programs.errors.endsBeforeStart" });
  const seen = new Set<string>();
  value.rubric.forEach((criterion, i) => {
    if (seen.has(criterion.key)) ctx.addIssue({ code: "custom", path: ["rubric", i, "key"], message: "programs.errors.criterionKeyDuplicate" });
    seen.add(criterion.key);
  });
}

/**
 * A new program: a short unique key, names in English and Spanish, currency (US dollars), ceiling,
 * optional per-award cap, approval threshold, period, donors, eligible countries and categories, and
 * its scoring rubric (1 to 10 weighted criteria). Amounts are major units as typed, stored as cents.
 */
export const createProgramSchema = z
  .strictObject({
    key: z.preprocess(
      (v) => (typeof v === "string" ? v.trim().toLowerCase() : v),
      safeText("programs.errors.key")
        .min(PROGRAM_LIMITS.keyMin, "programs.errors.key")
        .max(PROGRAM_LIMITS.keyMax, "programs.errors.key")
        .regex(KEY, "programs.errors.key"),
    ),
    ...programFields,
  })
  .superRefine(checkProgram);

/** An edit's fields: the same as a new program's but the key, and the updated_at the form was loaded with (the version). */
export const updateProgramFields = {
  ...programFields,
  expectedUpdatedAt: versionStamp("programs.errors.version"),
};

/** An edit: the same fields but the key, and the updated_at the form was loaded with (the version). */
export const updateProgramSchema = z.strictObject(updateProgramFields).superRefine(checkProgram);

export type CreateProgramInput = z.output<typeof createProgramSchema>;
export type UpdateProgramInput = z.output<typeof updateProgramSchema>;

/** What the program form holds: raw strings from its inputs. */
export interface ProgramFormValues {
  key?: string;
  nameEn: string;
  nameEs: string;
  currency: (typeof PROGRAM_CURRENCIES)[number];
  ceiling: string;
  perAwardCap: string;
  approvalThreshold: string;
  startsOn: string;
  endsOn: string;
  donorIds: string[];
  countryIsos: string[];
  categories: string[];
  rubric: { key: string; nameEn: string; nameEs: string; weight: string }[];
  expectedUpdatedAt?: string;
}
